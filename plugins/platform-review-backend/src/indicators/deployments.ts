import { DoraDeploymentsResponse, median, percentile } from '@internal/plugin-dora-common';
import { IndicatorDefinition, IndicatorReport } from '@internal/plugin-platform-review-common';
import { PluginApi } from '../sources/PluginApi';
import { biggestMoves, increment, report, unavailable, WeekContext } from '../review/WeekContext';

const SOURCE = 'DORA plugin';
type Deployment = DoraDeploymentsResponse['items'][number];

/**
 * Deploys per day (successful production deploys over calendar days begun) and the median
 * and p90 change lead time of the commits shipped, per week, overall and per team, from the
 * DORA plugin's stored deployments.
 */
export async function deploymentIndicators(
  api: PluginApi,
  context: WeekContext,
  definitions: { deploysPerDay: IndicatorDefinition; leadTimeMedianMinutes: IndicatorDefinition; leadTimeP90Minutes: IndicatorDefinition },
): Promise<IndicatorReport[]> {
  const all = [definitions.deploysPerDay, definitions.leadTimeMedianMinutes, definitions.leadTimeP90Minutes];
  const since = context.first.start.toISOString();
  const until = context.current.end.toISOString();
  const result = await api.get<DoraDeploymentsResponse>(
    'dora',
    `/deployments?since=${encodeURIComponent(since)}&until=${encodeURIComponent(until)}`,
  );
  if (!result.ok) return all.map(d => unavailable(d, context, SOURCE, result.reason));
  const { body } = result;
  if (body.asOf === null && body.items.length === 0) {
    return all.map(d => unavailable(d, context, SOURCE, 'the DORA plugin has not finished reading any repository yet'));
  }
  // Items are `since < finishedAt <= until`; weeks are `start <= t < end`.
  const byWeek = context.weeks.map(() => [] as Deployment[]);
  for (const item of body.items) {
    const index = context.weekIndexOf(item.finishedAt);
    if (index >= 0 && item.outcome === 'success') byWeek[index].push(item);
  }
  const reading = body.servicesReading?.length ?? 0;
  const meta = {
    source: SOURCE,
    demo: body.demo,
    lastError: [body.lastError, reading ? `${reading} services are still reading their GitHub history, so their deploys are missing` : null]
      .filter(Boolean)
      .join('; ') || null,
  };
  const teams = new Set(body.items.map(d => d.ownerRef).filter((t): t is string => t !== null));
  const perTeam = (figure: (items: Deployment[], weekIndex: number) => number | null) =>
    new Map([...teams].map(team => [team, byWeek.map((items, i) => figure(items.filter(d => d.ownerRef === team), i))]));
  const leadMinutes = (items: Deployment[]) => items.flatMap(d => d.leadTimesSeconds.map(s => s / 60));
  const thisWeek = byWeek[byWeek.length - 1];
  const lastWeek = byWeek[byWeek.length - 2] ?? [];

  const perDay = (items: Deployment[], i: number) => (context.weeks[i].days > 0 ? items.length / context.weeks[i].days : null);
  const deploysPerDay = report(definitions.deploysPerDay, context, {
    ...meta,
    weekly: byWeek.map(perDay),
    teams: { values: perTeam(perDay), rated: false },
    changes: serviceMoves(thisWeek, lastWeek, items => items.length).map(c => {
      const delta = c.now - c.before;
      return { entityRef: c.entityRef, delta: delta / 7, description: `${c.now} deploys, ${Math.abs(delta)} ${delta > 0 ? 'more' : 'fewer'} than last week` };
    }),
  });

  const leadTime = (definition: IndicatorDefinition, statistic: (values: number[]) => number | null) =>
    report(definition, context, {
      ...meta,
      weekly: byWeek.map(items => statistic(leadMinutes(items))),
      // A ratio, so each team is rated against the target too.
      teams: { values: perTeam(items => statistic(leadMinutes(items))), rated: true },
      changes: serviceMoves(thisWeek, lastWeek, items => statistic(leadMinutes(items))).map(c => ({
        entityRef: c.entityRef,
        delta: c.now - c.before,
        description: '',
        values: { thisWeek: c.now, lastWeek: c.before },
      })),
    });

  return [
    deploysPerDay,
    leadTime(definitions.leadTimeMedianMinutes, median),
    leadTime(definitions.leadTimeP90Minutes, values => percentile(values, 90)),
  ];
}

function groupBy(items: Deployment[], key: (d: Deployment) => string | null): Map<string, Deployment[]> {
  const groups = new Map<string, Deployment[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Services whose figure moved most from last week to this week (both weeks needed). */
function serviceMoves(thisWeek: Deployment[], lastWeek: Deployment[], figure: (items: Deployment[]) => number | null) {
  const now = groupBy(thisWeek, d => d.entityRef);
  const before = groupBy(lastWeek, d => d.entityRef);
  const counts = new Map<string, number>();
  for (const ref of [...now.keys(), ...before.keys()]) increment(counts, ref);
  const moves = [...counts.keys()].flatMap(entityRef => {
    const a = figure(now.get(entityRef) ?? []);
    const b = figure(before.get(entityRef) ?? []);
    return a === null || b === null ? [] : [{ entityRef, delta: a - b, now: a, before: b }];
  });
  return biggestMoves(moves);
}
