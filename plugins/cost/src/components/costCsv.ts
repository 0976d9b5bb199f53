import {
  CostOverviewResponse,
  roundCents,
  toCsv,
  WindowedUsd,
} from '@internal/plugin-cost-common';

/**
 * The overview as CSV: every team, the lines charged to no team, then each headline
 * total; every window, to the cent, with the days each window has read.
 */
export function overviewToCsv(overview: CostOverviewResponse): string {
  const header = [
    'line',
    'entity_ref',
    'last_7_days_usd',
    'last_30_days_usd',
    'month_to_date_usd',
    'forecast_month_usd',
    'monthly_budget_usd',
    'budget_status',
    'through',
    'days_read_7d',
    'days_read_30d',
    'days_read_month',
    'demo',
  ];
  const { windows } = overview;
  const meta = [
    overview.through,
    `${windows['7d'].daysRead}/${windows['7d'].days}`,
    `${windows['30d'].daysRead}/${windows['30d'].days}`,
    `${windows.mtd.daysRead}/${windows.mtd.days}`,
    String(overview.demo),
  ];
  const amounts = (figures: WindowedUsd) => [
    roundCents(figures.last7DaysUsd),
    roundCents(figures.last30DaysUsd),
    roundCents(figures.monthToDateUsd),
  ];
  const rows = overview.teams.map(team => [
    team.title,
    team.entityRef,
    ...amounts(team),
    roundCents(team.forecastMonthUsd),
    team.monthlyBudgetUsd,
    team.budgetStatus,
    ...meta,
  ]);
  const line = (name: string, figures: WindowedUsd) => [
    name,
    null,
    ...amounts(figures),
    null,
    null,
    null,
    ...meta,
  ];
  rows.push(
    line('Idle', overview.idle),
    line('Unmounted volumes', overview.unmounted),
    line(
      'Unallocated Kubernetes (no team label)',
      overview.unallocated.kubernetes,
    ),
    line('Unallocated AWS (no team tag)', overview.unallocated.aws),
    line('Total: all teams', overview.totals.teams),
    line('Total: Kubernetes cluster', overview.totals.kubernetesCluster),
    line('Total: AWS', overview.totals.aws),
    line('Total: everything', overview.totals.all),
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
