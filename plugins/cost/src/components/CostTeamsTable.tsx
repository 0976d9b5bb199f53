import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  BudgetStatus,
  CostOverviewResponse,
} from '@internal/plugin-cost-common';
import { BudgetStatusChip } from './BudgetStatusChip';
import { formatUsd } from './format';

interface Row {
  id: string;
  name: string;
  entityRef: string | null;
  monthToDateUsd: number;
  forecastMonthUsd: number | null;
  monthlyBudgetUsd: number | null;
  budgetStatus: BudgetStatus | null;
  last30DaysUsd: number;
  topService: string;
}

const money = (value: number | null) =>
  value === null ? '—' : formatUsd(value);

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
    title: 'Month to date',
    field: 'monthToDateUsd',
    type: 'numeric',
    render: row => money(row.monthToDateUsd),
  },
  {
    title: 'Forecast',
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
      row.budgetStatus ? <BudgetStatusChip status={row.budgetStatus} /> : null,
  },
  {
    title: 'Last 30 days',
    field: 'last30DaysUsd',
    type: 'numeric',
    render: row => money(row.last30DaysUsd),
  },
  { title: 'Top service', field: 'topService' },
];

/** Every team plus the idle and unallocated lines, sortable by any column. */
export function CostTeamsTable(props: { overview: CostOverviewResponse }) {
  const { overview } = props;
  const rows: Row[] = overview.teams.map(team => ({
    id: team.entityRef,
    name: team.title,
    entityRef: team.entityRef,
    monthToDateUsd: team.monthToDateUsd,
    forecastMonthUsd: team.forecastMonthUsd,
    monthlyBudgetUsd: team.monthlyBudgetUsd,
    budgetStatus: team.budgetStatus,
    last30DaysUsd: team.last30DaysUsd,
    topService: team.topServices[0]?.allocationKey ?? '',
  }));
  const line = (
    id: string,
    name: string,
    figures: { monthToDateUsd: number; last30DaysUsd: number },
  ): Row => ({
    id,
    name,
    entityRef: null,
    monthToDateUsd: figures.monthToDateUsd,
    forecastMonthUsd: null,
    monthlyBudgetUsd: null,
    budgetStatus: null,
    last30DaysUsd: figures.last30DaysUsd,
    topService: '',
  });
  rows.push(
    line('idle', 'Idle (unused cluster capacity)', overview.idle),
    line(
      'unallocated',
      'Unallocated (no team label or tag)',
      overview.unallocated,
    ),
  );
  return (
    <Table<Row>
      title="Teams"
      subtitle="Month to date and forecast to month end; idle and unallocated are their own lines"
      options={{ paging: false, search: true, padding: 'dense' }}
      columns={columns}
      data={rows}
    />
  );
}
