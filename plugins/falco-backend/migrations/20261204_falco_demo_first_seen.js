// @ts-check

/**
 * When the demo event generator first saw each component in the catalog: a component
 * created after the demo began gets no generated events from before that moment.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('falco_demo_components', table => {
    table.comment('Components the demo generator has seen, and when it first saw them');
    table.string('entity_ref').notNullable().primary();
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('falco_demo_components');
};
