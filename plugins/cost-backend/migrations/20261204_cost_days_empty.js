// @ts-check

/**
 * A day a source answered without any cost (Kubecost returned no set, Cost Explorer no
 * group) is remembered, so it is asked for again at most daily instead of on every run.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('cost_days', table => {
    table
      .boolean('empty')
      .notNullable()
      .defaultTo(false)
      .comment(
        'The source answered with no cost for the day; asked again once ingested_at is a day old',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('cost_days', table => {
    table.dropColumn('empty');
  });
};
