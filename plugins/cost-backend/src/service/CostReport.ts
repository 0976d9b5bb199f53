import { NotFoundError } from '@backstage/errors';
import {
  addBreakdowns,
  addDays,
  AnomalyMethod,
  budgetStatus,
  combineEfficiency,
  CostAnomaliesResponse,
  CostAnomalyItem,
  CostBreakdown,
  CostFactsResponse,
  CostOverviewResponse,
  CostResponseMeta,
  DailyAmount,
  DailyCost,
  daysBetween,
  detectCostAnomalies,
  emptyBreakdown,
  firstDayOfMonth,
  FORECAST_RUN_RATE_DAYS,
  forecastMonthEnd,
  monthToDate,
  roundCents,
  ServiceCostResponse,
  ServiceCostSummary,
  TeamCostResponse,
  TeamCostSummary,
  UNIT_COST_PER,
  unitCost,
  UnitCostResponse,
} from '@internal/plugin-cost-common';
import {
  CostStore,
  DailyLineTotal,
  ServiceTotal,
  StoredEntity,
} from '../database/CostStore';
import { anomalyGaps } from './anomalyGaps';
import { completeDays } from './completeDays';
import { DEFAULT_ANOMALY_RANGE_DAYS } from './parseAnomalyQuery';

const TREND_DAYS = 90;
const TOP_SERVICES = 5;

interface Catalog {
  teams: StoredEntity[];
  services: StoredEntity[];
  teamRefByKey: Map<string, string>;
  serviceRefByKey: Map<string, string>;
  byRef: Map<string, StoredEntity>;
}

/** Builds every read response from the store alone: pages never wait on Kubecost or AWS. */
export class CostReport {
  private cache = {
    version: '',
    responses: new Map<string, Promise<unknown>>(),
  };

  constructor(private readonly store: CostStore) {}

