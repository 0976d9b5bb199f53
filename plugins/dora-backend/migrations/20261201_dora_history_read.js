// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('dora_services', table => {
    table
      .boolean('history_complete')
      .notNullable()
      .defaultTo(false)
      .comment('The first full read of the history finished; until then the service has no figures');
    table
      .boolean('listing_complete')
      .notNullable()
      .defaultTo(false)
      .comment('Every page of the deployment (or run) listing in the history window was read once');
    table.integer('pages_read').notNullable().defaultTo(0).comment('Listing pages read by the first read so far');
    table.integer('pages_total').nullable().comment('Listing pages GitHub reported (Link rel="last")');
    table.string('default_branch').nullable().comment("The repository's default branch, for the workflow-run fallback");
    table.timestamp('first_seen_at', { useTz: true }).nullable().comment('When the component first appeared in the catalog');
  });
  // Histories stored before this migration were read completely (ingestion only recorded
  // a success after a full read).
  await knex('dora_services').whereNotNull('last_success_at').update({ history_complete: true, listing_complete: true });
  await knex('dora_services').update({ first_seen_at: knex.raw('COALESCE(last_success_at, last_error_at)') });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('dora_services', table => {
    table.dropColumn('history_complete');
    table.dropColumn('listing_complete');
    table.dropColumn('pages_read');
    table.dropColumn('pages_total');
    table.dropColumn('default_branch');
    table.dropColumn('first_seen_at');
  });
};
