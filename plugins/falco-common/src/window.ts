const DAY_MS = 86_400_000;

/** The window of the Falco card, its facts for scorecards and the events tab's default. */
export const FALCO_RECENT_DAYS = 7;

/**
 * "The last N days" wherever Falco figures are shown: today so far and the N − 1 whole UTC
 * days before it, from 00:00 UTC on the first. One definition, because the stored daily
 * counts are per UTC day: a rolling 7 × 24 hours in one place and calendar days in another
 * made a service's card count 9 events and its tab 10 at the same moment.
 */
export interface FalcoWindow {
  days: number;
  /** The first UTC day, YYYY-MM-DD. */
  firstDay: string;
  /** 00:00 UTC of the first day, ISO 8601: events at or after it are in the window. */
  since: string;
}

export function lastDaysWindow(days: number, now: Date): FalcoWindow {
  const firstDay = new Date(now.getTime() - (days - 1) * DAY_MS)
    .toISOString()
    .slice(0, 10);
  return { days, firstDay, since: `${firstDay}T00:00:00.000Z` };
}

/** "last 7 days (since 24 Nov, 00:00 UTC)": the window as the pages state it. */
export function describeWindow(window: FalcoWindow): string {
  const first = new Date(window.since).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  return `last ${window.days} days (since ${first}, 00:00 UTC)`;
}
