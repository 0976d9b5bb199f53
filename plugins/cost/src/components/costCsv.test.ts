import { overview, team, usd } from '../__testUtils__/costResponses';
import { overviewToCsv } from './costCsv';

describe('overviewToCsv', () => {
  it('writes every team, the lines charged to no team and each total, every window to the cent', () => {
    const csv = overviewToCsv(
      overview({
        demo: true,
        teams: [
          team({
            entityRef: 'group:default/checkout',
            title: 'Checkout, EU',
            ...usd(300.333, 1400.1, 1234.567),
            forecastMonthUsd: 1500.004,
            monthlyBudgetUsd: 2000,
            budgetStatus: 'within',
          }),
        ],
        idle: usd(1, 12, 10.005),
      }),
    );
    expect(csv.split('\r\n')).toEqual([
      'line,entity_ref,last_7_days_usd,last_30_days_usd,month_to_date_usd,forecast_month_usd,monthly_budget_usd,budget_status,through,days_read_7d,days_read_30d,days_read_month,demo',
      '"Checkout, EU",group:default/checkout,300.33,1400.1,1234.57,1500,2000,within,2026-11-30,7/7,30/30,30/30,true',
      'Idle,,1,12,10.01,,,,2026-11-30,7/7,30/30,30/30,true',
      'Unmounted volumes,,7,28,29,,,,2026-11-30,7/7,30/30,30/30,true',
      'Unallocated Kubernetes (no team label),,20,80,85,,,,2026-11-30,7/7,30/30,30/30,true',
      'Unallocated AWS (no team tag),,3,12,13,,,,2026-11-30,7/7,30/30,30/30,true',
      'Total: all teams,,1000,4000,4150,,,,2026-11-30,7/7,30/30,30/30,true',
      'Total: Kubernetes cluster,,950,3800,3950,,,,2026-11-30,7/7,30/30,30/30,true',
      'Total: AWS,,150,600,617,,,,2026-11-30,7/7,30/30,30/30,true',
      'Total: everything,,1100,4400,4567,,,,2026-11-30,7/7,30/30,30/30,true',
      '',
    ]);
  });
});
