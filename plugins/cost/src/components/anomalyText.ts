import { CostAnomaly } from '@internal/plugin-cost-common';
import { formatDay } from './format';
import { formatMoney } from '@internal/portal-react';

/** "+$599 (+199%)" / "−$60 (−60%)"; the percentage is left out when the usual spend was $0. */
export function formatJump(anomaly: CostAnomaly): string {
  const sign = anomaly.jumpUsd >= 0 ? '+' : '−';
  const usd = formatMoney(anomaly.jumpUsd, { signed: true });
  return anomaly.jumpPercent === null
    ? usd
    : `${usd} (${sign}${Math.round(Math.abs(anomaly.jumpPercent))}%)`;
}

export function weekdayOf(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'long',
    timeZone: 'UTC',
  });
}

/** "Spike on 25 Nov: $900 against a usual $301 for a Wednesday, +$599 (+199%)". */
export function describeAnomaly(anomaly: CostAnomaly): string {
  return `${anomaly.direction === 'spike' ? 'Spike' : 'Drop'} on ${formatDay(
    anomaly.day,
  )}: ${formatMoney(anomaly.usd)} against a usual ${formatMoney(
    anomaly.baselineUsd,
  )} for a ${weekdayOf(anomaly.day)}, ${formatJump(anomaly)}`;
}
