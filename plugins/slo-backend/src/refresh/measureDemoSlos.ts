import {
  computeSloSeries,
  computeSloStatus,
  durationMinutes,
  ReportingWindow,
  SLO_REPORTING_WINDOWS,
  SLO_SERIES_STEPS,
  SloDefinition,
} from '@internal/plugin-slo-common';
import { demoHistoryStart } from '@internal/portal-common';
import { MeasureResult } from './measureSlos';

/** What a demo SLO's traffic looks like. */
type DemoScenario = 'healthy' | 'slow-burn' | 'fast-burn' | 'exhausted' | 'no-traffic';

/** Six in ten healthy; one each of the others, so the demo organisation shows every state. */
const SCENARIOS: DemoScenario[] = [
  'healthy', 'slow-burn', 'healthy', 'healthy', 'fast-burn',
  'healthy', 'healthy', 'exhausted', 'healthy', 'no-traffic',
];

/**
 * Each SLO's scenario from its own name only: picked by its position in the list, it
 * changed whenever a component was added (or the catalog was still loading), so a service
 * went from exhausted and frozen to 65% left between two refreshes.
 */
function scenarioOf(slo: SloDefinition): DemoScenario {
  let hash = 0x811c9dc5;
  for (const char of `demo-scenario/${slo.entityRef}/${slo.name}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  // MurmurHash3's finaliser: FNV-1a alone spreads similar names poorly over ten.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return SCENARIOS[(hash >>> 0) % SCENARIOS.length];
}

const BUCKET_MINUTES = 5;
const DAY_MINUTES = 1440;

/** A small deterministic generator, so the demo looks the same on every start. */
function seededRandom(seed: string): () => number {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The error ratio of one 5-minute bucket, `minutesAgo` before now, as a multiple of the budget. */
function burnAt(scenario: DemoScenario, minutesAgo: number, noise: number): number {
  const background = 0.25 + 0.2 * noise;
  switch (scenario) {
    case 'slow-burn':
      return minutesAgo < 4 * DAY_MINUTES ? 1.6 + 0.3 * noise : background;
    case 'fast-burn':
      return minutesAgo < 45 ? 22 + 4 * noise : background;
    case 'exhausted':
      return 1.25 + 0.3 * noise;
    default:
      return background;
  }
}

/**
 * Measures the embedded default's SLOs from generated traffic instead of Prometheus, through
 * the same status and series maths, so the demo organisation's pages show every state: healthy,
 * a slow burn (ticket), a fast burn (page), an exhausted budget and no traffic. Each SLO keeps
 * its scenario from refresh to refresh, so its budget moves as slowly as a real one.
 * `historyStart` gives a component created after the demo began the moment its traffic
 * starts: it has none before, and starts healthy with its budget untouched.
 */
export async function measureDemoSlos(
  slos: SloDefinition[],
  now: Date,
  historyStart: (entityRef: string) => Date | undefined = () => undefined,
): Promise<MeasureResult> {
  const ordered = [...slos].sort((a, b) =>
    `${a.entityRef}/${a.name}`.localeCompare(`${b.entityRef}/${b.name}`),
  );
  const measurements = ordered.map(slo => {
    const start = historyStart(slo.entityRef);
    const scenario = start ? 'healthy' : scenarioOf(slo);
    const minutesSinceStart = start ? (now.getTime() - start.getTime()) / 60_000 : Infinity;
    const random = seededRandom(`${slo.entityRef}/${slo.name}`);
    const budget = 1 - slo.target;
    const windowMinutes = durationMinutes(slo.window);
    const spanMinutes = Math.max(windowMinutes, 3 * DAY_MINUTES);
    const bucketCount = Math.ceil(spanMinutes / BUCKET_MINUTES);
    // Newest bucket first; daily traffic swings between half and one and a half of the mean.
    const buckets = Array.from({ length: bucketCount }, (_, i) => {
      const minutesAgo = i * BUCKET_MINUTES;
      const total =
        scenario === 'no-traffic' || minutesAgo > minutesSinceStart
          ? 0
          : Math.round(5000 * (1 + 0.5 * Math.sin((2 * Math.PI * (now.getTime() / 60_000 - minutesAgo)) / DAY_MINUTES)));
      return { minutesAgo, total, bad: total * Math.min(1, budget * burnAt(scenario, minutesAgo, random())) };
    });
    const ratioOver = (minutes: number) => {
      const inWindow = buckets.slice(0, Math.round(minutes / BUCKET_MINUTES));
      const total = inWindow.reduce((sum, b) => sum + b.total, 0);
      return total > 0 ? inWindow.reduce((sum, b) => sum + b.bad, 0) / total : Number.NaN;
    };
    const status = computeSloStatus({
      target: slo.target,
      window: slo.window,
      measured: {
        byWindow: Object.fromEntries(
          SLO_REPORTING_WINDOWS.map(w => [w, ratioOver(durationMinutes(w))]),
        ) as Record<ReportingWindow, number>,
        wholeWindow: ratioOver(windowMinutes),
      },
    });

    const stepMinutes = Math.max(BUCKET_MINUTES, Math.round(windowMinutes / SLO_SERIES_STEPS / BUCKET_MINUTES) * BUCKET_MINUTES);
    const perStep = stepMinutes / BUCKET_MINUTES;
    const steps = Array.from({ length: SLO_SERIES_STEPS }, (_, s) => {
      const newestFirst = buckets.slice((SLO_SERIES_STEPS - 1 - s) * perStep, (SLO_SERIES_STEPS - s) * perStep);
      return {
        at: new Date(now.getTime() - (SLO_SERIES_STEPS - 1 - s) * stepMinutes * 60_000),
        bad: newestFirst.reduce((sum, b) => sum + b.bad, 0),
        total: newestFirst.reduce((sum, b) => sum + b.total, 0),
      };
    });
    return { slo, status, series: computeSloSeries({ target: slo.target, stepMinutes, steps }) };
  });
  return { measurements, requests: 0 };
}

/**
 * The demo measurer the plugin uses: remembers when it first saw each component
 * (`firstSeen`, kept in the plugin's database) and starts the traffic of components that
 * appeared after the demo began there (demoHistoryStart).
 */
export function demoSloMeasurer(
  firstSeen: (entityRefs: string[], at: Date) => Promise<Map<string, Date>>,
): (slos: SloDefinition[], now: Date) => Promise<MeasureResult> {
  return async (slos, now) => {
    if (slos.length === 0) return { measurements: [], requests: 0 };
    const seen = await firstSeen([...new Set(slos.map(s => s.entityRef))], now);
    const demoStartedAt = new Date(Math.min(...[...seen.values()].map(t => t.getTime())));
    return measureDemoSlos(slos, now, entityRef => {
      const at = seen.get(entityRef);
      return at ? demoHistoryStart(at, demoStartedAt) : undefined;
    });
  };
}
