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
  /** Every event since then is stored; absent from Falco plugins that do not say. */
  storedSince?: string | null;
}

const alertsPath = (week: WeekSpan, limit: number, offset: number) =>
  `/alerts?priority=${PRIORITIES}&since=${encodeURIComponent(week.start.toISOString())}&until=${encodeURIComponent(
    week.end.toISOString(),
  )}&limit=${limit}&offset=${offset}`;

/**
 * Falco Critical and Emergency alerts per week, overall and per team, from the alerts the
 * Falco plugin stores. A week counts only when events were stored for all of it: weeks
 * before events were first received, or older than the event retention, have no data.
 */
export async function falcoIndicator(api: PluginApi, context: WeekContext, definition: IndicatorDefinition): Promise<IndicatorReport> {
  const totals = await Promise.all(context.weeks.map(week => api.get<FalcoAlertsPage>('falco', alertsPath(week, 1, 0))));
  const failed = totals.find(t => !t.ok);
  if (failed && !failed.ok) return unavailable(definition, context, SOURCE, failed.reason);
  const pages = totals.map(t => (t.ok ? t.body : undefined)).filter((p): p is FalcoAlertsPage => p !== undefined);
  const storedSince = pages[pages.length - 1].storedSince;
  const covered = (week: WeekSpan) =>
    week.days > 0 && (storedSince === undefined || (storedSince !== null && week.start.getTime() >= Date.parse(storedSince)));

  const byService = await Promise.all(
    context.weeks.map((week, i) => (covered(week) && pages[i].totalCount > 0 ? countByService(api, week) : new Map<string, number>())),
  );
  const teams = new Map<string, Array<number | null>>();
  byService.forEach((counts, i) => {
    for (const [entityRef, count] of counts) {
      const owner = context.ownerOf(entityRef);
      if (!owner) continue;
      if (!teams.has(owner)) teams.set(owner, context.weeks.map(week => (covered(week) ? 0 : null)));
      teams.get(owner)![i] = (teams.get(owner)![i] ?? 0) + count;
    }
  });
  const thisWeek = byService[byService.length - 1];
  const lastWeek = byService[byService.length - 2];
  const lastWeekCovered = covered(context.previous);
  const services = new Set([...thisWeek.keys(), ...lastWeek.keys()]);
  let noDataReason: string | null = null;
  if (storedSince === null) noDataReason = 'no Falco event has been received yet';
  else if (context.weeks.some(week => week.days > 0 && !covered(week))) {
    noDataReason = `weeks before ${storedSince!.slice(0, 10)}, from when Falco events are stored (the first received, or the retention limit)`;
  }
  return report(definition, context, {
    source: SOURCE,
    demo: pages.some(p => p.demo),
    weekly: context.weeks.map((week, i) => (covered(week) ? pages[i].totalCount : null)),
    teams: { values: teams, rated: false },
    noDataReason,
    changes: biggestMoves(
      [...services].map(entityRef => {
        const now = thisWeek.get(entityRef) ?? 0;
        const before = lastWeek.get(entityRef) ?? 0;
        return lastWeekCovered
          ? { entityRef, delta: now - before, description: `${now} alerts, was ${before} last week` }
          : { entityRef, delta: now, description: `${now} alerts; no data for last week` };
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
