import { CronExpressionParser } from 'cron-parser';

/**
 * What a Kubernetes CronJob's `schedule` accepts, checked by a real cron parser: five
 * fields (minute, hour, day of month, month, day of week) separated by single spaces,
 * each made of numbers, `*`, `?`, ranges, lists and steps, or month and weekday names.
 * Kubernetes has no seconds field and no `L`, `W` or `#`, so those are refused even though
 * some cron libraries read them.
 */
const FIELD_NAMES = ['minute', 'hour', 'day of month', 'month', 'day of week'] as const;
const MONTH_NAMES = 'JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC';
const DAY_NAMES = 'SUN|MON|TUE|WED|THU|FRI|SAT';
const FIELD_SYNTAX = [
  /^[0-9*/,-]+$/,
  /^[0-9*/,-]+$/,
  /^[0-9*/,?-]+$/,
  new RegExp(`^(?:[0-9*/,-]|${MONTH_NAMES})+$`, 'i'),
  new RegExp(`^(?:[0-9*/,?-]|${DAY_NAMES})+$`, 'i'),
];

export type CronScheduleCheck =
  | { valid: true; fields: string[] }
  | { valid: false; problem: string };

export function checkCronSchedule(expression: string): CronScheduleCheck {
  const fields = expression.split(' ');
  if (fields.length !== 5 || fields.some(f => f === '')) {
    return {
      valid: false,
      problem: `it has ${fields.filter(Boolean).length} field(s), and a schedule has five (minute, hour, day of month, month, day of week) separated by single spaces`,
    };
  }
  for (const [index, field] of fields.entries()) {
    if (!FIELD_SYNTAX[index].test(field)) {
      return {
        valid: false,
        problem: `the ${FIELD_NAMES[index]} field "${field}" is not a number, *, a range, a list or a step`,
      };
    }
  }
  try {
    CronExpressionParser.parse(expression, { tz: 'Etc/UTC' });
  } catch (error) {
    return {
      valid: false,
      problem: `it is not a valid cron expression (${(error as Error).message.replace(/\.$/, '')})`,
    };
  }
  return { valid: true, fields };
}

/**
 * The longest wait between two consecutive runs, in seconds, over the next year of runs
 * (at most 5,000). Alerting on "no success for too long" is measured against it.
 */
export function longestCronIntervalSeconds(expression: string, from = new Date(0)): number {
  const interval = CronExpressionParser.parse(expression, {
    tz: 'Etc/UTC',
    currentDate: from,
  });
  const horizon = from.getTime() + 366 * 24 * 3600 * 1000;
  let previous = interval.next().getTime();
  let longest = 0;
  for (let i = 0; i < 5000 && interval.hasNext(); i++) {
    const next = interval.next().getTime();
    longest = Math.max(longest, next - previous);
    previous = next;
    if (next > horizon) break;
  }
  return Math.round(longest / 1000);
}
