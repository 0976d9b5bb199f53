// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('slo_statuses', table => {
    table.text('series').nullable().comment('SloSeries as JSON: burn and budget over the window, for charts');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('slo_statuses', table => {
    table.dropColumn('series');
  });
};
