import { DateTime } from 'luxon';
import { formatAge } from './formatAge';

describe('formatAge', () => {
  const now = DateTime.fromISO('2026-11-27T12:00:00Z');

  it('says how long ago a refresh was', () => {
    expect(formatAge('2026-11-27T11:57:00Z', now)).toBe('3 minutes ago');
    expect(formatAge('2026-11-25T12:00:00Z', now)).toBe('2 days ago');
  });

  it('treats the last few seconds as just now', () => {
    expect(formatAge('2026-11-27T11:59:50Z', now)).toBe('just now');
  });

  it('does not invent an age for a timestamp it cannot read', () => {
    expect(formatAge('yesterday', now)).toBe('at an unknown time');
  });
});
