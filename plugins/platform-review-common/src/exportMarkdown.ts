import { DateTime } from 'luxon';
import { RATING_LABELS } from './colour';
import { describeChange, formatTarget, formatValue, statusLabel, ValueFormatters } from './format';
import { WeeklyReview } from './review';
import { indicatorRule, reviewRule } from './rules';

/** Markdown table cells: a pipe or a line break would end the cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
const teamName = (teamRef: string) => teamRef.replace(/^group:default\//, '');

/**
 * The week as Markdown for the all-hands notes: a summary of this week, then per indicator
 * its rule, all 12 weeks overall and per team (each week with its own status, "no data"
 * where there is none) and what changed this week.
 */
export function weeklyReviewMarkdown(review: WeeklyReview, formatters: ValueFormatters): string {
  const lines: string[] = [];
  lines.push(`# Platform review ${review.isoWeek}`, '');
  const soFar = review.partial ? ', so far' : '';
  const demo = review.demo ? ' Demo data.' : '';
  // Local calendar dates: Monday to Sunday on the review's wall clock.
  const firstDay = DateTime.fromISO(review.start, { zone: review.timeZone }).toISODate();
  const lastDay = DateTime.fromISO(review.end, { zone: review.timeZone }).minus({ days: 1 }).toISODate();
  lines.push(`Week ${firstDay} to ${lastDay} (${review.timeZone})${soFar}.${demo}`, '', reviewRule(review), '');
  lines.push(row(['Indicator', 'This week', 'Target', 'Status', 'Last week']), row(['---', '---', '---', '---', '---']));
  for (const indicator of review.indicators) {
    const lastWeek = indicator.history.length >= 2 ? indicator.history[indicator.history.length - 2].value : null;
    const status = indicator.unavailableReason
      ? `${RATING_LABELS.unknown}: ${indicator.unavailableReason}`
      : statusLabel(indicator.value, indicator.rating);
    lines.push(
      row([
        indicator.title,
        formatValue(indicator, indicator.value, formatters),
        formatTarget(indicator, formatters),
        status,
        formatValue(indicator, lastWeek, formatters),
      ]),
    );
  }
  for (const indicator of review.indicators) {
    lines.push('', `## ${indicator.title}`, '', `${indicatorRule(indicator, review, formatters)} Target ${formatTarget(indicator, formatters)}.`);
    if (indicator.noDataReason) lines.push('', `No data: ${indicator.noDataReason}.`);
    lines.push('');
    const teams = indicator.teams;
    lines.push(row(['Week', 'All teams', 'Status', ...teams.map(t => teamName(t.teamRef))]), row(['---', '---', '---', ...teams.map(() => '---')]));
    indicator.history.forEach((point, i) => {
      lines.push(
        row([
          point.isoWeek,
          formatValue(indicator, point.value, formatters),
          statusLabel(point.value, point.rating),
          ...teams.map(team => {
            const p = team.history[i];
            const value = formatValue(indicator, p?.value ?? null, formatters);
            return p?.value !== null && p?.value !== undefined && p.rating ? `${value} (${statusLabel(p.value, p.rating)})` : value;
          }),
        ]),
      );
    });
    if (indicator.changes.length > 0) {
      lines.push('', 'What changed this week:');
      for (const change of indicator.changes) lines.push(`- ${change.entityRef}: ${describeChange(indicator, change, formatters)}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
