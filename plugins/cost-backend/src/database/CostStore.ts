import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  COST_CATEGORIES,
  CostBreakdown,
  CostCategory,
  CostLineKind,
  CostSourceName,
  emptyBreakdown,
} from '@internal/plugin-cost-common';
import { Knex } from 'knex';
import { CostLine } from '../sources/CostSource';

const COLUMN: Record<CostCategory, string> = {
  cpu: 'cpu',
  gpu: 'gpu',
  ram: 'ram',
  storage: 'storage',
  network: 'network',
  loadBalancer: 'load_balancer',
  shared: 'shared',
  cloud: 'cloud',
};

/** Rows per insert statement: stays under SQLite's 999 bind variables (15 columns a row). */
const INSERT_CHUNK = 60;

export interface StoredEntity {
  entityRef: string;
  kind: 'team' | 'service';
  title: string;
  allocationKey: string;
  teamRef: string | null;
  monthlyBudgetUsd: number | null;
  unit: string | null;
}

export interface SourceStatusRow {
  source: CostSourceName;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  pendingDays: number;
}

export interface DailyLineTotal {
  day: string;
  kind: CostLineKind;
  teamKey: string;
  total: number;
  byCategory: CostBreakdown;
}

export interface ServiceTotal {
  teamKey: string;
  serviceKey: string;
  monthToDate: number;
  last30Days: number;
}

export interface ServiceDay {
  day: string;
  byCategory: CostBreakdown;
  total: number;
  cpuEfficiency: number | null;
  ramEfficiency: number | null;
}

const toDate = (value: Date | string | null) =>
  value === null ? null : new Date(value);

/** SQLite returns booleans as 0/1. */
const isTrue = (value: unknown) => value === true || value === 1;

