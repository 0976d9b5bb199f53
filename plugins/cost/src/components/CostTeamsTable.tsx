import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  BudgetStatus,
  CostOverviewResponse,
  CostWindowId,
  WindowedUsd,
} from '@internal/plugin-cost-common';
import { formatMoney } from '@internal/portal-react';
import { BudgetStatusChip } from './BudgetStatusChip';
import { amountOver } from './windowed';

interface Row {
  id: string;
  name: string;
  entityRef: string | null;
  windowUsd: number;
  monthToDateUsd: number;
  forecastMonthUsd: number | null;
  monthlyBudgetUsd: number | null;
  budgetStatus: BudgetStatus | null;
  topService: string;
}

const money = (value: number | null) =>
  value === null ? '—' : formatMoney(value);

/**
 * Every team plus the lines charged to no team (idle, unmounted volumes, unallocated
 * Kubernetes and AWS), over the chosen window, sortable by any column.
 */
export function CostTeamsTable(props: {
  overview: CostOverviewResponse;
  window: CostWindowId;
}) {
  const { overview, window } = props;
  const label = overview.windows[window].label;
  // Teams by the window's spend; the lines charged to no team after them.
  const teams = [...overview.teams].sort(
    (a, b) => amountOver(b, window) - amountOver(a, window),
  );
  const rows: Row[] = teams.map(team => ({
    id: team.entityRef,
    name: team.title,
    entityRef: team.entityRef,
    windowUsd: amountOver(team, window),
    monthToDateUsd: team.monthToDateUsd,
    forecastMonthUsd: team.forecastMonthUsd,
    monthlyBudgetUsd: team.monthlyBudgetUsd,
    budgetStatus: team.budgetStatus,
    topService: team.topServices[0]?.allocationKey ?? '',
  }));
  const line = (id: string, name: string, figures: WindowedUsd): Row => ({
    id,
    name,
    entityRef: null,
    windowUsd: amountOver(figures, window),
    monthToDateUsd: figures.monthToDateUsd,
    forecastMonthUsd: null,
    monthlyBudgetUsd: null,
    budgetStatus: null,
    topService: '',
  });
  rows.push(
    line('idle', 'Idle (unused cluster capacity)', overview.idle),
    line(
      'unmounted',
      'Unmounted volumes (no pod mounts them)',
      overview.unmounted,
    ),
    line(
      'unallocated-kubernetes',
      'Unallocated: Kubernetes (no team label)',
      overview.unallocated.kubernetes,
    ),
    line(
      'unallocated-aws',
      'Unallocated: AWS (no team tag)',
      overview.unallocated.aws,
    ),
  );
  const columns: TableColumn<Row>[] = [
    {
      title: 'Team',
      field: 'name',
      highlight: true,
      render: row =>
        row.entityRef ? (
          <EntityRefLink entityRef={row.entityRef} title={row.name} />
        ) : (
          row.name
        ),
    },
    {
      title: label,
      field: 'windowUsd',
      type: 'numeric',
      render: row => money(row.windowUsd),
    },
    ...(window === 'mtd'
      ? []
      : [
          {
            title: 'Month to date',
            field: 'monthToDateUsd',
            type: 'numeric' as const,
            render: (row: Row) => money(row.monthToDateUsd),
          },
        ]),
    {
      title: 'Forecast, month end',
      field: 'forecastMonthUsd',
      type: 'numeric',
      render: row => money(row.forecastMonthUsd),
    },
    {
      title: 'Budget',
      field: 'monthlyBudgetUsd',
      type: 'numeric',
      render: row => money(row.monthlyBudgetUsd),
    },
    {
      title: 'Status',
      field: 'budgetStatus',
      render: row =>
        row.budgetStatus ? (
          <BudgetStatusChip status={row.budgetStatus} />
        ) : null,
    },
    { title: 'Top service', field: 'topService' },
  ];
  return (
    <Table<Row>
      title="Teams"
      subtitle={`${label}, with the month's forecast against budget; the last four lines are charged to no team`}
      options={{ paging: false, search: true, padding: 'dense' }}
      columns={columns}
      data={rows}
    />
  );
}
