import { DateTime } from 'luxon';

/** An ISO week such as `2026-W48`. */
export type IsoWeek = string;

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** Throws with the expected form when `text` is not a real ISO week (`2026-W53` does not exist). */
export function parseIsoWeek(text: string): { weekYear: number; weekNumber: number } {
  const match = ISO_WEEK.exec(text);
  if (!match) throw new Error(`"${text}" is not an ISO week: use YYYY-Www, e.g. 2026-W48`);
  const weekYear = Number(match[1]);
  const weekNumber = Number(match[2]);
  const probe = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone: 'utc' });
  if (!probe.isValid || weekNumber < 1 || probe.weekYear !== weekYear || probe.weekNumber !== weekNumber) {
    throw new Error(`"${text}" is not an ISO week: ${weekYear} has weeks 01 to ${DateTime.fromObject({ year: weekYear, month: 12, day: 28 }).weekNumber}`);
  }
  return { weekYear, weekNumber };
}

function format(dt: DateTime): IsoWeek {
  return `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, '0')}`;
}

/** The ISO week `instant` falls in, on the wall clock of `zone`. */
export function isoWeekOf(instant: Date, zone: string): IsoWeek {
  return format(DateTime.fromJSDate(instant, { zone }));
}

/**
 * The week's bounds: Monday 00:00 to the next Monday 00:00 on the wall clock of `zone`, as
 * instants. A week containing a DST change is 167 or 169 hours long.
 */
export function weekBounds(week: IsoWeek, zone: string): { start: Date; end: Date } {
  const { weekYear, weekNumber } = parseIsoWeek(week);
  const start = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone }).startOf('day');
  return { start: start.toJSDate(), end: start.plus({ weeks: 1 }).toJSDate() };
}

/** `count` weeks ending with `week`, oldest first. */
export function weeksEndingWith(week: IsoWeek, count: number, zone: string): IsoWeek[] {
  const { weekYear, weekNumber } = parseIsoWeek(week);
  const last = DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone });
  return Array.from({ length: count }, (_, i) => format(last.minus({ weeks: count - 1 - i })));
}

/**
 * Calendar days of the week begun at `now` (7 for a past week, 1 on its Monday, 0 for a
 * future week), the divisor for per-day rates; calendar days, so a DST week still has 7.
 */
export function daysBegun(week: IsoWeek, zone: string, now: Date): number {
  const { start, end } = weekBounds(week, zone);
  if (now.getTime() >= end.getTime()) return 7;
  if (now.getTime() < start.getTime()) return 0;
  const startDay = DateTime.fromJSDate(start, { zone });
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  return Math.round(today.diff(startDay, 'days').days) + 1;
}

/** Whether `zone` is an IANA time zone luxon knows. */
export function isValidTimeZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}
