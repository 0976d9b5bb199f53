const usd = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const usdCents = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const usdCompact = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});

/** Whole dollars, e.g. $12,345. */
export const formatUsd = (value: number) => usd.format(value);
/** Dollars and cents, for small amounts and unit cost. */
export const formatUsdCents = (value: number) => usdCents.format(value);
/** Chart axes: $12.3K. */
export const formatUsdCompact = (value: number) => usdCompact.format(value);
export const formatPercent = (ratio: number) => `${Math.round(ratio * 100)}%`;
/** "2026-11-21" → "21 Nov". */
export const formatDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
