// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecard_definitions', table => {
    table.comment('Scorecard definitions saved from the portal; the newest replaces the configured file');
    table.increments('id');
    table.text('yaml').notNullable();
    table.string('updated_by').nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('scorecard_runs', table => {
    table.comment('One row per evaluation of every entity');
    table.increments('id');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).notNullable();
    table.string('trigger').notNullable().comment('schedule, manual or definitions');
    table.string('triggered_by').nullable().comment('User entity ref for manual runs');
    table.integer('entity_count').notNullable();
    table.integer('duration_ms').notNullable();
    table.text('sources').notNullable().comment('FactSourceStatus[] as JSON');
  });
  await knex.schema.createTable('scorecard_results', table => {
    table.comment('The latest result per entity');
    table.string('entity_ref').primary();
    table.integer('run_id').notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.text('entity').notNullable().comment('ScoredEntity as JSON');
    table.text('scorecards').notNullable().comment('ScorecardResult[] as JSON');
  });
  await knex.schema.createTable('scorecard_level_history', table => {
    table.comment('A row whenever an entity changes level or check counts on a scorecard');
    table.string('entity_ref').notNullable();
    table.string('scorecard_id').notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.string('level').nullable();
    table.integer('passed').notNullable();
    table.integer('failed').notNullable();
    table.integer('unknown').notNullable();
    table.index(['entity_ref', 'evaluated_at']);
  });
  await knex.schema.createTable('scorecard_trends', table => {
    table.comment('Per run, scope (all or an owner) and scorecard: level counts and check outcomes');
    table.integer('run_id').notNullable();
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    table.string('scope').notNullable().comment('"all" or the owner entity ref');
    table.string('scorecard_id').notNullable();
    table.text('level_counts').notNullable();
    table.integer('passed').notNullable();
    table.integer('failed').notNullable();
    table.integer('unknown').notNullable();
    table.primary(['run_id', 'scope', 'scorecard_id']);
    table.index(['scope', 'evaluated_at']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const name of [
    'scorecard_trends',
    'scorecard_level_history',
    'scorecard_results',
    'scorecard_runs',
    'scorecard_definitions',
  ]) {
    await knex.schema.dropTable(name);
  }
};
