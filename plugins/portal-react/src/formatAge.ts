import { DateTime } from 'luxon';

/** "3 minutes ago", "2 days ago": how old a stored figure is, relative to now. */
export function formatAge(isoTimestamp: string, now: DateTime = DateTime.now()): string {
  const then = DateTime.fromISO(isoTimestamp);
  if (!then.isValid) return 'at an unknown time';
  if (now.diff(then).as('seconds') < 45) return 'just now';
  return then.toRelative({ base: now }) ?? 'at an unknown time';
}
