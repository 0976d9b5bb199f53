import { addDays, firstDayOfMonth } from './calendar';

/**
 * The windows cost figures are given over, each ending on the last day that can be read
 * (yesterday, UTC: today is still being spent): the last 7 days, the last 30 days, and the
 * month to date.
 */
export const COST_WINDOW_IDS = ['7d', '30d', 'mtd'] as const;

export type CostWindowId = (typeof COST_WINDOW_IDS)[number];

/** The days of window `id` that ends on `last` (both included, UTC). */
export function costWindowRange(
  id: CostWindowId,
  last: string,
): { first: string; last: string } {
  if (id === '7d') return { first: addDays(last, -6), last };
  if (id === '30d') return { first: addDays(last, -29), last };
  return { first: firstDayOfMonth(last), last };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Last 7 days", "Last 30 days", "November to date". */
export function costWindowLabel(id: CostWindowId, last: string): string {
  if (id === '7d') return 'Last 7 days';
  if (id === '30d') return 'Last 30 days';
  return `${MONTHS[Number(last.slice(5, 7)) - 1]} to date`;
}