  /**
   * The figures change only when ingestion stores something, so each response is computed
   * once per data version (across replicas too: the version is read from the database).
   */
  async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const version = await this.store.dataVersion();
    if (version !== this.cache.version)
      this.cache = { version, responses: new Map() };
    let response = this.cache.responses.get(key) as Promise<T> | undefined;
    if (!response) {
      response = compute();
      this.cache.responses.set(key, response);
      // A failed computation is not kept.
      response.catch(() => this.cache.responses.delete(key));
    }
    return response;
  }

  async overview(): Promise<CostOverviewResponse> {
    const meta = await this.meta();
    const catalog = await this.catalog();
    if (!meta.asOf) {
      const zero = { monthToDateUsd: 0, last30DaysUsd: 0 };
      return {
        ...meta,
        teams: catalog.teams.map(t => emptyTeam(t)),
        idle: zero,
        unallocated: zero,
        total: zero,
        trend: [],
      };
    }
    const asOf = meta.asOf;
    const days = daysBetween(addDays(asOf, -(TREND_DAYS - 1)), asOf);
    const lines = await this.store.dailyByTeam(days[0], asOf);
    const serviceTotals = await this.serviceTotals(asOf);

    const teamLines = groupBy(
      lines.filter(l => l.kind === 'workload'),
      l => teamRefOf(catalog, l.teamKey),
    );
    const teamRefs = new Set([
      ...catalog.teams.map(t => t.entityRef),
      ...teamLines.keys(),
    ]);
    const teams = [...teamRefs].map(ref =>
      summarizeTeam(
        ref,
        catalog,
        teamLines.get(ref) ?? [],
        serviceTotals,
        asOf,
      ),
    );
    const line = (kind: 'idle' | 'unallocated') => {
      const daily = toDaily(lines.filter(l => l.kind === kind));
      return {
        monthToDateUsd: monthToDate(daily, asOf),
        last30DaysUsd: sumSince(daily, addDays(asOf, -29)),
      };
    };
    const idle = line('idle');
    const unallocated = line('unallocated');
    const sum = (
      pick: (x: { monthToDateUsd: number; last30DaysUsd: number }) => number,
    ) =>
      teams.reduce((s, t) => s + pick(t), 0) + pick(idle) + pick(unallocated);

    const trend = days.map(day => ({
      day,
      teams: {} as Record<string, number>,
      idle: 0,
      unallocated: 0,
    }));
    const trendIndex = new Map(trend.map(t => [t.day, t]));
    for (const l of lines) {
      const point = trendIndex.get(l.day);
      if (!point) continue;
      if (l.kind === 'workload') {
        const ref = teamRefOf(catalog, l.teamKey);
        point.teams[ref] = (point.teams[ref] ?? 0) + l.total;
      } else {
        point[l.kind] += l.total;
      }
    }
    teams.sort((a, b) => b.monthToDateUsd - a.monthToDateUsd);
    return {
      ...meta,
      teams,
      idle,
      unallocated,
      total: {
        monthToDateUsd: sum(x => x.monthToDateUsd),
        last30DaysUsd: sum(x => x.last30DaysUsd),
      },
      trend,
    };
  }

  async team(entityRef: string): Promise<TeamCostResponse> {
    const meta = await this.meta();
    const catalog = await this.catalog();
    const entity = catalog.byRef.get(entityRef);
    const keys = keysOf(catalog.teamRefByKey, entityRef);
    if (!entity && keys.length === 0) {
      throw new NotFoundError(
        `No cost is known for ${entityRef}: it is not a team (Group of type team) in the catalog and no source reports it`,
      );
    }
    if (!meta.asOf) {
      return {
        ...meta,
        team: emptyTeam(entity ?? unknownTeam(entityRef)),
        services: [],
        trend: [],
      };
    }
    const asOf = meta.asOf;
    const days = daysBetween(addDays(asOf, -(TREND_DAYS - 1)), asOf);
    const lines = await this.store.dailyByTeam(days[0], asOf, keys);
    const serviceTotals = await this.serviceTotals(asOf, keys);
    const team = summarizeTeam(entityRef, catalog, lines, serviceTotals, asOf);
    const services = serviceTotals
      .map(s => toServiceSummary(catalog, s))
      .sort((a, b) => b.monthToDateUsd - a.monthToDateUsd);
    return { ...meta, team, services, trend: toDailyCost(days, lines) };
  }

  async service(entityRef: string): Promise<ServiceCostResponse> {
    const meta = await this.meta();
    const catalog = await this.catalog();
    const entity = catalog.byRef.get(entityRef);
    if (!entity || entity.kind !== 'service') {
      throw new NotFoundError(
        `No cost is known for ${entityRef}: it is not a Component in the catalog`,
      );
    }
    const empty: ServiceCostSummary = {
      entityRef,
      allocationKey: entity.allocationKey,
      teamRef: entity.teamRef,
      monthToDateUsd: 0,
      last30DaysUsd: 0,
    };
    if (!meta.asOf) {
      return {
        ...meta,
        service: empty,
        trend: [],
        byCategoryLast30Days: emptyBreakdown(),
        efficiency: { cpu: null, ram: null, total: null },
        unitCost: null,
      };
    }
    const asOf = meta.asOf;
    const first = addDays(asOf, -29);
    const monthStart = firstDayOfMonth(asOf);
    const keys = keysOf(catalog.serviceRefByKey, entityRef);
    const rows = await this.store.serviceDays(
      keys,
      monthStart < first ? monthStart : first,
      asOf,
    );
    const days = daysBetween(first, asOf);
    const trend: DailyCost[] = days.map(day => ({
      day,
      totalUsd: 0,
      byCategory: emptyBreakdown(),
    }));
    const byDay = new Map(trend.map(t => [t.day, t]));
    let byCategory = emptyBreakdown();
    for (const row of rows) {
      const point = byDay.get(row.day);
      if (!point) continue;
      point.totalUsd += row.total;
      point.byCategory = addBreakdowns(point.byCategory, row.byCategory);
      byCategory = addBreakdowns(byCategory, row.byCategory);
    }
    const last30 = trend.reduce((s, t) => s + t.totalUsd, 0);
    const efficiency = combineEfficiency(
      rows
        .filter(r => r.day >= first)
        .map(r => ({
          cpuCost: r.byCategory.cpu,
          ramCost: r.byCategory.ram,
          cpuEfficiency: r.cpuEfficiency,
          ramEfficiency: r.ramEfficiency,
        })),
    );
    let unit: ServiceCostResponse['unitCost'] = null;
    if (entity.unit) {
      const units = await this.store.unitsBetween(entityRef, first, asOf);
      const usd = unitCost(last30, units, UNIT_COST_PER);
      if (usd !== null)
        unit = {
          unit: entity.unit,
          per: UNIT_COST_PER,
          usd,
          unitsLast30Days: units,
        };
    }
    return {
      ...meta,
      service: {
        ...empty,
        monthToDateUsd: monthToDate(
          rows.map(r => ({ day: r.day, usd: r.total })),
          asOf,
        ),
        last30DaysUsd: last30,
      },
      trend,
      byCategoryLast30Days: byCategory,
      efficiency,
      unitCost: unit,
    };
  }

  async facts(): Promise<CostFactsResponse> {
    const meta = await this.meta();
    const lastError =
      meta.sources
        .map(s => s.lastError && `${s.source}: ${s.lastError}`)
        .filter(Boolean)
        .join('; ') || null;
    const base = { demo: meta.demo, asOf: meta.asOf, lastError };
    if (!meta.asOf) return { ...base, items: [] };
    const asOf = meta.asOf;
    const catalog = await this.catalog();
    const monthStart = firstDayOfMonth(asOf);
    const runRateStart = addDays(asOf, -(FORECAST_RUN_RATE_DAYS - 1));
    const first = monthStart < runRateStart ? monthStart : runRateStart;

    const teamLines = groupBy(
      (await this.store.dailyByTeam(first, asOf)).filter(
        l => l.kind === 'workload',
      ),
      l => teamRefOf(catalog, l.teamKey),
    );
    const teamFacts = new Map<string, CostFactsResponse['items'][number]>();
    for (const [ref, lines] of teamLines) {
      const daily = toDaily(lines);
      const mtd = monthToDate(daily, asOf);
      const forecast = forecastMonthEnd(daily, asOf);
      const budget = catalog.byRef.get(ref)?.monthlyBudgetUsd ?? null;
      const status = budgetStatus({
        monthToDateUsd: mtd,
        forecastMonthUsd: forecast,
        monthlyBudgetUsd: budget,
      });
      teamFacts.set(ref, {
        entityRef: ref,
        kind: 'team',
        monthToDateUsd: mtd,
        forecastMonthUsd: forecast,
        monthlyBudgetUsd: budget,
        overBudget: status === 'no-budget' ? null : status !== 'within',
      });
    }
    const serviceDaily = groupBy(
      await this.store.dailyByService(first, asOf),
      r => catalog.serviceRefByKey.get(r.serviceKey) ?? '',
    );
    const items: CostFactsResponse['items'] = [...teamFacts.values()];
    for (const [ref, rows] of serviceDaily) {
      if (!ref) continue;
      const daily = rows.map(r => ({ day: r.day, usd: r.total }));
      const owner = teamFacts.get(catalog.byRef.get(ref)?.teamRef ?? '');
      items.push({
        entityRef: ref,
        kind: 'service',
        monthToDateUsd: monthToDate(daily, asOf),
        forecastMonthUsd: forecastMonthEnd(daily, asOf),
        monthlyBudgetUsd: owner?.monthlyBudgetUsd ?? null,
        overBudget: owner?.overBudget ?? null,
      });
    }
    return { ...base, items };
  }

  /**
   * Per team and per service, the days from `from` to `to` (default: the last two weeks up
   * to the latest stored day) whose spend departs from the same weekday of the previous
   * weeks. Only days every source delivered count, as observations and as days judged.
   */
  async anomalies(
    range: { from?: string; to?: string },
    method: AnomalyMethod,
  ): Promise<CostAnomaliesResponse> {
    const meta = await this.meta();
    const to = range.to ?? meta.asOf ?? addDays(dayOfToday(), -1);
    const from = range.from ?? addDays(to, -(DEFAULT_ANOMALY_RANGE_DAYS - 1));
    const base = { ...meta, from, to, method };
    const catalog = await this.catalog();
    const catalogEntities = catalog.teams.length + catalog.services.length;
    if (!meta.asOf || from > to) {
      const missing = anomalyGaps({
        meta,
        catalogEntities,
        unclaimedServiceKeys: [],
        incompleteDays: 0,
        days: 0,
      });
      return { ...base, anomalies: [], missing };
    }
    const first = addDays(from, -7 * method.weeks);
    const allDays = daysBetween(first, to);
    const complete = completeDays(
      await this.store.deliveredDays(first, to),
      allDays,
    );

    const teamDaily = new Map<string, DailyAmount[]>();
    for (const line of await this.store.dailyByTeam(first, to)) {
      if (line.kind !== 'workload' || !complete.has(line.day)) continue;
      pushTo(teamDaily, teamRefOf(catalog, line.teamKey), {
        day: line.day,
        usd: line.total,
      });
    }
    const serviceDaily = new Map<string, DailyAmount[]>();
    const unclaimedServiceKeys = new Set<string>();
    for (const row of await this.store.dailyByService(first, to)) {
      const ref = catalog.serviceRefByKey.get(row.serviceKey);
      if (!ref) unclaimedServiceKeys.add(row.serviceKey);
      if (!ref || !complete.has(row.day)) continue;
      pushTo(serviceDaily, ref, { day: row.day, usd: row.total });
    }

    const anomalies: CostAnomalyItem[] = [];
    const judge = (
      kind: 'team' | 'service',
      series: Map<string, DailyAmount[]>,
    ) => {
      for (const [ref, daily] of series) {
        const entity = catalog.byRef.get(ref);
        for (const anomaly of detectCostAnomalies(daily, from, to, method)) {
          anomalies.push({
            entityRef: ref,
            kind,
            title: entity?.title ?? ref.replace(/^[a-z]+:default\//, ''),
            teamRef: kind === 'service' ? entity?.teamRef ?? null : null,
            ...anomaly,
            usd: roundCents(anomaly.usd),
            baselineUsd: roundCents(anomaly.baselineUsd),
            jumpUsd: roundCents(anomaly.jumpUsd),
            jumpPercent:
              anomaly.jumpPercent === null
                ? null
                : Math.round(anomaly.jumpPercent * 10) / 10,
            score:
              anomaly.score === null
                ? null
                : Math.round(anomaly.score * 100) / 100,
          });
        }
      }
    };
    judge('team', teamDaily);
    judge('service', serviceDaily);
    anomalies.sort(
      (a, b) =>
        b.day.localeCompare(a.day) ||
        Math.abs(b.jumpUsd) - Math.abs(a.jumpUsd) ||
        a.entityRef.localeCompare(b.entityRef),
    );
    const missing = anomalyGaps({
      meta,
      catalogEntities,
      unclaimedServiceKeys: [...unclaimedServiceKeys].sort(),
      incompleteDays: allDays.filter(day => !complete.has(day)).length,
      days: allDays.length,
    });
    return { ...base, anomalies, missing };
  }

  /**
   * All spend per UNIT_COST_PER units of `unit` from `from` to `to` (default: the seven days
   * up to the latest stored day), over the days with every source's cost and every
   * declaring service's count stored.
   */
  async unitCost(query: {
    unit: string;
    from?: string;
    to?: string;
  }): Promise<UnitCostResponse> {
    const meta = await this.meta();
    const catalog = await this.catalog();
    const to = query.to ?? meta.asOf ?? addDays(dayOfToday(), -1);
    const from = query.from ?? addDays(to, -6);
    const services = catalog.services
      .filter(s => s.unit === query.unit)
      .map(s => s.entityRef);
    const days = from > to ? [] : daysBetween(from, to);
    const complete = completeDays(
      await this.store.deliveredDays(from, to),
      days,
    );
    const unitsByDay = new Map<string, Map<string, number>>();
    for (const row of await this.store.unitsOf(services, from, to)) {
      const counts = unitsByDay.get(row.day) ?? new Map<string, number>();
      counts.set(row.entityRef, row.units);
      unitsByDay.set(row.day, counts);
    }
    const counted = days.filter(
      day =>
        services.length > 0 &&
        complete.has(day) &&
        services.every(s => unitsByDay.get(day)?.has(s)),
    );
    const countedSet = new Set(counted);
    let units = 0;
    for (const day of counted)
      for (const count of unitsByDay.get(day)!.values()) units += count;

    let costUsd = 0;
    const teamCost = new Map<string, number>();
    if (counted.length > 0) {
      for (const line of await this.store.dailyByTeam(
        counted[0],
        counted[counted.length - 1],
      )) {
        if (!countedSet.has(line.day)) continue;
        costUsd += line.total;
        if (line.kind === 'workload') {
          const ref = teamRefOf(catalog, line.teamKey);
          teamCost.set(ref, (teamCost.get(ref) ?? 0) + line.total);
        }
      }
    }
    const perThousand = (usd: number) => {
      const value = unitCost(usd, units, UNIT_COST_PER);
      return value === null ? null : Math.round(value * 10_000) / 10_000;
    };
    return {
      ...meta,
      unit: query.unit,
      from,
      to,
      services,
      countedDays: counted,
      missingDays: days.filter(day => !countedSet.has(day)),
      units,
      costUsd: roundCents(costUsd),
      costPerThousandUsd: perThousand(costUsd),
      teams: [...teamCost.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([teamRef, usd]) => ({
          teamRef,
          costUsd: roundCents(usd),
          costPerThousandUsd: perThousand(usd),
        })),
    };
  }

  private async meta(): Promise<CostResponseMeta> {
    const statuses = await this.store.sourceStatuses();
    return {
      demo: statuses.some(s => s.source === 'demo'),
      asOf: await this.store.latestDay(),
      sources: statuses.map(s => ({
        source: s.source,
        lastIngestedDay: s.lastIngestedDay,
        lastSuccessAt: s.lastSuccessAt?.toISOString() ?? null,
        lastError: s.lastError,
        pendingDays: s.pendingDays,
      })),
    };
  }

  private async catalog(): Promise<Catalog> {
    const entities = await this.store.entities();
    const teams = entities.filter(e => e.kind === 'team');
    const services = entities.filter(e => e.kind === 'service');
    return {
      teams,
      services,
      teamRefByKey: new Map(teams.map(t => [t.allocationKey, t.entityRef])),
      serviceRefByKey: new Map(
        services.map(s => [s.allocationKey, s.entityRef]),
      ),
      byRef: new Map(entities.map(e => [e.entityRef, e])),
    };
  }

  private serviceTotals(
    asOf: string,
    teamKeys?: string[],
  ): Promise<ServiceTotal[]> {
    return this.store.serviceTotals({
      monthStart: firstDayOfMonth(asOf),
      last30Start: addDays(asOf, -29),
      last: asOf,
      teamKeys,
    });
  }
}

