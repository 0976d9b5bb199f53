import { daysBegun, isoWeekOf, parseIsoWeek, weekBounds, weeksEndingWith } from './weeks';

describe('ISO weeks in a time zone', () => {
  it('starts the week on Monday 00:00 local time, as UTC instants', () => {
    // Europe/Berlin is UTC+1 in winter.
    expect(weekBounds('2026-W48', 'Europe/Berlin')).toEqual({
      start: new Date('2026-11-22T23:00:00Z'),
      end: new Date('2026-11-29T23:00:00Z'),
    });
  });

  it('puts Sunday 23:30 local in the old week and Monday 00:30 local in the new one', () => {
    // Sunday 2026-11-29 23:30 Berlin = 22:30Z; Monday 00:30 Berlin = 23:30Z (still Sunday in UTC).
    expect(isoWeekOf(new Date('2026-11-29T22:30:00Z'), 'Europe/Berlin')).toBe('2026-W48');
    expect(isoWeekOf(new Date('2026-11-29T23:30:00Z'), 'Europe/Berlin')).toBe('2026-W49');
    expect(isoWeekOf(new Date('2026-11-29T23:30:00Z'), 'UTC')).toBe('2026-W48');
  });

  it('makes the week of the autumn DST change 169 hours long and the spring one 167', () => {
    // Berlin leaves summer time on Sunday 2026-10-25 (week 43) and enters it on 2026-03-29 (week 13).
    const autumn = weekBounds('2026-W43', 'Europe/Berlin');
    expect(autumn.start).toEqual(new Date('2026-10-18T22:00:00Z')); // Monday 00:00 CEST (UTC+2)
    expect(autumn.end).toEqual(new Date('2026-10-25T23:00:00Z')); // Monday 00:00 CET (UTC+1)
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(169);
    const spring = weekBounds('2026-W13', 'Europe/Berlin');
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(167);
    // The next week begins exactly where the DST week ends.
    expect(weekBounds('2026-W44', 'Europe/Berlin').start).toEqual(autumn.end);
  });

  it('counts calendar days, so a DST week still has 7', () => {
    expect(daysBegun('2026-W43', 'Europe/Berlin', new Date('2026-12-01T00:00:00Z'))).toBe(7);
    // Wednesday 2026-11-25 10:00 Berlin: Monday, Tuesday and Wednesday have begun.
    expect(daysBegun('2026-W48', 'Europe/Berlin', new Date('2026-11-25T09:00:00Z'))).toBe(3);
    expect(daysBegun('2026-W49', 'Europe/Berlin', new Date('2026-11-25T09:00:00Z'))).toBe(0);
  });

  it('lists the weeks before, across a year with 53 weeks', () => {
    expect(weeksEndingWith('2027-W02', 4, 'UTC')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
  });

  it('refuses weeks that do not exist, naming the form', () => {
    expect(() => parseIsoWeek('2026-48')).toThrow('use YYYY-Www, e.g. 2026-W48');
    expect(() => parseIsoWeek('2025-W53')).toThrow('2025 has weeks 01 to 52');
    expect(() => parseIsoWeek('2026-W00')).toThrow('not an ISO week');
    expect(parseIsoWeek('2026-W53')).toEqual({ weekYear: 2026, weekNumber: 53 });
  });
});
