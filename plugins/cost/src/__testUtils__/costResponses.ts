import {
  CostOverviewResponse,
  CostResponseMeta,
  CostSourceName,
  CostWindowCoverage,
  emptyBreakdown,
  TeamCostSummary,
  WindowedUsd,
} from '@internal/plugin-cost-common';

/** Windows ending 30 November 2026, every day read from `sources` unless said otherwise. */
export function windows(
  sources: CostSourceName[] = ['kubecost'],
  read: Partial<Record<'7d' | '30d' | 'mtd', number>> = {},
): CostResponseMeta['windows'] {
  const window = (
    id: '7d' | '30d' | 'mtd',
    label: string,
    first: string,
    days: number,
  ): CostWindowCoverage => ({
    id,
    label,
    first,
    last: '2026-11-30',
    days,
    daysRead: read[id] ?? days,
    sources: sources.map(source => ({
      source,
      daysWithCost: read[id] ?? days,
      daysEmpty: 0,
    })),
  });
  return {
    '7d': window('7d', 'Last 7 days', '2026-11-24', 7),
    '30d': window('30d', 'Last 30 days', '2026-11-01', 30),
    mtd: window('mtd', 'November to date', '2026-11-01', 30),
  };
}

export function meta(
  overrides: Partial<CostResponseMeta> = {},
): CostResponseMeta {
  return {
    demo: false,
    asOf: '2026-11-30',
    through: '2026-11-30',
    windows: windows(),
    sources: [
      {
        source: 'kubecost',
        lastIngestedDay: '2026-11-30',
        lastSuccessAt: '2026-12-01T06:00:00Z',
        lastError: null,
        pendingDays: 0,
      },
    ],
    ...overrides,
  };
}

export const usd = (
  last7DaysUsd: number,
  last30DaysUsd: number,
  monthToDateUsd: number,
): WindowedUsd => ({ last7DaysUsd, last30DaysUsd, monthToDateUsd });

export function team(
  overrides: Partial<TeamCostSummary> & { entityRef: string; title: string },
): TeamCostSummary {
  return {
    ...usd(0, 0, 0),
    forecastMonthUsd: 0,
    monthlyBudgetUsd: null,
    budgetStatus: 'no-budget',
    byCategoryMonthToDate: emptyBreakdown(),
    last30DaysSplit: { kubernetesUsd: 0, awsUsd: 0 },
    topServices: [],
    ...overrides,
  };
}

/**
 * Two teams (Checkout $700 / $2,800 / $2,900; Payments $300 / $1,200 / $1,250 over 7 days /
 * 30 days / month to date), and the lines charged to no team.
 */
export function overview(
  overrides: Partial<CostOverviewResponse> = {},
): CostOverviewResponse {
  const teams = [
    team({
      entityRef: 'group:default/checkout',
      title: 'Checkout',
      ...usd(700, 2800, 2900),
      forecastMonthUsd: 2900,
      monthlyBudgetUsd: 2500,
      budgetStatus: 'over',
    }),
    team({
      entityRef: 'group:default/payments',
      title: 'Payments',
      ...usd(300, 1200, 1250),
      forecastMonthUsd: 1250,
    }),
  ];
  return {
    ...meta(),
    teams,
    idle: usd(70, 280, 290),
    unmounted: usd(7, 28, 29),
    unallocated: { kubernetes: usd(20, 80, 85), aws: usd(3, 12, 13) },
    totals: {
      teams: usd(1000, 4000, 4150),
      kubernetesCluster: usd(950, 3800, 3950),
      aws: usd(150, 600, 617),
      all: usd(1100, 4400, 4567),
    },
    unitCosts: [
      {
        unit: 'orders',
        per: 1000,
        byWindow: {
          '7d': { costPerThousandUsd: 0.0033, countedDays: 7, days: 7 },
          '30d': { costPerThousandUsd: 0.0041, countedDays: 29, days: 30 },
          mtd: { costPerThousandUsd: 0.0041, countedDays: 29, days: 30 },
        },
      },
    ],
    trend: [],
    ...overrides,
  };
}
