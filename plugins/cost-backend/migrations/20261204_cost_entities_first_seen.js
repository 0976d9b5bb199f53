// @ts-check

/**
 * When ingestion first saw each team and service in the catalog: generated demo cost
 * starts there for entities created after the demo began (see demoHistoryStart).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('cost_entities', table => {
    table
      .timestamp('first_seen_at', { useTz: true })
      .nullable()
      .comment('When ingestion first saw the entity in the catalog');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('cost_entities', table => {
    table.dropColumn('first_seen_at');
  });
};
