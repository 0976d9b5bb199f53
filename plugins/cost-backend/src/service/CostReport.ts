import { NotFoundError } from '@backstage/errors';
import {
  addBreakdowns,
  addDays,
  AnomalyMethod,
  budgetStatus,
  combineEfficiency,
  COST_WINDOW_IDS,
  CostAnomaliesResponse,
  CostAnomalyItem,
  CostBreakdown,
  CostFactsResponse,
  CostOverviewResponse,
  CostResponseMeta,
  CostSourceName,
  CostWindowCoverage,
  CostWindowId,
  costWindowLabel,
  costWindowRange,
  DailyAmount,
  DailyCost,
  dayOf,
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
  splitByPlatform,
  TeamCostResponse,
  TeamCostSummary,
  UNIT_COST_PER,
  unitCost,
  UnitCostResponse,
  WindowedUnitCost,
  WindowedUsd,
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

export interface CostReportOptions {
  /** The configured sources: a day is read once every one of them has answered for it. */
  sources?: CostSourceName[];
  now?: () => Date;
}

/** Builds every read response from the store alone: pages never wait on Kubecost or AWS. */
export class CostReport {
  private cache = {
    version: '',
    responses: new Map<string, Promise<unknown>>(),
  };

  constructor(
    private readonly store: CostStore,
    private readonly options: CostReportOptions = {},
  ) {}

  /**
   * The figures change only when ingestion stores something, so each response is computed
   * once per data version (across replicas too: the version is read from the database)
   * and per day, since the windows end yesterday.
   */
  async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const version = `${await this.store.dataVersion()}|${this.through()}`;
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
    const through = meta.through;
    const days = daysBetween(addDays(through, -(TREND_DAYS - 1)), through);
    const lines = meta.asOf
      ? await this.store.dailyByTeam(days[0], through)
      : [];
    const serviceTotals = meta.asOf ? await this.serviceTotals(through) : [];
    const read = await this.daysAnsweredByAnySource(days[0], through);

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
        through,
      ),
    );
    const of = (
      keep: (l: DailyLineTotal) => boolean,
      amount: (l: DailyLineTotal) => number = l => l.total,
    ) =>
      windowed(
        lines.filter(keep).map(l => ({ day: l.day, usd: amount(l) })),
        through,
      );
    const kubernetes = (l: DailyLineTotal) =>
      splitByPlatform(l.byCategory).kubernetesUsd;
    const aws = (l: DailyLineTotal) => splitByPlatform(l.byCategory).awsUsd;

    const trend = days.map(day => ({
      day,
      read: read.has(day),
      teams: {} as Record<string, number>,
      idle: 0,
      unmounted: 0,
      unallocatedKubernetes: 0,
      unallocatedAws: 0,
    }));
    const trendIndex = new Map(trend.map(t => [t.day, t]));
    for (const l of lines) {
      const point = trendIndex.get(l.day);
      if (!point) continue;
      if (l.kind === 'workload') {
        const ref = teamRefOf(catalog, l.teamKey);
        point.teams[ref] = (point.teams[ref] ?? 0) + l.total;
      } else if (l.kind === 'unallocated') {
        point.unallocatedKubernetes += kubernetes(l);
        point.unallocatedAws += aws(l);
      } else {
        point[l.kind] += l.total;
      }
    }
    teams.sort((a, b) => b.monthToDateUsd - a.monthToDateUsd);
    return {
      ...meta,
      teams,
      idle: of(l => l.kind === 'idle'),
      unmounted: of(l => l.kind === 'unmounted'),
      unallocated: {
        kubernetes: of(l => l.kind === 'unallocated', kubernetes),
        aws: of(l => l.kind === 'unallocated', aws),
      },
      totals: {
        teams: sumWindowed(teams),
        kubernetesCluster: of(() => true, kubernetes),
        aws: of(() => true, aws),
        all: of(() => true),
      },
      unitCosts: await this.windowedUnitCosts(catalog, through),
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
    const through = meta.through;
    const days = daysBetween(addDays(through, -(TREND_DAYS - 1)), through);
    if (!meta.asOf) {
      return {
        ...meta,
        team: summarizeTeam(entityRef, catalog, [], [], through),
        services: [],
        trend: [],
      };
    }
    const lines = await this.store.dailyByTeam(days[0], through, keys);
    const serviceTotals = await this.serviceTotals(through, keys);
    const team = summarizeTeam(
      entityRef,
      catalog,
      lines,
      serviceTotals,
      through,
    );
    const services = serviceTotals
      .map(s => toServiceSummary(catalog, s))
      .sort((a, b) => b.monthToDateUsd - a.monthToDateUsd);
    const read = await this.daysAnsweredByAnySource(days[0], through);
    return {
      ...meta,
      team,
      services,
      trend: toDailyCost(days, lines, read),
    };
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
    const through = meta.through;
    const first = addDays(through, -29);
    const monthStart = firstDayOfMonth(through);
    const keys = keysOf(catalog.serviceRefByKey, entityRef);
    const rows = await this.store.serviceDays(
      keys,
      monthStart < first ? monthStart : first,
      through,
    );
    const days = daysBetween(first, through);
    const read = await this.daysAnsweredByAnySource(first, through);
    const trend: DailyCost[] = days.map(day => ({
      day,
      read: read.has(day),
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
      // Only days with every source's cost and the service's own count: a day missing
      // either would make the service look cheap or busy.
      const complete = completeDays(
        await this.store.deliveredDays(first, through),
        days,
      );
      const counts = await this.store.unitsOf([entityRef], first, through);
      const counted = counts.filter(c => complete.has(c.day));
      const countedDays = new Set(counted.map(c => c.day));
      const units = counted.reduce((s, c) => s + c.units, 0);
      const usd = unitCost(
        trend
          .filter(t => countedDays.has(t.day))
          .reduce((s, t) => s + t.totalUsd, 0),
        units,
        UNIT_COST_PER,
      );
      if (usd !== null)
        unit = {
          unit: entity.unit,
          per: UNIT_COST_PER,
          usd,
          unitsLast30Days: units,
          countedDays: countedDays.size,
          days: days.length,
        };
    }
    return {
      ...meta,
      service: {
        ...empty,
        monthToDateUsd: monthToDate(
          rows.map(r => ({ day: r.day, usd: r.total })),
          through,
        ),
        last30DaysUsd: last30,
      },
      trend,
      byCategoryLast30Days: byCategory,
      efficiency,
      unitCost: unit,
    };
  }

  /** Month to date and forecast per team and service, up to `through`, for scorecards. */
  async facts(): Promise<CostFactsResponse> {
    const meta = await this.meta();
    // Each source's message names it ("Kubecost answered HTTP 400: ...").
    const lastError =
      meta.sources
        .map(s => s.lastError)
        .filter(Boolean)
        .join('; ') || null;
    const base = { demo: meta.demo, asOf: meta.asOf, lastError };
    if (!meta.asOf) return { ...base, items: [] };
    const asOf = meta.through;
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
    // Four significant digits, not decimals: $0.000042 per 1,000 must not round to zero.
    const perThousand = (usd: number) => {
      const value = unitCost(usd, units, UNIT_COST_PER);
      return value === null ? null : Number(value.toPrecision(4));
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

  /** The last day the windows cover: yesterday (UTC), since today is still being spent. */
  private through(): string {
    return addDays(dayOf(this.options.now?.() ?? new Date()), -1);
  }

  private async meta(): Promise<CostResponseMeta> {
    const statuses = await this.store.sourceStatuses();
    const through = this.through();
    return {
      demo: statuses.some(s => s.source === 'demo'),
      asOf: await this.store.latestDay(),
      through,
      windows: await this.coverage(
        through,
        this.options.sources ?? statuses.map(s => s.source),
      ),
      sources: statuses.map(s => ({
        source: s.source,
        lastIngestedDay: s.lastIngestedDay,
        lastSuccessAt: s.lastSuccessAt?.toISOString() ?? null,
        lastError: s.lastError,
        pendingDays: s.pendingDays,
      })),
    };
  }

  /** For each window, how many of its days every source has answered for. */
  private async coverage(
    through: string,
    sources: CostSourceName[],
  ): Promise<Record<CostWindowId, CostWindowCoverage>> {
    const ranges = COST_WINDOW_IDS.map(id => ({
      id,
      ...costWindowRange(id, through),
    }));
    const first = ranges.reduce(
      (min, r) => (r.first < min ? r.first : min),
      through,
    );
    const answered = await this.store.answeredDays(first, through);
    const windows = {} as Record<CostWindowId, CostWindowCoverage>;
    for (const range of ranges) {
      const days = daysBetween(range.first, range.last);
      const of = (source: CostSourceName) =>
        answered.get(source) ?? { withCost: new Set(), empty: new Set() };
      windows[range.id] = {
        id: range.id,
        label: costWindowLabel(range.id, through),
        first: range.first,
        last: range.last,
        days: days.length,
        daysRead:
          sources.length === 0
            ? 0
            : days.filter(day =>
                sources.every(
                  source =>
                    of(source).withCost.has(day) || of(source).empty.has(day),
                ),
              ).length,
        sources: sources.map(source => ({
          source,
          daysWithCost: days.filter(day => of(source).withCost.has(day)).length,
          daysEmpty: days.filter(day => of(source).empty.has(day)).length,
        })),
      };
    }
    return windows;
  }

  /** Days at least one source has answered for: on the others nothing is known. */
  private async daysAnsweredByAnySource(
    first: string,
    last: string,
  ): Promise<Set<string>> {
    const read = new Set<string>();
    for (const answered of (
      await this.store.answeredDays(first, last)
    ).values())
      for (const day of [...answered.withCost, ...answered.empty])
        read.add(day);
    return read;
  }

  /** All spend per 1,000 units of each declared unit, over each window. */
  private async windowedUnitCosts(
    catalog: Catalog,
    through: string,
  ): Promise<WindowedUnitCost[]> {
    const units = [
      ...new Set(
        catalog.services.map(s => s.unit).filter((u): u is string => !!u),
      ),
    ].sort();
    const result: WindowedUnitCost[] = [];
    for (const unit of units) {
      const byWindow = {} as WindowedUnitCost['byWindow'];
      for (const id of COST_WINDOW_IDS) {
        const range = costWindowRange(id, through);
        const cost = await this.unitCost({
          unit,
          from: range.first,
          to: range.last,
        });
        byWindow[id] = {
          costPerThousandUsd: cost.costPerThousandUsd,
          countedDays: cost.countedDays.length,
          days: cost.countedDays.length + cost.missingDays.length,
        };
      }
      result.push({ unit, per: UNIT_COST_PER, byWindow });
    }
    return result;
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
  through: string,
): TeamCostSummary {
  const entity = catalog.byRef.get(ref) ?? unknownTeam(ref);
  const daily = toDaily(lines);
  const amounts = windowed(daily, through);
  const forecast = forecastMonthEnd(daily, through);
  const monthStart = firstDayOfMonth(through);
  const last30Start = costWindowRange('30d', through).first;
  let byCategory: CostBreakdown = emptyBreakdown();
  let last30ByCategory: CostBreakdown = emptyBreakdown();
  for (const line of lines) {
    if (line.day > through) continue;
    if (line.day >= monthStart)
      byCategory = addBreakdowns(byCategory, line.byCategory);
    if (line.day >= last30Start)
      last30ByCategory = addBreakdowns(last30ByCategory, line.byCategory);
  }
  return {
    entityRef: ref,
    title: entity.title,
    ...amounts,
    forecastMonthUsd: forecast,
    monthlyBudgetUsd: entity.monthlyBudgetUsd,
    budgetStatus: budgetStatus({
      monthToDateUsd: amounts.monthToDateUsd,
      forecastMonthUsd: forecast,
      monthlyBudgetUsd: entity.monthlyBudgetUsd,
    }),
    byCategoryMonthToDate: byCategory,
    last30DaysSplit: splitByPlatform(last30ByCategory),
    topServices: serviceTotals
      .filter(s => teamRefOf(catalog, s.teamKey) === ref)
      .map(s => toServiceSummary(catalog, s))
      .sort((a, b) => b.monthToDateUsd - a.monthToDateUsd)
      .slice(0, TOP_SERVICES),
  };
}

/** USD over each window ending `through`; days after it (today) are left out. */
function windowed(daily: DailyAmount[], through: string): WindowedUsd {
  const over = (id: CostWindowId) => {
    const { first, last } = costWindowRange(id, through);
    return daily
      .filter(d => d.day >= first && d.day <= last)
      .reduce((sum, d) => sum + d.usd, 0);
  };
  return {
    last7DaysUsd: over('7d'),
    last30DaysUsd: over('30d'),
    monthToDateUsd: over('mtd'),
  };
}

function sumWindowed(items: WindowedUsd[]): WindowedUsd {
  return items.reduce(
    (sum, item) => ({
      last7DaysUsd: sum.last7DaysUsd + item.last7DaysUsd,
      last30DaysUsd: sum.last30DaysUsd + item.last30DaysUsd,
      monthToDateUsd: sum.monthToDateUsd + item.monthToDateUsd,
    }),
    { last7DaysUsd: 0, last30DaysUsd: 0, monthToDateUsd: 0 },
  );
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

function toDailyCost(
  days: string[],
  lines: DailyLineTotal[],
  read: Set<string>,
): DailyCost[] {
  const trend = days.map(day => ({
    day,
    read: read.has(day),
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
