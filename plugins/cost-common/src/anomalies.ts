import { addDays, daysBetween } from './calendar';
import { DailyAmount } from './maths';

/** How a day's spend is judged against its own recent pattern (config `cost.anomalies`). */
export interface AnomalyMethod {
  /** Same-weekday days looked back over: the previous `weeks` weeks. Default 8. */
  weeks: number;
  /** Same-weekday days with data needed before a day is judged at all. Default 4. */
  minObservations: number;
  /** Robust z-score |x − median| / (1.4826 · MAD) at or above which a day is flagged. Default 3.5. */
  threshold: number;
  /** Jumps smaller than this many USD are never flagged. Default 5. */
  minUsd: number;
  /** Jumps smaller than this percentage of the median are never flagged. Default 10. */
  minPercent: number;
}

export const DEFAULT_ANOMALY_METHOD: AnomalyMethod = {
  weeks: 8,
  minObservations: 4,
  threshold: 3.5,
  minUsd: 5,
  minPercent: 10,
};

/** Scales the MAD to the standard deviation of normally distributed data. */
const MAD_TO_SIGMA = 1.4826;
/** Scales the mean absolute deviation likewise; used only when more than half the baseline is identical (MAD 0). */
const MEAN_AD_TO_SIGMA = 1.2533;

export interface CostAnomaly {
  day: string;
  /** Spend on the day. */
  usd: number;
  /** Median spend of the same weekday over the previous weeks (the days that have data). */
  baselineUsd: number;
  /** usd − baselineUsd: positive for a spike, negative for a drop. */
  jumpUsd: number;
  /** jumpUsd as a percentage of baselineUsd; null when the baseline is zero. */
  jumpPercent: number | null;
  direction: 'spike' | 'drop';
  /**
   * |usd − median| / spread, where spread is 1.4826 · MAD (or 1.2533 · mean absolute
   * deviation when the MAD is 0); null when every baseline day was identical, so any
   * jump past the minimums is flagged.
   */
  score: number | null;
  /** Same-weekday days the baseline was made of. */
  observations: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Flags the days from `from` to `to` whose spend departs from the same weekday over the
 * previous `method.weeks` weeks. `observed` holds only days that have data: a day that is
 * not in it is missing, so it is never flagged and never counts as zero in a baseline.
 * Comparing a Monday only with earlier Mondays keeps a weekly rhythm (a Monday batch job,
 * quiet weekends) from being flagged.
 */
export function detectCostAnomalies(
  observed: DailyAmount[],
  from: string,
  to: string,
  method: AnomalyMethod = DEFAULT_ANOMALY_METHOD,
): CostAnomaly[] {
  const byDay = new Map<string, number>();
  for (const { day, usd } of observed)
    byDay.set(day, (byDay.get(day) ?? 0) + usd);
  const anomalies: CostAnomaly[] = [];
  for (const day of daysBetween(from, to)) {
    const usd = byDay.get(day);
    if (usd === undefined) continue;
    const baseline: number[] = [];
    for (let week = 1; week <= method.weeks; week++) {
      const value = byDay.get(addDays(day, -7 * week));
      if (value !== undefined) baseline.push(value);
    }
    if (baseline.length < Math.max(1, method.minObservations)) continue;
    const anomaly = judgeDay(day, usd, baseline, method);
    if (anomaly) anomalies.push(anomaly);
  }
  return anomalies;
}

function judgeDay(
  day: string,
  usd: number,
  baseline: number[],
  method: AnomalyMethod,
): CostAnomaly | null {
  const centre = median(baseline);
  const jumpUsd = usd - centre;
  const jumpPercent = centre === 0 ? null : (jumpUsd / Math.abs(centre)) * 100;
  if (Math.abs(jumpUsd) < method.minUsd) return null;
  // From a zero baseline any increase is an unbounded percentage.
  if (jumpPercent !== null && Math.abs(jumpPercent) < method.minPercent)
    return null;
  const deviations = baseline.map(v => Math.abs(v - centre));
  let spread = MAD_TO_SIGMA * median(deviations);
  if (spread === 0)
    spread =
      (MEAN_AD_TO_SIGMA * deviations.reduce((s, d) => s + d, 0)) /
      deviations.length;
  const score = spread === 0 ? null : Math.abs(jumpUsd) / spread;
  if (score !== null && score < method.threshold) return null;
  return {
    day,
    usd,
    baselineUsd: centre,
    jumpUsd,
    jumpPercent,
    direction: jumpUsd > 0 ? 'spike' : 'drop',
    score,
    observations: baseline.length,
  };
}
