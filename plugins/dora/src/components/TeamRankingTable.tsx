import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { TeamDoraRow, tierRank } from '@internal/plugin-dora-common';
import { formatDuration } from '@internal/portal-react';
import { formatFrequency, formatPercent } from './format';
import { TierChip } from './TierChip';

type Row = TeamDoraRow & { rank: number };

const columns: TableColumn<Row>[] = [
  { title: '#', field: 'rank', width: '48px' },
  { title: 'Team', field: 'entityRef', highlight: true, render: r => <EntityRefLink entityRef={r.entityRef} defaultKind="group" /> },
  {
    title: 'Tier',
    field: 'tier',
    customSort: (a, b) => tierRank(a.tier) - tierRank(b.tier),
    render: r => (r.metrics ? <TierChip tier={r.tier} /> : 'reading history'),
  },
  {
    title: 'Services',
    field: 'services',
    render: r => (r.servicesReading ? `${r.services} (${r.servicesReading} reading history, not counted)` : r.services),
  },
  { title: 'Deploys', field: 'metrics.deploysPerDay', render: r => (r.metrics ? formatFrequency(r.metrics.deploysPerDay) : '—') },
  { title: 'Lead time', field: 'metrics.leadTime.medianSeconds', render: r => formatDuration(r.metrics?.leadTime?.medianSeconds) },
  { title: 'Fail rate', field: 'metrics.changeFailRate', render: r => formatPercent(r.metrics?.changeFailRate) },
  { title: 'Recovery', field: 'metrics.recovery.medianSeconds', render: r => formatDuration(r.metrics?.recovery.medianSeconds) },
];

/**
 * Teams ranked by the tier of their own figures: all their services' deployments (deploys
 * are the team's total), lead times and recovery samples (each within its own service).
 */
export function TeamRankingTable(props: { teams: TeamDoraRow[] }) {
  const rows = props.teams.map((t, i) => ({ ...t, rank: i + 1 }));
  return (
    <Table<Row>
      title="Teams"
      columns={columns}
      data={rows}
      options={{ paging: false, padding: 'dense', search: false }}
      emptyContent={<div style={{ padding: 16 }}>No team owns a service with a GitHub repository yet.</div>}
    />
  );
}
