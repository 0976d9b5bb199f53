import { DateTime } from 'luxon';

/** `27 Nov 2026, 14:03:12` in the viewer's zone. */
export function formatTime(iso: string): string {
  return DateTime.fromISO(iso).toLocaleString(DateTime.DATETIME_MED_WITH_SECONDS);
}

/** `3 hours ago`. */
export function formatRelative(iso: string): string {
  return DateTime.fromISO(iso).toRelative() ?? iso;
}
