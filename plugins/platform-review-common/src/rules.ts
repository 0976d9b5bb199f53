import { AMBER_TOLERANCE } from './colour';
import { ValueFormatters } from './format';
import { IndicatorReport, WeeklyReview } from './review';

/** How an indicator's weekly figure is computed, in the words the page and the Markdown export show. */
export function indicatorRule(indicator: IndicatorReport, review: Pick<WeeklyReview, 'freezeMinimumMinutes'>, formatters: ValueFormatters): string {
  switch (indicator.id) {
    case 'deploysPerDay':
      return 'Successful production deploys of all teams ÷ calendar days of the week begun (7 for a past week).';
    case 'leadTimeMedianMinutes':
      return "Median (the middle value; the mean of the two middle ones for an even count) of commit-to-production time over every commit the week's successful deploys shipped.";
    case 'leadTimeP90Minutes':
      return "Nearest-rank p90 of commit-to-production time over every commit the week's successful deploys shipped.";
    case 'servicesFrozen':
      return `Services frozen by the error-budget policy for at least ${formatters.duration(
        review.freezeMinimumMinutes * 60,
      )} in a row at some time in the week; shorter freezes (flaps) are not counted.`;
    case 'costPerThousandUnits':
      return 'All spend ÷ units of work × 1,000, over the days of the week with every cost source and the unit counts stored.';
    case 'falcoCriticalPerWeek':
      return 'Falco events of priority Critical or Emergency in the week, all services; a week counts only when events were stored for all of it.';
    case 'scorecardSilverShare':
      return "Share of scored services at the level or above in the week's last scorecard run.";
    default:
      return '';
  }
}

/** The rule every indicator shares, stated once per page and export. */
export function reviewRule(review: Pick<WeeklyReview, 'timeZone'>): string {
  return `Weeks run Monday 00:00 to Monday 00:00 (${review.timeZone}). Each week is rated on its own: green meets the target, amber misses it by at most ${
    AMBER_TOLERANCE * 100
  }% of it, red by more. A week without data is a gap in the chart and says "no data".`;
}
