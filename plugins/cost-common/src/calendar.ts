/** Days are UTC calendar days written `YYYY-MM-DD`, as Kubecost windows and Cost Explorer use them. */
const DAY_MS = 86_400_000;

export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** Every day from `first` to `last`, both included. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function firstDayOfMonth(day: string): string {
  return `${monthOf(day)}-01`;
}

export function daysInMonth(day: string): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function dayOfMonth(day: string): number {
  return Number(day.slice(8, 10));
}
