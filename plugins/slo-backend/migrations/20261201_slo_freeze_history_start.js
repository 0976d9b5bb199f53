// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('slo_freezes', table => {
    table
      .timestamp('first_evaluated_at', { useTz: true })
      .nullable()
      .comment('When the error-budget policy first evaluated this SLO: where its freeze history begins');
  });
  // The best known start for SLOs evaluated before this column: their latest measurement.
  await knex('slo_freezes').update({ first_evaluated_at: knex.ref('measured_at') });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('slo_freezes', table => {
    table.dropColumn('first_evaluated_at');
  });
};
