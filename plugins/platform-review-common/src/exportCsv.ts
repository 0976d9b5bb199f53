import { WeeklyReview } from './review';

/** RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const WEEKLY_REVIEW_CSV_HEADER = ['week', 'indicator', 'scope', 'value', 'unit', 'target', 'direction', 'status', 'note'];

/**
 * All 12 weeks of every indicator as CSV, overall (scope `all`) and per team (scope = team
 * ref): values are raw numbers (shares 0..1, lead times in minutes), blank when there is no
 * data; status is the week's own rating (green, amber, red), `no data`, or blank for a team
 * where the target is for all teams together.
 */
export function weeklyReviewCsv(review: WeeklyReview): string {
  const rows: Array<Array<string | number | null>> = [WEEKLY_REVIEW_CSV_HEADER];
  for (const indicator of review.indicators) {
    const scopes = [
      { scope: 'all', history: indicator.history },
      ...indicator.teams.map(team => ({ scope: team.teamRef, history: team.history })),
    ];
    for (const { scope, history } of scopes) {
      for (const point of history) {
        const status = point.value === null ? 'no data' : point.rating;
        const note = point.value === null && scope === 'all' ? indicator.unavailableReason ?? indicator.noDataReason : null;
        rows.push([point.isoWeek, indicator.id, scope, point.value, indicator.unit, indicator.target, indicator.direction, status, note]);
      }
    }
  }
  return `${rows.map(r => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
