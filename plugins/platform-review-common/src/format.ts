import { formatMoney } from '@internal/portal-common';
import { RATING_LABELS, Rating } from './colour';
import { ChangeRow, IndicatorReport } from './review';

/**
 * The portal's formatters, passed in by the page (`formatDuration` from
 * `@internal/portal-react`), so the review, its exports and every other page write the
 * same figure the same way. This package cannot import the browser library itself.
 */
export interface ValueFormatters {
  /** Seconds → "1 h 35 min". */
  duration: (seconds: number | null) => string;
  /** US dollars → "$0.44"; without it, portal-common's formatMoney. */
  money?: (usd: number) => string;
}

/** What a week without a value says everywhere: never 0 and never "On target". */
export const NO_DATA = 'no data';

/** A value as the page and exports show it: shares in %, money and durations by the portal's formatters. */
export function formatValue(indicator: Pick<IndicatorReport, 'unit'>, value: number | null, formatters: ValueFormatters): string {
  if (value === null) return NO_DATA;
  if (indicator.unit === '%') return `${round(value * 100, 1)}%`;
  if (indicator.unit === 'USD') return (formatters.money ?? formatMoney)(value);
  if (indicator.unit === 'min') return formatters.duration(value * 60);
  return `${round(value, 1)} ${indicator.unit}`;
}

function round(x: number, digits: number): string {
  const f = 10 ** digits;
  return String(Math.round(x * f) / f);
}

export function formatTarget(indicator: IndicatorReport, formatters: ValueFormatters): string {
  const comparison = indicator.direction === 'higherIsBetter' ? '≥' : '≤';
  return `${comparison} ${formatValue(indicator, indicator.target, formatters)}`;
}

/** A week's status in words: "no data" without a value, else its rating's label. */
export function statusLabel(value: number | null, rating: Rating | null): string {
  if (value === null) return NO_DATA;
  return rating ? RATING_LABELS[rating] : 'no per-team target';
}

/** "16 min, was 10 min last week", or the change's own words. */
export function describeChange(indicator: Pick<IndicatorReport, 'unit'>, change: ChangeRow, formatters: ValueFormatters): string {
  if (!change.values) return change.description;
  return `${formatValue(indicator, change.values.thisWeek, formatters)}, was ${formatValue(indicator, change.values.lastWeek, formatters)} last week`;
}
