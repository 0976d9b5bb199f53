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
    /** null when no failure in the window has recovered yet. */
    medianSeconds: number | null;
    recovered: number;
    /** A failure streak still waiting for its next successful deployment. */
    unresolved: boolean;
  };
  tier: DoraTier | null;
}

/**
 * DORA metrics over the `windowDays` ending at `now`:
 * - deploy frequency: successful deployments per day and per week;
 * - change lead time: commit time to the success of the deployment that first shipped it,
 *   median and p90 over every such commit;
 * - change fail rate: failed / finished deployments;
 * - failed deployment recovery time: from the first failure of a streak of failures to the
 *   next successful deployment, median over streaks that started in the window.
 */
export function computeDoraMetrics(
  deployments: FinishedDeployment[],
  options: { now: Date; windowDays: number },
): DoraMetrics {
  const end = options.now.getTime();
  const start = end - options.windowDays * DAY_MS;
  const sorted = [...deployments].sort((a, b) => a.finishedAtMs - b.finishedAtMs);
  const inWindow = sorted.filter(d => d.finishedAtMs > start && d.finishedAtMs <= end);
  const successes = inWindow.filter(d => d.outcome === 'success');
  const failures = inWindow.length - successes.length;

  const leadTimes = successes.flatMap(d => d.commitTimesMs.map(c => Math.max(0, d.finishedAtMs - c) / 1000));
  const medianLeadTime = median(leadTimes);
  const p90LeadTime = percentile(leadTimes, 90);

  const recoveries: number[] = [];
  let streakStart: number | null = null;
  // Walk the whole history so a streak that began before the window still ends cleanly.
  for (const d of sorted) {
    if (d.finishedAtMs > end) break;
    if (d.outcome === 'failure') {
      streakStart ??= d.finishedAtMs;
    } else if (streakStart !== null) {
      if (streakStart > start) recoveries.push((d.finishedAtMs - streakStart) / 1000);
      streakStart = null;
    }
  }
  const medianRecovery = median(recoveries);

  const deploysPerDay = successes.length / options.windowDays;
  const deploysPerWeek = deploysPerDay * 7;
  const changeFailRate = inWindow.length === 0 ? null : failures / inWindow.length;
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
    recovery: { medianSeconds: medianRecovery, recovered: recoveries.length, unresolved: streakStart !== null },
    tier: classifyDoraTier({
      deploysPerWeek,
      medianLeadTimeSeconds: medianLeadTime,
      changeFailRate,
      medianRecoverySeconds: medianRecovery,
    }),
  };
}

/** Successful deployments that finished in (now - days, now]. */
export function countDeploymentsInLastDays(deployments: FinishedDeployment[], now: Date, days: number): number {
  const end = now.getTime();
  const start = end - days * DAY_MS;
  return deployments.filter(d => d.outcome === 'success' && d.finishedAtMs > start && d.finishedAtMs <= end).length;
}

export interface WeeklyDoraPoint {
  /** Monday 00:00 UTC that starts the week, ISO 8601. */
  weekStart: string;
  deployments: number;
  failures: number;
  /** Median lead time of the commits shipped that week, seconds; null when none. */
  medianLeadTimeSeconds: number | null;
}

/** The last `weeks` ISO weeks (UTC, Monday first) up to and including the one holding `now`. */
export function weeklyDoraTrend(deployments: FinishedDeployment[], options: { now: Date; weeks: number }): WeeklyDoraPoint[] {
  const today = Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate());
  const daysSinceMonday = (options.now.getUTCDay() + 6) % 7;
  const currentWeekStart = today - daysSinceMonday * DAY_MS;
  const firstWeekStart = currentWeekStart - (options.weeks - 1) * 7 * DAY_MS;
  const points = Array.from({ length: options.weeks }, (_, i) => ({
    start: firstWeekStart + i * 7 * DAY_MS,
    deployments: 0,
    failures: 0,
    leadTimes: [] as number[],
  }));
  for (const d of deployments) {
    if (d.finishedAtMs > options.now.getTime()) continue;
    const index = Math.floor((d.finishedAtMs - firstWeekStart) / (7 * DAY_MS));
    const point = points[index];
    if (!point) continue;
    if (d.outcome === 'success') {
      point.deployments++;
      point.leadTimes.push(...d.commitTimesMs.map(c => Math.max(0, d.finishedAtMs - c) / 1000));
    } else {
      point.failures++;
    }
  }
  return points.map(p => ({
    weekStart: new Date(p.start).toISOString(),
    deployments: p.deployments,
    failures: p.failures,
    medianLeadTimeSeconds: median(p.leadTimes),
  }));
}
