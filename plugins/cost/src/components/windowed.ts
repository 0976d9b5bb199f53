import { CostWindowId, WindowedUsd } from '@internal/plugin-cost-common';

/** The figure of `amounts` over window `id`. */
export function amountOver(amounts: WindowedUsd, id: CostWindowId): number {
  if (id === '7d') return amounts.last7DaysUsd;
  if (id === '30d') return amounts.last30DaysUsd;
  return amounts.monthToDateUsd;
}
