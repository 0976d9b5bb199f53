import { DateTime } from 'luxon';

/** A week's Monday on the wall clock of the zone weeks are counted in: "23 Nov". */
export const weekLabel = (weekStart: string, timeZone: string) => DateTime.fromISO(weekStart, { zone: timeZone }).toFormat('d LLL');
