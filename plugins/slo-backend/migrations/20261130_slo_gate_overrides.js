// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_gate_overrides', table => {
    table.comment('Emergency production deploys despite the deploy gate, as CI recorded them');
    table.increments('id');
    table.string('entity_ref').notNullable();
    table.text('reason').notNullable();
    table.string('actor').nullable().comment('Who started the CI run');
    table.text('run_url').nullable();
    table.string('commit').nullable();
    table.string('decision').notNullable().comment('The gate at that moment: allowed | frozen | unknown');
    table.text('decision_reason').notNullable();
    table.string('recorded_by').notNullable().comment('The credentials that recorded it');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['created_at'], 'slo_gate_overrides_created_at_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_gate_overrides');
};