/** A team label value no Group claims still gets a line of its own, never dropped. */
function teamRefOf(catalog: Catalog, teamKey: string): string {
  return catalog.teamRefByKey.get(teamKey) ?? `group:default/${teamKey}`;
}

function keysOf(refByKey: Map<string, string>, entityRef: string): string[] {
  const keys = [...refByKey.entries()]
    .filter(([, ref]) => ref === entityRef)
    .map(([key]) => key);
  if (keys.length === 0 && entityRef.startsWith('group:default/'))
    keys.push(entityRef.slice('group:default/'.length));
  return keys;
}

function summarizeTeam(
  ref: string,
  catalog: Catalog,
  lines: DailyLineTotal[],
  serviceTotals: ServiceTotal[],
  asOf: string,
): TeamCostSummary {
  const entity = catalog.byRef.get(ref) ?? unknownTeam(ref);
  const daily = toDaily(lines);
  const mtd = monthToDate(daily, asOf);
  const forecast = forecastMonthEnd(daily, asOf);
  const monthStart = firstDayOfMonth(asOf);
  let byCategory: CostBreakdown = emptyBreakdown();
  for (const line of lines)
    if (line.day >= monthStart)
      byCategory = addBreakdowns(byCategory, line.byCategory);
  return {
    entityRef: ref,
    title: entity.title,
    monthToDateUsd: mtd,
    forecastMonthUsd: forecast,
    monthlyBudgetUsd: entity.monthlyBudgetUsd,
    budgetStatus: budgetStatus({
      monthToDateUsd: mtd,
      forecastMonthUsd: forecast,
      monthlyBudgetUsd: entity.monthlyBudgetUsd,
    }),
    last30DaysUsd: sumSince(daily, addDays(asOf, -29)),
    byCategoryMonthToDate: byCategory,
    topServices: serviceTotals
      .filter(s => teamRefOf(catalog, s.teamKey) === ref)
      .map(s => toServiceSummary(catalog, s))
      .sort((a, b) => b.monthToDateUsd - a.monthToDateUsd)
      .slice(0, TOP_SERVICES),
  };
}

