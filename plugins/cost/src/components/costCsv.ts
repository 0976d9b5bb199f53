import {
  CostOverviewResponse,
  roundCents,
  toCsv,
} from '@internal/plugin-cost-common';

/** The overview table as CSV: every team, then idle, unallocated and the total. */
export function overviewToCsv(overview: CostOverviewResponse): string {
  const header = [
    'line',
    'entity_ref',
    'month_to_date_usd',
    'forecast_month_usd',
    'monthly_budget_usd',
    'budget_status',
    'last_30_days_usd',
    'as_of',
    'demo',
  ];
  const meta = [overview.asOf, String(overview.demo)];
  const rows = overview.teams.map(team => [
    team.title,
    team.entityRef,
    roundCents(team.monthToDateUsd),
    roundCents(team.forecastMonthUsd),
    team.monthlyBudgetUsd,
    team.budgetStatus,
    roundCents(team.last30DaysUsd),
    ...meta,
  ]);
  const line = (
    name: string,
    figures: { monthToDateUsd: number; last30DaysUsd: number },
  ) => [
    name,
    null,
    roundCents(figures.monthToDateUsd),
    null,
    null,
    null,
    roundCents(figures.last30DaysUsd),
    ...meta,
  ];
  rows.push(
    line('Idle', overview.idle),
    line('Unallocated', overview.unallocated),
    line('Total', overview.total),
  );
  return toCsv(header, rows);
}

export function downloadCsv(fileName: string, csv: string) {
  const url = URL.createObjectURL(
    new Blob([csv], { type: 'text/csv;charset=utf-8' }),
  );
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  URL.revokeObjectURL(url);
}
