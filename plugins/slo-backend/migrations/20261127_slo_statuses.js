// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_statuses', table => {
    table.comment('The last measurement of every SLO, and the last good one when Prometheus fails');
    table.string('entity_ref').notNullable();
    table.string('slo_name').notNullable();
    table.text('definition').notNullable().comment('SloDefinition as JSON');
    table.text('status').nullable().comment('SloStatus as JSON, from the last good measurement');
    table.timestamp('measured_at', { useTz: true }).nullable().comment('When status was measured');
    table.text('error').nullable().comment('Why the last attempt failed; null when it succeeded');
    table.timestamp('error_at', { useTz: true }).nullable();
    table.primary(['entity_ref', 'slo_name']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_statuses');
};
