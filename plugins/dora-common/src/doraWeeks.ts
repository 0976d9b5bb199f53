import { DateTime } from 'luxon';

/**
 * The last `count` weeks up to and including the one holding `now`, oldest first: Monday
 * 00:00 to the next Monday 00:00 on the wall clock of `timeZone` (the same weeks as the
 * weekly platform review), as instants. A week with a DST change is 167 or 169 hours long.
 */
export function weeksEndingAt(now: Date, count: number, timeZone: string): Array<{ start: Date; end: Date }> {
  const current = DateTime.fromJSDate(now, { zone: timeZone }).startOf('week');
  return Array.from({ length: count }, (_, i) => {
    const start = current.minus({ weeks: count - 1 - i });
    return { start: start.toJSDate(), end: start.plus({ weeks: 1 }).toJSDate() };
  });
}
