/**
 * Multi-window, multi-burn-rate alerting (Google SRE workbook, "Alerting on SLOs").
 * An alert fires when the error ratio over both its long and its short window (1/12 of
 * the long one) is at least `factor` times the error budget.
 */
export interface BurnRateAlertWindow {
  severity: 'page' | 'ticket';
  longWindow: string;
  shortWindow: string;
  /** Burn rate that fires the alert: the share of the budget it spends × period / window. */
  factor: number;
}

/**
 * The workbook's three rows for a 30-day window (14.4× over 1h spends 2% of the budget,
 * 6× over 6h spends 5%, 1× over 3d spends 10%) plus Sloth's default 3× over 1d ticket.
 */
export const MULTI_WINDOW_BURN_RATE_ALERTS: readonly BurnRateAlertWindow[] = [
  { severity: 'page', longWindow: '1h', shortWindow: '5m', factor: 14.4 },
  { severity: 'page', longWindow: '6h', shortWindow: '30m', factor: 6 },
  { severity: 'ticket', longWindow: '1d', shortWindow: '2h', factor: 3 },
  { severity: 'ticket', longWindow: '3d', shortWindow: '6h', factor: 1 },
];
