import { DoraDeploymentsResponse, median, percentile } from '@internal/plugin-dora-common';
import { formatValue, IndicatorDefinition, IndicatorReport, rate } from '@internal/plugin-platform-review-common';
import { PluginApi } from '../sources/PluginApi';
import { biggestMoves, increment, report, unavailable, WeekContext } from '../review/WeekContext';

const SOURCE = 'DORA plugin';
type Deployment = DoraDeploymentsResponse['items'][number];

/**
 * Deploys per day (successful production deploys over calendar days begun) and the median
 * and p90 change lead time of the commits shipped, per week, from the DORA plugin's stored
 * deployments.
 */
export async function deploymentIndicators(
  api: PluginApi,
  context: WeekContext,
  definitions: { deploysPerDay: IndicatorDefinition; leadTimeMedianMinutes: IndicatorDefinition; leadTimeP90Minutes: IndicatorDefinition },
): Promise<IndicatorReport[]> {
  const since = context.first.start.toISOString();
  const until = context.current.end.toISOString();
  const result = await api.get<DoraDeploymentsResponse>(
    'dora',
    `/deployments?since=${encodeURIComponent(since)}&until=${encodeURIComponent(until)}`,
  );
  if (!result.ok) {
    return [definitions.deploysPerDay, definitions.leadTimeMedianMinutes, definitions.leadTimeP90Minutes].map(d =>
      unavailable(d, context, SOURCE, result.reason),
    );
  }
  const { body } = result;
  // Items are `since < finishedAt <= until`; weeks are `start <= t < end`.
  const byWeek = context.weeks.map(() => [] as Deployment[]);
  for (const item of body.items) {
    const index = context.weekIndexOf(item.finishedAt);
    if (index >= 0) byWeek[index].push(item);
  }
  const successes = (items: Deployment[]) => items.filter(d => d.outcome === 'success');
  const leadMinutes = (items: Deployment[]) => successes(items).flatMap(d => d.leadTimesSeconds.map(s => s / 60));
  const meta = { source: SOURCE, demo: body.demo, lastError: body.lastError };
  const thisWeek = byWeek[byWeek.length - 1];
  const lastWeek = byWeek[byWeek.length - 2] ?? [];
  const days = context.current.days;

  const deploysPerDay = report(definitions.deploysPerDay, {
    ...meta,
    history: context.weeks.map((w, i) => ({ isoWeek: w.isoWeek, value: w.days > 0 ? successes(byWeek[i]).length / w.days : null })),
    teams: teamRows(successes(thisWeek), items => (days > 0 ? items.length / days : null), () => null),
    changes: serviceMoves(successes(thisWeek), successes(lastWeek), items => items.length, (now, before) => {
      const delta = now - before;
      return `${now} deploys, ${Math.abs(delta)} ${delta > 0 ? 'more' : 'fewer'} than last week`;
    }).map(c => ({ ...c, delta: c.delta === null ? null : c.delta / 7 })),
  });

  const leadTime = (definition: IndicatorDefinition, statistic: (values: number[]) => number | null) =>
    report(definition, {
      ...meta,
      history: context.weeks.map((w, i) => ({ isoWeek: w.isoWeek, value: statistic(leadMinutes(byWeek[i])) })),
      teams: teamRows(successes(thisWeek), items => statistic(leadMinutes(items)), value => rate(value, definition.target, definition.direction)),
      changes: serviceMoves(
        successes(thisWeek),
        successes(lastWeek),
        items => statistic(leadMinutes(items)),
        (now, before) => `${formatValue(definition, now)}, was ${formatValue(definition, before)} last week`,
      ),
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

function teamRows(
  items: Deployment[],
  value: (items: Deployment[]) => number | null,
  rating: (value: number | null) => ReturnType<typeof rate> | null,
) {
  return [...groupBy(items, d => d.ownerRef).entries()]
    .map(([teamRef, teamItems]) => {
      const v = value(teamItems);
      return { teamRef, value: v, rating: rating(v) };
    })
    .sort((a, b) => a.teamRef.localeCompare(b.teamRef));
}

/** Services whose figure moved most from last week to this week (both weeks needed). */
function serviceMoves(
  thisWeek: Deployment[],
  lastWeek: Deployment[],
  figure: (items: Deployment[]) => number | null,
  describe: (now: number, before: number) => string,
) {
  const now = groupBy(thisWeek, d => d.entityRef);
  const before = groupBy(lastWeek, d => d.entityRef);
  const counts = new Map<string, number>();
  for (const ref of [...now.keys(), ...before.keys()]) increment(counts, ref);
  return biggestMoves(
    [...counts.keys()].map(entityRef => {
      const a = figure(now.get(entityRef) ?? []);
      const b = figure(before.get(entityRef) ?? []);
      return a === null || b === null
        ? { entityRef, delta: null, description: '' }
        : { entityRef, delta: a - b, description: describe(a, b) };
    }),
  );
}
