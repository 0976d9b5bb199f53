import { dayOfMonth, daysInMonth, monthOf } from './calendar';

export interface DailyAmount {
  day: string;
  usd: number;
}

export function roundCents(usd: number): number {
  return Math.round((usd + Number.EPSILON) * 100) / 100;
}

/** Spend from the first of `asOfDay`'s month to `asOfDay`, both included. */
export function monthToDate(daily: DailyAmount[], asOfDay: string): number {
  const month = monthOf(asOfDay);
  return daily
    .filter(d => monthOf(d.day) === month && d.day <= asOfDay)
    .reduce((sum, d) => sum + d.usd, 0);
}

/** How many trailing days the run rate averages: a week, so weekends do not skew it. */
export const FORECAST_RUN_RATE_DAYS = 7;

/**
 * Month to date plus the run rate (average daily spend over the last
 * FORECAST_RUN_RATE_DAYS days up to `asOfDay`, reaching into the previous month early in a
 * month) times the days left in the month. Days with no row count as zero spend only when
 * they lie between days that have data, so a service that started yesterday is not
 * averaged over a week it did not exist.
 */
export function forecastMonthEnd(
  daily: DailyAmount[],
  asOfDay: string,
): number {
  const mtd = monthToDate(daily, asOfDay);
  const remaining = daysInMonth(asOfDay) - dayOfMonth(asOfDay);
  if (remaining === 0) return mtd;
  const recent = daily
    .filter(d => d.day <= asOfDay)
    .sort((a, b) => (a.day < b.day ? -1 : 1));
  if (recent.length === 0) return mtd;
  const windowStart = shiftDay(asOfDay, -(FORECAST_RUN_RATE_DAYS - 1));
  const firstSeen = recent[0].day > windowStart ? recent[0].day : windowStart;
  const inWindow = recent.filter(d => d.day >= firstSeen);
  const days =
    Math.round((Date.parse(asOfDay) - Date.parse(firstSeen)) / 86_400_000) + 1;
  const runRate = inWindow.reduce((sum, d) => sum + d.usd, 0) / days;
  return mtd + runRate * remaining;
}

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

export type BudgetStatus = 'over' | 'forecast-over' | 'within' | 'no-budget';

/**
 * `over`: month to date already exceeds the budget; `forecast-over`: on course to exceed it
 * by month end. The facts' `overBudget` flag is true for both.
 */
export function budgetStatus(args: {
  monthToDateUsd: number;
  forecastMonthUsd: number;
  monthlyBudgetUsd: number | null;
}): BudgetStatus {
  if (args.monthlyBudgetUsd === null) return 'no-budget';
  if (args.monthToDateUsd > args.monthlyBudgetUsd) return 'over';
  if (args.forecastMonthUsd > args.monthlyBudgetUsd) return 'forecast-over';
  return 'within';
}

export interface EfficiencySample {
  cpuCost: number;
  ramCost: number;
  /** Usage average / request average, as Kubecost reports it; null when unknown. */
  cpuEfficiency: number | null;
  ramEfficiency: number | null;
}

export interface Efficiency {
  cpu: number | null;
  ram: number | null;
  /** (cpu × cpuCost + ram × ramCost) / (cpuCost + ramCost), Kubecost's totalEfficiency. */
  total: number | null;
}

/**
 * Efficiency over several days: each day's ratio weighted by what that resource cost that
 * day, so an expensive idle day counts for more than a cheap one.
 */
export function combineEfficiency(samples: EfficiencySample[]): Efficiency {
  const weighted = (pick: (s: EfficiencySample) => [number | null, number]) => {
    let numerator = 0;
    let weight = 0;
    for (const sample of samples) {
      const [ratio, cost] = pick(sample);
      if (ratio === null || cost <= 0) continue;
      numerator += ratio * cost;
      weight += cost;
    }
    return weight > 0 ? { value: numerator / weight, weight, numerator } : null;
  };
  const cpu = weighted(s => [s.cpuEfficiency, s.cpuCost]);
  const ram = weighted(s => [s.ramEfficiency, s.ramCost]);
  const totalWeight = (cpu?.weight ?? 0) + (ram?.weight ?? 0);
  return {
    cpu: cpu?.value ?? null,
    ram: ram?.value ?? null,
    total:
      totalWeight > 0
        ? ((cpu?.numerator ?? 0) + (ram?.numerator ?? 0)) / totalWeight
        : null,
  };
}

/** USD per `per` units (cost per 1,000 requests); null when nothing was counted. */
export function unitCost(
  costUsd: number,
  units: number,
  per: number,
): number | null {
  if (!(units > 0)) return null;
  return (costUsd / units) * per;
}