/** Daily cost history, which days each source has delivered, and the catalog snapshot. */
export class CostStore {
  static async create(database: DatabaseService): Promise<CostStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@internal/plugin-cost-backend',
          'migrations',
        ),
      });
    }
    return new CostStore(knex);
  }

  constructor(private readonly knex: Knex) {}

  /**
   * Replaces everything `source` said about `day` and marks the day read, in one
   * transaction: reading a day twice never doubles it, and a half-written day never shows.
   * No lines: the source answered that it has no cost for the day (see daysNotToAsk).
   */
  async replaceDay(
    source: CostSourceName,
    day: string,
    lines: CostLine[],
    provisional: boolean,
    at: Date,
  ) {
    const rows = mergeLines(lines).map(line => {
      const row: Record<string, string | number | null> = {
        source,
        day,
        kind: line.kind,
        team_key: line.teamKey ?? '',
        service_key: line.serviceKey ?? '',
        cpu_efficiency: line.cpuEfficiency,
        ram_efficiency: line.ramEfficiency,
      };
      let total = 0;
      for (const category of COST_CATEGORIES) {
        row[COLUMN[category]] = line.costs[category];
        total += line.costs[category];
      }
      row.total = total;
      return row;
    });
    const teamRows = rollUpByTeam(rows);
    await this.knex.transaction(async tx => {
      await tx('cost_daily').where({ source, day }).delete();
      await tx('cost_daily_team').where({ source, day }).delete();
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await tx('cost_daily').insert(rows.slice(i, i + INSERT_CHUNK));
      }
      for (let i = 0; i < teamRows.length; i += INSERT_CHUNK) {
        await tx('cost_daily_team').insert(teamRows.slice(i, i + INSERT_CHUNK));
      }
      await tx('cost_days')
        .insert({
          source,
          day,
          ingested_at: at,
          provisional,
          empty: rows.length === 0,
        })
        .onConflict(['source', 'day'])
        .merge();
    });
  }

  /**
   * Days not to ask `source` for on a run at `now`: those it delivered for good, and those
   * it answered without cost less than `emptyRetryMs` ago. Provisional days (AWS
   * `Estimated`) are asked for again on every run.
   */
  async daysNotToAsk(
    source: CostSourceName,
    first: string,
    last: string,
    now: Date,
    emptyRetryMs: number,
  ): Promise<Set<string>> {
    const rows = await this.knex('cost_days')
      .where({ source })
      .andWhere('day', '>=', first)
      .andWhere('day', '<=', last)
      .select('day', 'provisional', 'empty', 'ingested_at');
    const retryBefore = now.getTime() - emptyRetryMs;
    return new Set(
      rows
        .filter(r =>
          isTrue(r.empty)
            ? new Date(r.ingested_at).getTime() > retryBefore
            : !isTrue(r.provisional),
        )
        .map(r => r.day as string),
    );
  }

  /**
   * What each source has answered for the days from `first` to `last`: days with cost
   * (provisional ones included) and days it said it had none.
   */
  async answeredDays(
    first: string,
    last: string,
  ): Promise<
    Map<CostSourceName, { withCost: Set<string>; empty: Set<string> }>
  > {
    const rows = (await this.knex('cost_days')
      .where('day', '>=', first)
      .andWhere('day', '<=', last)
      .select('source', 'day', 'empty')) as Array<{
      source: CostSourceName;
      day: string;
      empty: boolean | number;
    }>;
    const bySource = new Map<
      CostSourceName,
      { withCost: Set<string>; empty: Set<string> }
    >();
    for (const row of rows) {
      let answered = bySource.get(row.source);
      if (!answered) {
        answered = { withCost: new Set(), empty: new Set() };
        bySource.set(row.source, answered);
      }
      (isTrue(row.empty) ? answered.empty : answered.withCost).add(row.day);
    }
    return bySource;
  }

  async recordSuccess(source: CostSourceName, at: Date, pendingDays: number) {
    await this.knex('cost_source_status')
      .insert({
        source,
        last_success_at: at,
        last_error: null,
        last_error_at: null,
        pending_days: pendingDays,
      })
      .onConflict('source')
      .merge();
  }

  /** Keeps the last success time, so the UI can say how old the figures are. */
  async recordError(
    source: CostSourceName,
    error: string,
    at: Date,
    pendingDays: number,
  ) {
    await this.knex('cost_source_status')
      .insert({
        source,
        last_success_at: null,
        last_error: error,
        last_error_at: at,
        pending_days: pendingDays,
      })
      .onConflict('source')
      .merge(['last_error', 'last_error_at', 'pending_days']);
  }

  async sourceStatuses(): Promise<
    Array<SourceStatusRow & { lastIngestedDay: string | null }>
  > {
    const statuses = await this.knex('cost_source_status')
      .select()
      .orderBy('source');
    const lastDays = (await this.knex('cost_days')
      .where('empty', false)
      .select('source')
      .max({ last: 'day' })
      .groupBy('source')) as Array<{
      source: string;
      last: string;
    }>;
    const lastBySource = new Map(
      lastDays.map(r => [r.source as string, r.last as string]),
    );
    return statuses.map(r => ({
      source: r.source,
      lastSuccessAt: toDate(r.last_success_at),
      lastError: r.last_error,
      lastErrorAt: toDate(r.last_error_at),
      pendingDays: Number(r.pending_days),
      lastIngestedDay: lastBySource.get(r.source) ?? null,
    }));
  }

  /** The latest day any source delivered. */
  async latestDay(): Promise<string | null> {
    const row = await this.knex('cost_daily').max({ last: 'day' }).first();
    return (row?.last as string | null) ?? null;
  }

  /**
   * The catalog's teams and services as of `at`. Each keeps the time it was first seen,
   * across snapshots (an entity that leaves the catalog and comes back starts again).
   */
  async replaceEntities(entities: StoredEntity[], at: Date = new Date()) {
    await this.knex.transaction(async tx => {
      const seen = new Map(
        (
          (await tx('cost_entities').select(
            'entity_ref',
            'first_seen_at',
          )) as Array<{
            entity_ref: string;
            first_seen_at: Date | string | null;
          }>
        ).map(r => [r.entity_ref, r.first_seen_at]),
      );
      await tx('cost_entities').delete();
      const rows = entities.map(e => ({
        entity_ref: e.entityRef,
        kind: e.kind,
        title: e.title,
        allocation_key: e.allocationKey,
        team_ref: e.teamRef,
        monthly_budget_usd: e.monthlyBudgetUsd,
        unit: e.unit,
        first_seen_at: toDate(seen.get(e.entityRef) ?? null) ?? at,
      }));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await tx('cost_entities').insert(rows.slice(i, i + INSERT_CHUNK));
      }
    });
  }

  /** When each entity of the current snapshot was first seen in the catalog. */
  async firstSeenTimes(): Promise<Map<string, Date>> {
    const rows = (await this.knex('cost_entities')
      .whereNotNull('first_seen_at')
      .select('entity_ref', 'first_seen_at')) as Array<{
      entity_ref: string;
      first_seen_at: Date | string;
    }>;
    return new Map(rows.map(r => [r.entity_ref, new Date(r.first_seen_at)]));
  }

  async entities(): Promise<StoredEntity[]> {
    const rows = await this.knex('cost_entities')
      .select()
      .orderBy('entity_ref');
    return rows.map(r => ({
      entityRef: r.entity_ref,
      kind: r.kind,
      title: r.title,
      allocationKey: r.allocation_key,
      teamRef: r.team_ref,
      monthlyBudgetUsd:
        r.monthly_budget_usd === null ? null : Number(r.monthly_budget_usd),
      unit: r.unit,
    }));
  }

  async saveUnits(entityRef: string, day: string, units: number) {
    await this.knex('cost_units')
      .insert({ entity_ref: entityRef, day, units })
      .onConflict(['entity_ref', 'day'])
      .merge();
  }

  async unitsBetween(
    entityRef: string,
    first: string,
    last: string,
  ): Promise<number> {
    const row = await this.knex('cost_units')
      .where({ entity_ref: entityRef })
      .andWhere('day', '>=', first)
      .andWhere('day', '<=', last)
      .sum({ units: 'units' })
      .first();
    return Number(row?.units ?? 0);
  }

  /** The stored daily counts of the given services between `first` and `last`. */
  async unitsOf(
    entityRefs: string[],
    first: string,
    last: string,
  ): Promise<Array<{ entityRef: string; day: string; units: number }>> {
    if (entityRefs.length === 0) return [];
    const rows = await this.knex('cost_units')
      .whereIn('entity_ref', entityRefs)
      .andWhere('day', '>=', first)
      .andWhere('day', '<=', last)
      .select('entity_ref', 'day', 'units');
    return rows.map(r => ({
      entityRef: r.entity_ref as string,
      day: r.day as string,
      units: Number(r.units),
    }));
  }

  /**
   * Changes whenever ingestion stores anything: read responses are cached against it, so
   * a page view costs two small queries until the next ingestion.
   */
  async dataVersion(): Promise<string> {
    const days = await this.knex('cost_days')
      .max({ at: 'ingested_at' })
      .count({ n: '*' })
      .first();
    const statuses = await this.knex('cost_source_status')
      .select('source', 'last_success_at', 'last_error_at', 'pending_days')
      .orderBy('source');
    const entities = await this.knex('cost_entities').count({ n: '*' }).first();
    const units = await this.knex('cost_units').count({ n: '*' }).first();
    return JSON.stringify([days, statuses, entities, units]);
  }

  /** Spend per day, line kind and team key, summed over sources and services. */
  async dailyByTeam(
    first: string,
    last: string,
    teamKeys?: string[],
  ): Promise<DailyLineTotal[]> {
    const query = this.knex('cost_daily_team')
      .where('day', '>=', first)
      .andWhere('day', '<=', last)
      .select('day', 'kind', 'team_key')
      .sum({ total: 'total' })
      .groupBy('day', 'kind', 'team_key')
      .orderBy('day');
    for (const category of COST_CATEGORIES)
      query.sum({ [category]: COLUMN[category] });
    if (teamKeys)
      query.whereIn('team_key', teamKeys).andWhere('kind', 'workload');
    const rows = (await query) as Array<Record<string, string | number>>;
    return rows.map(r => ({
      day: String(r.day),
      kind: r.kind as CostLineKind,
      teamKey: String(r.team_key),
      total: Number(r.total),
      byCategory: readBreakdown(r),
    }));
  }

  /** Per team key and service key: spend since `monthStart` and since `last30Start`, up to `last`. */
  async serviceTotals(args: {
    monthStart: string;
    last30Start: string;
    last: string;
    teamKeys?: string[];
    serviceKeys?: string[];
  }): Promise<ServiceTotal[]> {
    const first =
      args.monthStart < args.last30Start ? args.monthStart : args.last30Start;
    const query = this.knex('cost_daily')
      .where('kind', 'workload')
      .andWhere('day', '>=', first)
      .andWhere('day', '<=', args.last)
      .select('team_key', 'service_key')
      .select(
        this.knex.raw(
          'SUM(CASE WHEN day >= ? THEN total ELSE 0 END) AS month_to_date',
          [args.monthStart],
        ),
        this.knex.raw(
          'SUM(CASE WHEN day >= ? THEN total ELSE 0 END) AS last_30_days',
          [args.last30Start],
        ),
      )
      .groupBy('team_key', 'service_key');
    if (args.teamKeys) query.whereIn('team_key', args.teamKeys);
    if (args.serviceKeys) query.whereIn('service_key', args.serviceKeys);
    const rows = await query;
    return rows.map(r => ({
      teamKey: r.team_key,
      serviceKey: r.service_key,
      monthToDate: Number(r.month_to_date),
      last30Days: Number(r.last_30_days),
    }));
  }

  /** Spend per day and service key (all teams and sources summed). */
  async dailyByService(
    first: string,
    last: string,
  ): Promise<Array<{ day: string; serviceKey: string; total: number }>> {
    const rows = (await this.knex('cost_daily')
      .where('kind', 'workload')
      .andWhere('day', '>=', first)
      .andWhere('day', '<=', last)
      .select('day', 'service_key')
      .sum({ total: 'total' })
      .groupBy('day', 'service_key')) as Array<{
      day: string;
      service_key: string;
      total: number | string;
    }>;
    return rows.map(r => ({
      day: r.day,
      serviceKey: r.service_key,
      total: Number(r.total),
    }));
  }

  /**
   * Which days each source has delivered cost for (provisional ones included) between
   * `first` and `last`. A day answered without cost is not delivered: next to days with
   * cost it more likely means a gap in the source than a cluster that cost nothing.
   */
  async deliveredDays(
    first: string,
    last: string,
  ): Promise<Map<CostSourceName, Set<string>>> {
    const rows = (await this.knex('cost_days')
      .where('day', '>=', first)
      .andWhere('day', '<=', last)
      .andWhere('empty', false)
      .select('source', 'day')) as Array<{
      source: CostSourceName;
      day: string;
    }>;
    const bySource = new Map<CostSourceName, Set<string>>();
    for (const row of rows) {
      const days = bySource.get(row.source) ?? new Set<string>();
      days.add(row.day);
      bySource.set(row.source, days);
    }
    return bySource;
  }

  async unitDays(
    entityRef: string,
    first: string,
    last: string,
  ): Promise<Set<string>> {
    const rows = await this.knex('cost_units')
      .where({ entity_ref: entityRef })
      .andWhere('day', '>=', first)
      .andWhere('day', '<=', last)
      .select('day');
    return new Set(rows.map(r => r.day as string));
  }

  /** Every stored line of the given services, one per day after summing sources. */
  async serviceDays(
    serviceKeys: string[],
    first: string,
    last: string,
  ): Promise<ServiceDay[]> {
    const rows = await this.knex('cost_daily')
      .where('kind', 'workload')
      .whereIn('service_key', serviceKeys)
      .andWhere('day', '>=', first)
      .andWhere('day', '<=', last)
      .select()
      .orderBy('day');
    return rows.map(r => ({
      day: r.day,
      byCategory: readBreakdown(r),
      total: Number(r.total),
      cpuEfficiency:
        r.cpu_efficiency === null ? null : Number(r.cpu_efficiency),
      ramEfficiency:
        r.ram_efficiency === null ? null : Number(r.ram_efficiency),
    }));
  }
}

