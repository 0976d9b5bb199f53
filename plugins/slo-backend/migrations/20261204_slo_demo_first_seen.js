// @ts-check

/**
 * When the demo measurer first saw each component with SLOs: a component created after
 * the demo began has generated traffic only from that moment, never an invented past.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_demo_first_seen', table => {
    table.comment('Components the demo measurer has seen, and when it first saw them');
    table.string('entity_ref').notNullable().primary();
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_demo_first_seen');
};
