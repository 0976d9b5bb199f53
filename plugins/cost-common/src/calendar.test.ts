import { addDays, daysBetween, daysInMonth } from './calendar';

describe('calendar', () => {
  it('crosses month and leap-year boundaries in UTC', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysInMonth('2028-02-10')).toBe(29);
    expect(daysInMonth('2026-02-10')).toBe(28);
    expect(daysBetween('2026-10-30', '2026-11-02')).toEqual([
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
    ]);
  });
});
