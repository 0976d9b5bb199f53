import { Progress, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { CostAnomalyItem } from '@internal/plugin-cost-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { costApiRef } from '../api/CostApi';
import { CostAnomalyGaps } from './CostAnomalyGaps';
import { formatJump, weekdayOf } from './anomalyText';
import { formatDay } from './format';
import { PluginErrorPanel, formatMoney } from '@internal/portal-react';

type Row = CostAnomalyItem & { id: string };

const columns: TableColumn<Row>[] = [
  {
    title: 'Day',
    field: 'day',
    defaultSort: 'desc',
    render: row => `${weekdayOf(row.day).slice(0, 3)} ${formatDay(row.day)}`,
  },
  {
    title: 'Team or service',
    field: 'title',
    highlight: true,
    render: row => (
      <EntityRefLink entityRef={row.entityRef} title={row.title} />
    ),
  },
  {
    title: 'Kind',
    field: 'kind',
    render: row => (row.kind === 'team' ? 'Team' : 'Service'),
  },
  {
    title: 'Spend',
    field: 'usd',
    type: 'numeric',
    render: row => formatMoney(row.usd),
  },
  {
    title: 'Usual for the weekday',
    field: 'baselineUsd',
    type: 'numeric',
    render: row => formatMoney(row.baselineUsd),
  },
  {
    title: 'Jump',
    field: 'jumpUsd',
    type: 'numeric',
    render: row => formatJump(row),
  },
  {
    title: 'Direction',
    field: 'direction',
    render: row => (row.direction === 'spike' ? 'Spike' : 'Drop'),
  },
];

/**
 * The overview page's anomalies: days a team or service spent far from its own usual
 * for that weekday. Fetched on its own, so a failure here leaves the rest of the page.
 */
export function CostAnomaliesTable() {
  const costApi = useApi(costApiRef);
  const { value, loading, error } = useAsync(() => costApi.getAnomalies(), []);
  if (loading) return <Progress />;
  if (error) return <PluginErrorPanel error={error} />;
  if (!value) return null;
  const { method } = value;
  const subtitle = `${formatDay(value.from)} – ${formatDay(
    value.to,
  )}: each day against the median of the same weekday over the previous ${
    method.weeks
  } weeks (robust z ≥ ${method.threshold}, at least $${method.minUsd} and ${
    method.minPercent
  }%); days with missing data are never flagged`;
  return (
    <>
      <CostAnomalyGaps missing={value.missing ?? []} />
      <Table<Row>
        title="Cost anomalies"
        subtitle={subtitle}
        options={{ paging: false, search: false, padding: 'dense' }}
        columns={columns}
        data={value.anomalies.map(a => ({
          ...a,
          id: `${a.entityRef}@${a.day}`,
        }))}
        emptyContent={
          <Typography style={{ padding: 16 }}>
            No team or service departed from its usual spend in this period.
          </Typography>
        }
      />
    </>
  );
}
