// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('slo_freezes', table => {
    table.comment('Error-budget policy: the deploy-freeze state of every SLO, updated with each refresh');
    table.string('entity_ref').notNullable();
    table.string('slo_name').notNullable();
    table.boolean('frozen').notNullable();
    table.timestamp('since', { useTz: true }).nullable().comment('When the current freeze started');
    table.text('reason').nullable();
    table.text('burn').notNullable().comment('FreezeBurn as JSON: the figures the state was decided on');
    table.timestamp('measured_at', { useTz: true }).nullable().comment('When the status it was decided on was measured');
    table.primary(['entity_ref', 'slo_name']);
  });
  await knex.schema.createTable('slo_freeze_transitions', table => {
    table.comment('Every freeze that started or ended, for the weekly review');
    table.increments('id');
    table.string('entity_ref').notNullable();
    table.string('slo_name').notNullable();
    table.string('kind').notNullable().comment('started | ended');
    table.timestamp('at', { useTz: true }).notNullable();
    table.text('reason').nullable();
    table.index(['at'], 'slo_freeze_transitions_at_idx');
  });
  await knex.schema.createTable('slo_freeze_exemptions', table => {
    table.comment('Platform decisions to let a frozen service deploy until expires_at');
    table.increments('id');
    table.string('entity_ref').notNullable();
    table.text('reason').notNullable();
    table.timestamp('expires_at', { useTz: true }).notNullable();
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('removed_by').nullable();
    table.timestamp('removed_at', { useTz: true }).nullable();
    table.index(['entity_ref'], 'slo_freeze_exemptions_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_freeze_exemptions');
  await knex.schema.dropTable('slo_freeze_transitions');
  await knex.schema.dropTable('slo_freezes');
};
