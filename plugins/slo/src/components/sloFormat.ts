import { SloAlertState } from '@internal/plugin-slo-common';
import { formatDuration } from '@internal/portal-react';

/** 0.999 → "99.9%"; keeps the digits a target is written with. */
export function formatTarget(target: number): string {
  return `${Number((target * 100).toPrecision(6))}%`;
}

/** Share of budget left: 0.734 → "73%", −0.2 → "exhausted (−20%)". */
export function formatBudget(remaining: number | null): string {
  if (remaining === null) return 'no data';
  const percent = Math.round(remaining * 100);
  return remaining <= 0 ? `exhausted (${percent}%)` : `${percent}%`;
}

/** Burn rate as a multiple of the sustainable rate: "14.4×", "0.21×", "–" without data. */
export function formatBurn(burn: number | null): string {
  if (burn === null) return '–';
  return `${burn >= 10 ? burn.toFixed(1) : burn.toFixed(2)}×`;
}

/**
 * Budget minutes and time to exhaustion, in the portal's one duration format
 * (`formatDuration` from portal-react): 95 → "1 h 35 min", 59.6 → "1 h", 4320 → "3 d".
 */
export function formatMinutes(minutes: number | null): string {
  return formatDuration(minutes === null ? null : minutes * 60);
}

export const ALERT_STATE_LABEL: Record<SloAlertState, string> = {
  page: 'Paging',
  ticket: 'Ticket',
  ok: 'Within budget',
  'no-data': 'No data',
};

/** Worst first, for sorting lists of SLOs by how urgently they need attention. */
export const ALERT_STATE_RANK: Record<SloAlertState, number> = { page: 0, ticket: 1, ok: 2, 'no-data': 3 };

/** Axis label for a chart over an SLO window: "Nov 27". */
export const formatChartDay = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
