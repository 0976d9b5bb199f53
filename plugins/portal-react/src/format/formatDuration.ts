const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration as every page writes it: at most two units, the smaller one rounded, so a
 * figure never reads "60 min" or "1 h 60 min" (59.6 min is "1 h", 119.7 min is "2 h").
 *
 * - under a minute: "< 1 min" ("0 min" for exactly 0);
 * - under a day: minutes, then hours and minutes: "35 min", "5 h", "5 h 15 min";
 * - from a day: days and hours: "1 d", "3 d 4 h", "60 d".
 *
 * Takes seconds; a figure held in minutes is passed as `minutes * 60`. "—" for no value.
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  if (seconds < 0) return `−${formatDuration(-seconds)}`;
  if (seconds === 0) return '0 min';
  if (seconds < MINUTE) return '< 1 min';
  const minutes = Math.round(seconds / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < DAY / MINUTE) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  const hours = Math.round(seconds / HOUR);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest === 0 ? `${days} d` : `${days} d ${rest} h`;
}
