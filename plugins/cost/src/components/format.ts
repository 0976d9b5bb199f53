export const formatPercent = (ratio: number) => `${Math.round(ratio * 100)}%`;
/** "2026-11-21" → "21 Nov". */
export const formatDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
