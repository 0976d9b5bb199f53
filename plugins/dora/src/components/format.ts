import { DoraTier } from '@internal/plugin-dora-common';

const round = (value: number) => (value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10));

// Durations are written by formatDuration from @internal/portal-react, as on every page.

/** In the unit people think in at that pace: "3.4 a day", "2.1 a week", "1.3 a month". */
export function formatFrequency(deploysPerDay: number): string {
  if (deploysPerDay === 0) return 'none';
  if (deploysPerDay >= 1) return `${round(deploysPerDay)} a day`;
  if (deploysPerDay * 7 >= 1) return `${round(deploysPerDay * 7)} a week`;
  return `${round(deploysPerDay * 30)} a month`;
}

export function formatPercent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

export function tierLabel(tier: DoraTier | null): string {
  return tier ? tier[0].toLocaleUpperCase('en-US') + tier.slice(1) : 'No deployments';
}
