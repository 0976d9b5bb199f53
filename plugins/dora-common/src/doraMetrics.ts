import { classifyDoraTier, DoraTier } from './doraTiers';
import { median, percentile } from './statistics';

const DAY_MS = 24 * 3600 * 1000;

/** A production deployment reduced to what the metrics need. */
export interface FinishedDeployment {
  /** When it reached its final state (the success or failure status), epoch ms. */
  finishedAtMs: number;
  outcome: 'success' | 'failure';
  /** Commit times (epoch ms) of the changes this deployment first brought to production. */
  commitTimesMs: number[];
}

/**
 * One service's production deployments. Metrics take a list of these, never one merged
 * timeline, so that one service's deployment can never "recover" another service's failure.
 */
export type ServiceHistory = FinishedDeployment[];

export interface DoraMetrics {
  windowDays: number;
  /** Successful production deployments in the window. */
  deployments: number;
  failures: number;
  deploysPerDay: number;
  deploysPerWeek: number;
  leadTime: { medianSeconds: number; p90Seconds: number; commits: number } | null;
  /** failures / (successes + failures); null when nothing finished. */
  changeFailRate: number | null;
  recovery: {
    /** Median over recovered failed deployments; null when none in the window has recovered. */
    medianSeconds: number | null;
    /** Failed deployments in the window that a later success of the same service recovered. */
    recovered: number;
    /** Failed deployments in the window still waiting for their service's next success. */
    unrecovered: number;
  };
  tier: DoraTier | null;
}

/** A failed deployment and when its service next deployed successfully (null: not yet). */
export interface RecoverySample {
  failedAtMs: number;
  recoveredAtMs: number | null;
}

/**
 * One sample per failed deployment: its failure time to the next successful production
 * deployment of the same service at or before `untilMs`. Two failures in a row give two
 * samples, both ending at the same success.
 */
export function recoverySamples(history: ServiceHistory, untilMs: number): RecoverySample[] {
  const sorted = history.filter(d => d.finishedAtMs <= untilMs).sort((a, b) => a.finishedAtMs - b.finishedAtMs);
  const samples: RecoverySample[] = [];
  let waiting: RecoverySample[] = [];
  for (const d of sorted) {
    if (d.outcome === 'failure') {
      const sample = { failedAtMs: d.finishedAtMs, recoveredAtMs: null };
      samples.push(sample);
      waiting.push(sample);
    } else {
      for (const sample of waiting) sample.recoveredAtMs = d.finishedAtMs;
      waiting = [];
    }
  }
  return samples;
}

/**
 * DORA metrics of one service (one history) or a team (its services' histories) over the
 * `windowDays` ending at `now`:
 * - deploy frequency: successful deployments per day and per week (a team's: all of them);
 * - change lead time: commit time to the success of the deployment that first shipped it,
 *   median and nearest-rank p90 over every such commit;
 * - change fail rate: failed / finished deployments;
 * - failed deployment recovery time: per failed deployment in the window, its failure to
 *   the next successful deployment of the same service; the median of those samples
 *   (a team's: of all its services' samples pooled);
 * - the tier, from these figures with {@link classifyDoraTier} (the same rule for a team).
 */
