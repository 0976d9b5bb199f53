import { DoraTier } from '@internal/plugin-dora-common';

const round = (value: number) => (value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10));

/** "35 min", "5.2 h", "3.1 d", "6 wk" */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const minutes = seconds / 60;
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${round(hours)} h`;
  const days = hours / 24;
  if (days < 60) return `${round(days)} d`;
  return `${round(days / 7)} wk`;
}

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
