// @ts-check

const CATEGORY_COLUMNS = [
  'cpu',
  'gpu',
  'ram',
  'storage',
  'network',
  'load_balancer',
  'shared',
  'cloud',
];

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('cost_daily', table => {
    table.comment(
      'Cost per source, day, team and service, split by category; history is kept',
    );
    table
      .string('source', 16)
      .notNullable()
      .comment('kubecost, opencost, aws or demo');
    table.string('day', 10).notNullable().comment('UTC day, YYYY-MM-DD');
    table
      .string('kind', 16)
      .notNullable()
      .comment('workload, idle or unallocated');
    table
      .string('team_key')
      .notNullable()
      .comment("Team label/tag value; '' for idle and unallocated");
    table
      .string('service_key')
      .notNullable()
      .comment("Service label, namespace or tag value; '' when none");
    for (const column of CATEGORY_COLUMNS)
      table.double(column).notNullable().defaultTo(0);
    table
      .double('total')
      .notNullable()
      .comment('Sum of the category columns, USD');
    table
      .double('cpu_efficiency')
      .nullable()
      .comment('CPU usage / request average');
    table.double('ram_efficiency').nullable();
    table.primary(['source', 'day', 'kind', 'team_key', 'service_key']);
    table.index(['day'], 'cost_daily_day_idx');
    table.index(['team_key', 'day'], 'cost_daily_team_day_idx');
    table.index(['service_key', 'day'], 'cost_daily_service_day_idx');
  });

  await knex.schema.createTable('cost_daily_team', table => {
    table.comment(
      'cost_daily summed per source, day, kind and team: what the overview reads',
    );
    table.string('source', 16).notNullable();
    table.string('day', 10).notNullable();
    table.string('kind', 16).notNullable();
    table.string('team_key').notNullable();
    for (const column of CATEGORY_COLUMNS)
      table.double(column).notNullable().defaultTo(0);
    table.double('total').notNullable();
    table.primary(['source', 'day', 'kind', 'team_key']);
    table.index(['day'], 'cost_daily_team_rollup_day_idx');
  });

  await knex.schema.createTable('cost_days', table => {
    table.comment(
      'Which days each source has been read for; a missing day is read on the next run',
    );
    table.string('source', 16).notNullable();
    table.string('day', 10).notNullable();
    table.timestamp('ingested_at', { useTz: true }).notNullable();
    table
      .boolean('provisional')
      .notNullable()
      .comment(
        'The source may still revise it (AWS Estimated); read again next run',
      );
    table.primary(['source', 'day']);
  });

  await knex.schema.createTable('cost_source_status', table => {
    table.comment('The last ingestion of each source');
    table.string('source', 16).notNullable().primary();
    table.timestamp('last_success_at', { useTz: true }).nullable();
    table
      .text('last_error')
      .nullable()
      .comment('Why the latest run failed; null when it succeeded');
    table.timestamp('last_error_at', { useTz: true }).nullable();
    table.integer('pending_days').notNullable().defaultTo(0);
  });

  await knex.schema.createTable('cost_entities', table => {
    table.comment(
      'Teams and services from the catalog, as of the last ingestion, with how sources name them',
    );
    table.string('entity_ref').notNullable().primary();
    table.string('kind', 16).notNullable().comment('team or service');
    table.string('title').notNullable();
    table
      .string('allocation_key')
      .notNullable()
      .comment('The label/tag value the sources report');
    table.string('team_ref').nullable().comment("A service's owning team");
    table.double('monthly_budget_usd').nullable();
    table
      .string('unit')
      .nullable()
      .comment('What throughput is counted in, for unit cost');
    table.index(['kind', 'allocation_key'], 'cost_entities_key_idx');
  });

  await knex.schema.createTable('cost_units', table => {
    table.comment(
      'Units (requests, orders) a service handled per day, for unit cost',
    );
    table.string('entity_ref').notNullable();
    table.string('day', 10).notNullable();
    table.double('units').notNullable();
    table.primary(['entity_ref', 'day']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'cost_units',
    'cost_entities',
    'cost_source_status',
    'cost_days',
    'cost_daily_team',
    'cost_daily',
  ]) {
    await knex.schema.dropTable(table);
  }
};
