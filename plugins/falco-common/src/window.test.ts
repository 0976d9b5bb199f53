import { describeWindow, lastDaysWindow } from './window';

describe('lastDaysWindow', () => {
  it('is today and the six UTC days before it, from midnight UTC', () => {
    const window = lastDaysWindow(7, new Date('2026-11-30T08:15:00Z'));
    expect(window).toEqual({
      days: 7,
      firstDay: '2026-11-24',
      since: '2026-11-24T00:00:00.000Z',
    });
    expect(describeWindow(window)).toBe('last 7 days (since 24 Nov, 00:00 UTC)');
  });

  it('does not move within a UTC day', () => {
    expect(lastDaysWindow(7, new Date('2026-11-30T00:00:00Z')).since).toBe(
      lastDaysWindow(7, new Date('2026-11-30T23:59:59.999Z')).since,
    );
    expect(lastDaysWindow(1, new Date('2026-11-30T23:00:00Z')).firstDay).toBe('2026-11-30');
  });
});
