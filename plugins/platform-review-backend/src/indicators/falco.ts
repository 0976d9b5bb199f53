import { IndicatorDefinition, IndicatorReport } from '@internal/plugin-platform-review-common';
import { PluginApi } from '../sources/PluginApi';
import { biggestMoves, increment, report, unavailable, WeekContext, WeekSpan } from '../review/WeekContext';

const SOURCE = 'Falco plugin';
const PRIORITIES = 'critical,emergency';
const PAGE_SIZE = 500;
/** Per-service counts stop here (20,000 alerts a week); the weekly total is always exact. */
const MAX_PAGES = 40;

/** The part of `GET /api/falco/alerts` read here. */
interface FalcoAlertsPage {
  demo: boolean;
  totalCount: number;
  items: Array<{ entityRef: string | null }>;
}

const alertsPath = (week: WeekSpan, limit: number, offset: number) =>
  `/alerts?priority=${PRIORITIES}&since=${encodeURIComponent(week.start.toISOString())}&until=${encodeURIComponent(
    week.end.toISOString(),
  )}&limit=${limit}&offset=${offset}`;

/** Falco Critical and Emergency alerts per week, from the alerts the Falco plugin stores. */
export async function falcoIndicator(api: PluginApi, context: WeekContext, definition: IndicatorDefinition): Promise<IndicatorReport> {
  const totals = await Promise.all(context.weeks.map(week => api.get<FalcoAlertsPage>('falco', alertsPath(week, 1, 0))));
  const failed = totals.find(t => !t.ok);
  if (failed && !failed.ok) return unavailable(definition, context, SOURCE, failed.reason);
  const pages = totals.map(t => (t.ok ? t.body : undefined)).filter((p): p is FalcoAlertsPage => p !== undefined);

  const [thisWeek, lastWeek] = await Promise.all([countByService(api, context.current), countByService(api, context.previous)]);
  const teams = new Map<string, number>();
  for (const [entityRef, count] of thisWeek) {
    const owner = context.ownerOf(entityRef);
    if (owner) increment(teams, owner, count);
  }
  const services = new Set([...thisWeek.keys(), ...lastWeek.keys()]);
  return report(definition, {
    source: SOURCE,
    demo: pages.some(p => p.demo),
    history: context.weeks.map((w, i) => ({ isoWeek: w.isoWeek, value: w.days > 0 ? pages[i].totalCount : null })),
    teams: [...teams.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([teamRef, value]) => ({ teamRef, value, rating: null })),
    changes: biggestMoves(
      [...services].map(entityRef => {
        const now = thisWeek.get(entityRef) ?? 0;
        const before = lastWeek.get(entityRef) ?? 0;
        return { entityRef, delta: now - before, description: `${now} alerts, was ${before} last week` };
      }),
    ),
  });
}

async function countByService(api: PluginApi, week: WeekSpan): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await api.get<FalcoAlertsPage>('falco', alertsPath(week, PAGE_SIZE, page * PAGE_SIZE));
    if (!result.ok) break;
    for (const item of result.body.items) if (item.entityRef) increment(counts, item.entityRef);
    if (result.body.items.length < PAGE_SIZE) break;
  }
  return counts;
}