function readBreakdown(row: Record<string, unknown>): CostBreakdown {
  const breakdown = emptyBreakdown();
  for (const category of COST_CATEGORIES) {
    breakdown[category] = Number(row[category] ?? row[COLUMN[category]] ?? 0);
  }
  return breakdown;
}

function rollUpByTeam(rows: Array<Record<string, string | number | null>>) {
  const byTeam = new Map<string, Record<string, string | number | null>>();
  for (const row of rows) {
    const key = `${row.kind}\u0000${row.team_key}`;
    let sum = byTeam.get(key);
    if (!sum) {
      sum = {
        source: row.source,
        day: row.day,
        kind: row.kind,
        team_key: row.team_key,
        total: 0,
      };
      for (const category of COST_CATEGORIES) sum[COLUMN[category]] = 0;
      byTeam.set(key, sum);
    }
    for (const column of [...COST_CATEGORIES.map(c => COLUMN[c]), 'total']) {
      sum[column] = Number(sum[column]) + Number(row[column]);
    }
  }
  return [...byTeam.values()];
}

/**
 * Lines with the same kind, team and service (several sets in one day) become one; their
 * efficiencies are averaged weighted by what the resource cost.
 */
function mergeLines(lines: CostLine[]): CostLine[] {
  const merged = new Map<string, CostLine>();
  for (const line of lines) {
    const key = `${line.kind}\u0000${line.teamKey ?? ''}\u0000${
      line.serviceKey ?? ''
    }`;
    const previous = merged.get(key);
    if (!previous) {
      merged.set(key, { ...line, costs: { ...line.costs } });
      continue;
    }
    const weigh = (
      a: number | null,
      aw: number,
      b: number | null,
      bw: number,
    ) => {
      if (a === null) return b;
      if (b === null) return a;
      return aw + bw > 0 ? (a * aw + b * bw) / (aw + bw) : (a + b) / 2;
    };
    previous.cpuEfficiency = weigh(
      previous.cpuEfficiency,
      previous.costs.cpu,
      line.cpuEfficiency,
      line.costs.cpu,
    );
    previous.ramEfficiency = weigh(
      previous.ramEfficiency,
      previous.costs.ram,
      line.ramEfficiency,
      line.costs.ram,
    );
    for (const category of COST_CATEGORIES)
      previous.costs[category] += line.costs[category];
  }
  return [...merged.values()];
}
