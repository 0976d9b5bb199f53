// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('dora_services', table => {
    table.comment('Every component DORA metrics are ingested for, with its ingestion state');
    table.string('entity_ref').primary();
    table.string('owner_ref').nullable().comment('The owning Group, e.g. group:default/checkout');
    table.string('repository').notNullable().comment('owner/repo on GitHub');
    table.string('environment').notNullable();
    table.string('workflow').nullable().comment('Deploy workflow used when the repository has no deployments');
    table.string('source').nullable().comment('deployments or workflow-runs, once known');
    table.string('deployments_etag').nullable().comment('ETag of the first page of deployments');
    table.string('runs_etag').nullable().comment('ETag of the first page of workflow runs');
    table.timestamp('last_success_at', { useTz: true }).nullable();
    table.text('last_error').nullable().comment('Why the last ingestion failed; null when it succeeded');
    table.timestamp('last_error_at', { useTz: true }).nullable();
    table.boolean('demo').notNullable().defaultTo(false);
  });
  await knex.schema.createTable('dora_deployments', table => {
    table.comment('Production deployments (or deploy workflow runs) per component');
    table.string('entity_ref').notNullable();
    table.string('deployment_id').notNullable().comment('deployment:<id> or run:<id>');
    table.string('sha').notNullable();
    table.string('ref').nullable();
    table.string('environment').notNullable();
    table.string('state').notNullable().comment('The deciding status: success, failure, error, or the latest one');
    table.boolean('final').notNullable().comment('No status change expected any more');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable().comment('When it succeeded or failed');
    table.text('url').nullable();
    table.string('creator').nullable();
    table.string('statuses_etag').nullable();
    table.boolean('commits_resolved').notNullable().defaultTo(false);
    table.primary(['entity_ref', 'deployment_id']);
    table.index(['entity_ref', 'finished_at'], 'dora_deployments_finished_idx');
  });
  await knex.schema.createTable('dora_deployment_commits', table => {
    table.comment('Commits each successful deployment first brought to production, for lead time');
    table.string('entity_ref').notNullable();
    table.string('deployment_id').notNullable();
    table.string('sha').notNullable();
    table.timestamp('committed_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'deployment_id', 'sha']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('dora_deployment_commits');
  await knex.schema.dropTable('dora_deployments');
  await knex.schema.dropTable('dora_services');
};
