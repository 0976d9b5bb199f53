// @ts-check

const COST_COLUMNS = [
  'cpu',
  'gpu',
  'ram',
  'storage',
  'network',
  'load_balancer',
  'shared',
  'cloud',
  'total',
];

/**
 * Kubecost's `__unmounted__` (persistent volumes no pod mounts) used to be read as a team
 * called `__unmounted__`. Days already stored are never read again, so their lines are
 * moved here to the unmounted line they are: never a team's.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const rows = await knex('cost_daily')
    .where({ kind: 'workload', team_key: '__unmounted__' })
    .select();
  if (rows.length === 0) return;
  /** @type {Map<string, Record<string, any>>} */
  const merged = new Map();
  for (const row of rows) {
    const key = `${row.source}\u0000${row.day}`;
    const sum = merged.get(key) ?? {
      source: row.source,
      day: row.day,
      kind: 'unmounted',
      team_key: '',
      service_key: '',
      cpu_efficiency: null,
      ram_efficiency: null,
      ...Object.fromEntries(COST_COLUMNS.map(c => [c, 0])),
    };
    for (const column of COST_COLUMNS)
      sum[column] = Number(sum[column]) + Number(row[column]);
    merged.set(key, sum);
  }
  await knex.transaction(async tx => {
    await tx('cost_daily')
      .where({ kind: 'workload', team_key: '__unmounted__' })
      .delete();
    await tx('cost_daily_team')
      .where({ kind: 'workload', team_key: '__unmounted__' })
      .delete();
    for (const row of merged.values()) {
      await tx('cost_daily').insert(row);
      const {
        service_key: _s,
        cpu_efficiency: _c,
        ram_efficiency: _r,
        ...team
      } = row;
      await tx('cost_daily_team').insert(team);
    }
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex('cost_daily_team')
    .where({ kind: 'unmounted' })
    .update({ kind: 'workload', team_key: '__unmounted__' });
  await knex('cost_daily')
    .where({ kind: 'unmounted' })
    .update({ kind: 'workload', team_key: '__unmounted__' });
};
