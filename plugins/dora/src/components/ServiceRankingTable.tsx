import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ServiceDoraRow, tierRank } from '@internal/plugin-dora-common';
import { DateTime } from 'luxon';
import { formatDuration, formatFrequency, formatPercent } from './format';
import { TierChip } from './TierChip';

type Row = ServiceDoraRow & { rank: number };

const columns = (showOwner: boolean, compact: boolean): TableColumn<Row>[] => [
  { title: '#', field: 'rank', width: '48px' },
  { title: 'Service', field: 'entityRef', highlight: true, render: r => <EntityRefLink entityRef={r.entityRef} defaultKind="component" /> },
  ...(showOwner
    ? [{ title: 'Team', field: 'owner', render: (r: Row) => (r.owner ? <EntityRefLink entityRef={r.owner} defaultKind="group" /> : '—') }]
    : []),
  {
    title: 'Tier',
    field: 'metrics.tier',
    customSort: (a, b) => tierRank(a.metrics.tier) - tierRank(b.metrics.tier),
    render: r => <TierChip tier={r.metrics.tier} />,
  },
  { title: 'Deploys', field: 'metrics.deploysPerDay', render: r => formatFrequency(r.metrics.deploysPerDay) },
  { title: 'Lead time', field: 'metrics.leadTime.medianSeconds', render: r => formatDuration(r.metrics.leadTime?.medianSeconds) },
  { title: 'Fail rate', field: 'metrics.changeFailRate', render: r => formatPercent(r.metrics.changeFailRate) },
  ...(compact
    ? []
    : [
        {
          title: 'Recovery',
          field: 'metrics.recovery.medianSeconds',
          render: (r: Row) => formatDuration(r.metrics.recovery.medianSeconds),
        },
        {
          title: 'Last deploy',
          field: 'lastDeployAt',
          render: (r: Row) =>
            r.lastDeployAt ? <span title={r.lastDeployAt}>{DateTime.fromISO(r.lastDeployAt).toRelative()}</span> : '—',
        },
      ]),
];

/**
 * Services best tier first (then most deploys), as the backend ranks them. Lead time and
 * recovery are medians; `compact` (inside a card) leaves out recovery, last deploy and search.
 */
export function ServiceRankingTable(props: {
  services: ServiceDoraRow[];
  title: string;
  showOwner?: boolean;
  compact?: boolean;
  pageSize?: number;
}) {
  const rows = props.services.map((s, i) => ({ ...s, rank: i + 1 }));
  const pageSize = props.pageSize ?? 20;
  return (
    <Table<Row>
      title={props.title}
      columns={columns(props.showOwner ?? true, props.compact ?? false)}
      data={rows}
      options={{ paging: rows.length > pageSize, pageSize, padding: 'dense', search: !props.compact }}
      emptyContent={<div style={{ padding: 16 }}>No services with a GitHub repository yet.</div>}
    />
  );
}
