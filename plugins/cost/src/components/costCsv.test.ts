import {
  CostOverviewResponse,
  emptyBreakdown,
} from '@internal/plugin-cost-common';
import { overviewToCsv } from './costCsv';

describe('overviewToCsv', () => {
  it('writes every team, then idle, unallocated and the total, rounded to the cent', () => {
    const overview: CostOverviewResponse = {
      demo: true,
      asOf: '2026-11-26',
      sources: [],
      teams: [
        {
          entityRef: 'group:default/checkout',
          title: 'Checkout, EU',
          monthToDateUsd: 1234.567,
          forecastMonthUsd: 1500.004,
          monthlyBudgetUsd: 2000,
          budgetStatus: 'within',
          last30DaysUsd: 1400.1,
          byCategoryMonthToDate: emptyBreakdown(),
          topServices: [],
        },
      ],
      idle: { monthToDateUsd: 10.005, last30DaysUsd: 12 },
      unallocated: { monthToDateUsd: 1, last30DaysUsd: 2 },
      total: { monthToDateUsd: 1245.572, last30DaysUsd: 1414.1 },
      trend: [],
    };
    expect(overviewToCsv(overview).split('\r\n')).toEqual([
      'line,entity_ref,month_to_date_usd,forecast_month_usd,monthly_budget_usd,budget_status,last_30_days_usd,as_of,demo',
      '"Checkout, EU",group:default/checkout,1234.57,1500,2000,within,1400.1,2026-11-26,true',
      'Idle,,10.01,,,,12,2026-11-26,true',
      'Unallocated,,1,,,,2,2026-11-26,true',
      'Total,,1245.57,,,,1414.1,2026-11-26,true',
      '',
    ]);
  });
});
