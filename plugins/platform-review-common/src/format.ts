import { formatMoney } from '@internal/portal-common';
import { DateTime } from 'luxon';
import { RATING_LABELS } from './colour';
import { IndicatorReport, WeeklyReview } from './review';

/** A value as the page and exports show it: shares in %, money as the portal writes it, others to 0.1. */
export function formatValue(indicator: Pick<IndicatorReport, 'unit'>, value: number | null): string {
  if (value === null) return 'n/a';
  if (indicator.unit === '%') return `${round(value * 100, 1)}%`;
  if (indicator.unit === 'USD') return formatMoney(value);
  // Lead times of hours read better in hours; targets in minutes stay in minutes.
  if (indicator.unit === 'min' && value >= 120) return `${round(value / 60, 1)} h`;
  return `${round(value, 1)} ${indicator.unit}`;
}

function round(x: number, digits: number): string {
  const f = 10 ** digits;
  return String(Math.round(x * f) / f);
}

export function formatTarget(indicator: IndicatorReport): string {
  const comparison = indicator.direction === 'higherIsBetter' ? '≥' : '≤';
  return `${comparison} ${formatValue(indicator, indicator.target)}`;
}

function escapeMarkdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The week as Markdown for the all-hands notes: a summary table, then teams and changes per indicator. */
export function weeklyReviewMarkdown(review: WeeklyReview): string {
  const lines: string[] = [];
  lines.push(`# Platform review ${review.isoWeek}`);
  lines.push('');
  const soFar = review.partial ? ', so far' : '';
  const demo = review.demo ? ' Demo data.' : '';
  // Local calendar dates: Monday to Sunday on the review's wall clock.
  const firstDay = DateTime.fromISO(review.start, { zone: review.timeZone }).toISODate();
  const lastDay = DateTime.fromISO(review.end, { zone: review.timeZone }).minus({ days: 1 }).toISODate();
  lines.push(`Week ${firstDay} to ${lastDay} (${review.timeZone})${soFar}.${demo}`);
  lines.push('');
  lines.push('| Indicator | This week | Target | Status | Last week |');
  lines.push('| --- | --- | --- | --- | --- |');
  for (const indicator of review.indicators) {
    const lastWeek = indicator.history.length >= 2 ? indicator.history[indicator.history.length - 2].value : null;
    const status = indicator.unavailableReason
      ? `${RATING_LABELS.unknown}: ${indicator.unavailableReason}`
      : RATING_LABELS[indicator.rating];
    lines.push(
      `| ${[indicator.title, formatValue(indicator, indicator.value), formatTarget(indicator), status, formatValue(indicator, lastWeek)]
        .map(escapeMarkdownCell)
        .join(' | ')} |`,
    );
  }
  for (const indicator of review.indicators) {
    if (indicator.teams.length === 0 && indicator.changes.length === 0) continue;
    lines.push('');
    lines.push(`## ${indicator.title}`);
    if (indicator.teams.length > 0) {
      lines.push('');
      lines.push(`Per team: ${indicator.teams.map(t => `${t.teamRef} ${formatValue(indicator, t.value)}${t.rating ? ` (${RATING_LABELS[t.rating]})` : ''}`).join('; ')}.`);
    }
    if (indicator.changes.length > 0) {
      lines.push('');
      lines.push('What changed this week:');
      for (const change of indicator.changes) lines.push(`- ${change.entityRef}: ${change.description}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const WEEKLY_REVIEW_CSV_HEADER = ['week', 'indicator', 'scope', 'value', 'unit', 'target', 'direction', 'status', 'note'];

/**
 * The week as CSV, one row per indicator (scope `all`) and per team (scope = team ref);
 * values are raw numbers (shares 0..1), blank when unknown.
 */
export function weeklyReviewCsv(review: WeeklyReview): string {
  const rows: Array<Array<string | number | null>> = [WEEKLY_REVIEW_CSV_HEADER];
  for (const indicator of review.indicators) {
    rows.push([
      review.isoWeek,
      indicator.id,
      'all',
      indicator.value,
      indicator.unit,
      indicator.target,
      indicator.direction,
      indicator.rating,
      indicator.unavailableReason,
    ]);
    for (const team of indicator.teams) {
      rows.push([review.isoWeek, indicator.id, team.teamRef, team.value, indicator.unit, indicator.target, indicator.direction, team.rating, null]);
    }
  }
  return `${rows.map(row => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
