// @ts-check

/**
 * Hostile or unusual events must store the same on SQLite and PostgreSQL: SQLite ignores
 * varchar lengths, PostgreSQL refused a 256-character hostname with an error that failed
 * the whole batch. The fields a sender controls become text.
 *
 * Daily counts get a shard in their key: every ingest transaction adds to the same few
 * rows (today, unmapped, notice), and on PostgreSQL concurrent senders queued on that row
 * lock until each commit. Each transaction now adds to one of several rows for the key,
 * and readers sum them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('falco_events', table => {
    table.text('time').notNullable().alter();
    table.text('rule').notNullable().alter();
    table.text('source').notNullable().alter();
    table.text('hostname').nullable().alter();
    table.text('namespace').nullable().alter();
    table.text('pod').nullable().alter();
    table.text('container_image').nullable().alter();
  });
  await knex.schema.alterTable('falco_daily_counts', table => {
    table.integer('shard').notNullable().defaultTo(0).comment('Rows of one key are summed; see the ingest store');
  });
  await knex.schema.alterTable('falco_daily_counts', table => {
    table.dropPrimary();
    table.primary(['day', 'entity_ref', 'priority', 'shard']);
  });
};

/**
 * Folds the shards back into one row per key. Going back to varchar fails on PostgreSQL
 * while longer values are stored: delete those events first.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  /** @type {Array<{ day: string; entity_ref: string; priority: string; count: string | number }>} */
  const totals = await knex('falco_daily_counts')
    .select('day', 'entity_ref', 'priority')
    .sum({ count: 'count' })
    .groupBy('day', 'entity_ref', 'priority');
  await knex('falco_daily_counts').delete();
  await knex.schema.alterTable('falco_daily_counts', table => {
    table.dropPrimary();
    table.primary(['day', 'entity_ref', 'priority']);
  });
  await knex.schema.alterTable('falco_daily_counts', table => {
    table.dropColumn('shard');
  });
  const rows = totals.map(r => ({ day: r.day, entity_ref: r.entity_ref, priority: r.priority, count: Number(r.count) }));
  for (let i = 0; i < rows.length; i += 500) await knex('falco_daily_counts').insert(rows.slice(i, i + 500));
  await knex.schema.alterTable('falco_events', table => {
    table.string('time', 40).notNullable().alter();
    table.string('rule', 255).notNullable().alter();
    table.string('source', 64).notNullable().alter();
    table.string('hostname', 255).nullable().alter();
    table.string('namespace', 255).nullable().alter();
    table.string('pod', 255).nullable().alter();
    table.string('container_image', 512).nullable().alter();
  });
};
