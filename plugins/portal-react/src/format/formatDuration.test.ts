import { formatDuration } from './formatDuration';

const MIN = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;

describe('formatDuration', () => {
  it('rounds the smaller unit first, so no figure reads "60 min" or "1 h 60 min"', () => {
    expect(formatDuration(59.6 * MIN)).toBe('1 h');
    expect(formatDuration(119.7 * MIN)).toBe('2 h');
    expect(formatDuration(59.4 * MIN)).toBe('59 min');
    // 23 h 59.6 min is a day, not "23 h 60 min" or "24 h".
    expect(formatDuration(DAY - 0.4 * MIN)).toBe('1 d');
    expect(formatDuration(2 * DAY - 20 * MIN)).toBe('2 d');
  });

  it('writes at most two units: minutes, hours and minutes, days and hours', () => {
    expect(formatDuration(35 * MIN)).toBe('35 min');
    expect(formatDuration(95 * MIN)).toBe('1 h 35 min');
    expect(formatDuration(5.25 * HOUR)).toBe('5 h 15 min');
    expect(formatDuration(25 * HOUR)).toBe('1 d 1 h');
    expect(formatDuration(3 * DAY)).toBe('3 d');
    // 866.7 h, which another page once showed as "9.7 d" (not the same figure either).
    expect(formatDuration(866.7 * HOUR)).toBe('36 d 3 h');
    expect(formatDuration(60 * DAY)).toBe('60 d');
  });

  it('says less than a minute instead of rounding a short duration to nothing', () => {
    expect(formatDuration(20)).toBe('< 1 min');
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(90)).toBe('2 min');
  });

  it('writes a dash when there is no value', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(undefined)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});
