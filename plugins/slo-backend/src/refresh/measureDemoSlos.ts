import {
  computeSloSeries,
  computeSloStatus,
  durationMinutes,
  ReportingWindow,
  SLO_REPORTING_WINDOWS,
  SLO_SERIES_STEPS,
  SloDefinition,
} from '@internal/plugin-slo-common';
import { MeasureResult } from './measureSlos';

/** What a demo SLO's traffic looks like; cycled over the SLOs so every state shows up. */
type DemoScenario = 'healthy' | 'slow-burn' | 'fast-burn' | 'exhausted' | 'no-traffic';

const SCENARIO_CYCLE: DemoScenario[] = [
  'healthy', 'slow-burn', 'healthy', 'healthy', 'fast-burn',
  'healthy', 'healthy', 'exhausted', 'healthy', 'no-traffic',
];

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
 * a slow burn (ticket), a fast burn (page), an exhausted budget and no traffic.
 */
export async function measureDemoSlos(slos: SloDefinition[], now: Date): Promise<MeasureResult> {
  const ordered = [...slos].sort((a, b) =>
    `${a.entityRef}/${a.name}`.localeCompare(`${b.entityRef}/${b.name}`),
  );
  const measurements = ordered.map((slo, index) => {
    const scenario = SCENARIO_CYCLE[index % SCENARIO_CYCLE.length];
    const random = seededRandom(`${slo.entityRef}/${slo.name}`);
    const budget = 1 - slo.target;
    const windowMinutes = durationMinutes(slo.window);
    const spanMinutes = Math.max(windowMinutes, 3 * DAY_MINUTES);
    const bucketCount = Math.ceil(spanMinutes / BUCKET_MINUTES);
    // Newest bucket first; daily traffic swings between half and one and a half of the mean.
    const buckets = Array.from({ length: bucketCount }, (_, i) => {
      const minutesAgo = i * BUCKET_MINUTES;
      const total =
        scenario === 'no-traffic'
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