function toServiceSummary(
  catalog: Catalog,
  total: ServiceTotal,
): ServiceCostSummary {
  return {
    entityRef: total.serviceKey
      ? catalog.serviceRefByKey.get(total.serviceKey) ?? null
      : null,
    allocationKey: total.serviceKey,
    teamRef: teamRefOf(catalog, total.teamKey),
    monthToDateUsd: total.monthToDate,
    last30DaysUsd: total.last30Days,
  };
}

function emptyTeam(entity: StoredEntity): TeamCostSummary {
  return {
    entityRef: entity.entityRef,
    title: entity.title,
    monthToDateUsd: 0,
    forecastMonthUsd: 0,
    monthlyBudgetUsd: entity.monthlyBudgetUsd,
    budgetStatus: entity.monthlyBudgetUsd === null ? 'no-budget' : 'within',
    last30DaysUsd: 0,
    byCategoryMonthToDate: emptyBreakdown(),
    topServices: [],
  };
}

function unknownTeam(entityRef: string): StoredEntity {
  return {
    entityRef,
    kind: 'team',
    title: entityRef.replace(/^group:default\//, ''),
    allocationKey: entityRef.replace(/^group:default\//, ''),
    teamRef: null,
    monthlyBudgetUsd: null,
    unit: null,
  };
}

function toDaily(lines: DailyLineTotal[]): DailyAmount[] {
  const byDay = new Map<string, number>();
  for (const line of lines)
    byDay.set(line.day, (byDay.get(line.day) ?? 0) + line.total);
  return [...byDay.entries()].map(([day, usd]) => ({ day, usd }));
}

function toDailyCost(days: string[], lines: DailyLineTotal[]): DailyCost[] {
  const trend = days.map(day => ({
    day,
    totalUsd: 0,
    byCategory: emptyBreakdown(),
  }));
  const byDay = new Map(trend.map(t => [t.day, t]));
  for (const line of lines) {
    const point = byDay.get(line.day);
    if (!point) continue;
    point.totalUsd += line.total;
    point.byCategory = addBreakdowns(point.byCategory, line.byCategory);
  }
  return trend;
}

function sumSince(daily: DailyAmount[], first: string): number {
  return daily.filter(d => d.day >= first).reduce((s, d) => s + d.usd, 0);
}

function pushTo<T>(map: Map<string, T[]>, key: string, item: T) {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

function dayOfToday(): string {
  return new Date().toISOString().slice(0, 10);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
