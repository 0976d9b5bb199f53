import { lastDaysWindow } from '@internal/plugin-falco-common';

const DAY_MS = 86_400_000;

/** The UTC day (YYYY-MM-DD) that starts a window of `days` days ending today (lastDaysWindow). */
export function firstDayOf(now: Date, days: number): string {
  return lastDaysWindow(days, now).firstDay;
}

/** Every UTC day from `first` to `now`'s day, oldest first. */
export function daysFrom(first: string, now: Date): string[] {
  const out: string[] = [];
  const last = now.toISOString().slice(0, 10);
  for (let t = Date.parse(`${first}T00:00:00Z`); ; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push(day);
    if (day >= last) return out;
  }
}