export function computeDoraMetrics(histories: ServiceHistory[], options: { now: Date; windowDays: number }): DoraMetrics {
  const end = options.now.getTime();
  const start = end - options.windowDays * DAY_MS;
  const inWindow = (t: number) => t > start && t <= end;
  const finished = histories.flat().filter(d => inWindow(d.finishedAtMs));
  const successes = finished.filter(d => d.outcome === 'success');
  const failures = finished.length - successes.length;

  const leadTimes = successes.flatMap(leadTimesOf);
  const medianLeadTime = median(leadTimes);
  const p90LeadTime = percentile(leadTimes, 90);

  const samples = histories.flatMap(h => recoverySamples(h, end)).filter(s => inWindow(s.failedAtMs));
  const recoveries = samples.filter(s => s.recoveredAtMs !== null).map(s => (s.recoveredAtMs! - s.failedAtMs) / 1000);
  const medianRecovery = median(recoveries);

  const deploysPerDay = successes.length / options.windowDays;
  const deploysPerWeek = deploysPerDay * 7;
  const changeFailRate = finished.length === 0 ? null : failures / finished.length;
  return {
    windowDays: options.windowDays,
    deployments: successes.length,
    failures,
    deploysPerDay,
    deploysPerWeek,
    leadTime:
      medianLeadTime === null || p90LeadTime === null
        ? null
        : { medianSeconds: medianLeadTime, p90Seconds: p90LeadTime, commits: leadTimes.length },
    changeFailRate,
    recovery: { medianSeconds: medianRecovery, recovered: recoveries.length, unrecovered: samples.length - recoveries.length },
    tier: classifyDoraTier({
      deploysPerWeek,
      medianLeadTimeSeconds: medianLeadTime,
      changeFailRate,
      medianRecoverySeconds: medianRecovery,
    }),
  };
}

function leadTimesOf(d: FinishedDeployment): number[] {
  return d.commitTimesMs.map(c => Math.max(0, d.finishedAtMs - c) / 1000);
}

/** Successful deployments that finished in (now - days, now]. */
export function countDeploymentsInLastDays(deployments: FinishedDeployment[], now: Date, days: number): number {
  const end = now.getTime();
  const start = end - days * DAY_MS;
  return deployments.filter(d => d.outcome === 'success' && d.finishedAtMs > start && d.finishedAtMs <= end).length;
}

export interface WeeklyDoraPoint {
  /** Monday 00:00 on the configured time zone's wall clock that starts the week, ISO 8601. */
  weekStart: string;
  deployments: number;
  failures: number;
  /** failures / finished that week; null when nothing finished. */
  changeFailRate: number | null;
  /** Median lead time of the commits shipped that week, seconds; null when none. */
  medianLeadTimeSeconds: number | null;
  /** Median recovery of the deployments that failed that week and have recovered; null when none. */
  medianRecoverySeconds: number | null;
}

/**
 * One point per week (given as `[start, end)` instants, oldest first): successful and
 * failed deployments, change fail rate, median lead time, and the median recovery of the
 * week's failed deployments, each to its own service's next success.
 */
export function weeklyDoraTrend(histories: ServiceHistory[], options: { now: Date; weeks: Array<{ start: Date; end: Date }> }): WeeklyDoraPoint[] {
  const now = options.now.getTime();
  const indexOf = (t: number) => options.weeks.findIndex(w => t >= w.start.getTime() && t < w.end.getTime());
  const points = options.weeks.map(() => ({ deployments: 0, failures: 0, leadTimes: [] as number[], recoveries: [] as number[] }));
  for (const d of histories.flat()) {
    if (d.finishedAtMs > now) continue;
    const point = points[indexOf(d.finishedAtMs)];
    if (!point) continue;
    if (d.outcome === 'success') {
      point.deployments++;
      point.leadTimes.push(...leadTimesOf(d));
    } else {
      point.failures++;
    }
  }
  for (const sample of histories.flatMap(h => recoverySamples(h, now))) {
    const point = points[indexOf(sample.failedAtMs)];
    if (point && sample.recoveredAtMs !== null) point.recoveries.push((sample.recoveredAtMs - sample.failedAtMs) / 1000);
  }
  return points.map((p, i) => ({
    weekStart: options.weeks[i].start.toISOString(),
    deployments: p.deployments,
    failures: p.failures,
    changeFailRate: p.deployments + p.failures === 0 ? null : p.failures / (p.deployments + p.failures),
    medianLeadTimeSeconds: median(p.leadTimes),
    medianRecoverySeconds: median(p.recoveries),
  }));
}
