const wholeDollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const cents = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
// Below a dollar, two significant digits: $0.0033 per 1,000 orders must not read $0.00.
const significant = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumSignificantDigits: 2,
  maximumSignificantDigits: 2,
});
const compact = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});

/** Where whole dollars start: below this a figure shows its cents. */
export const WHOLE_DOLLARS_FROM_USD = 100;

export interface FormatMoneyOptions {
  /** `+$5.00` for a rise: jumps and differences. */
  signed?: boolean;
  /**
   * Chart axes, where space is short and ticks are round: `$12.3K` from $1,000, whole
   * dollars from $10 (`$55`), `$0` for zero; smaller amounts read as usual.
   */
  compact?: boolean;
}

/**
 * US dollars as every page and export of the portal writes them: whole dollars from $100
 * ($12,345), cents below ($42.50, $0.40), and two significant digits below a cent's worth
 * of precision ($0.0033), so a small unit cost never reads as $0.00. Only an amount that
 * is exactly zero reads $0.00. The caller says "no data" for a missing figure: this never
 * turns one into a number.
 */
export function formatMoney(
  usd: number,
  options: FormatMoneyOptions = {},
): string {
  if (!Number.isFinite(usd)) return String(usd);
  const size = Math.abs(usd);
  const roundedCents = Math.round(size * 100) / 100;
  let text: string;
  if (options.compact && size >= 1000) text = compact.format(size);
  else if (options.compact && (size >= 10 || size === 0))
    text = wholeDollars.format(size);
  // Decided on the rounded figure: $99.996 reads $100, not $100.00.
  else if (roundedCents >= WHOLE_DOLLARS_FROM_USD)
    text = wholeDollars.format(size);
  else if (size >= 0.995 || size === 0) text = cents.format(size);
  else text = significant.format(size);
  if (usd < 0 && text !== cents.format(0)) return `−${text}`;
  if (options.signed && usd > 0) return `+${text}`;
  return text;
}
