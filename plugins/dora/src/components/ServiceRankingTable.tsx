import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ServiceDoraRow, tierRank } from '@internal/plugin-dora-common';
import { formatDuration } from '@internal/portal-react';
import { DateTime } from 'luxon';
import { formatFrequency, formatPercent } from './format';
import { historyReadingText } from './HistoryReading';
import { StaleMarker } from './StaleMarker';
import { TierChip } from './TierChip';

type Row = ServiceDoraRow & { rank: number | null };

const rankOf = (r: Row) => (r.metrics ? tierRank(r.metrics.tier) : tierRank(null) + 1);

const columns = (showOwner: boolean, compact: boolean): TableColumn<Row>[] => [
  { title: '#', field: 'rank', width: '48px', render: r => r.rank ?? '—' },
  {
    title: 'Service',
    field: 'entityRef',
    highlight: true,
    render: r => (
      <>
        <EntityRefLink entityRef={r.entityRef} defaultKind="component" />
        <StaleMarker status={r} />
      </>
    ),
  },
  ...(showOwner
    ? [{ title: 'Team', field: 'owner', render: (r: Row) => (r.owner ? <EntityRefLink entityRef={r.owner} defaultKind="group" /> : '—') }]
    : []),
  {
    title: 'Tier',
    field: 'metrics.tier',
    customSort: (a, b) => rankOf(a) - rankOf(b),
    render: r => (r.metrics ? <TierChip tier={r.metrics.tier} /> : <span style={{ whiteSpace: 'nowrap' }}>{historyReadingText(r.history)}</span>),
  },
  { title: 'Deploys', field: 'metrics.deploysPerDay', render: r => (r.metrics ? formatFrequency(r.metrics.deploysPerDay) : '—') },
  { title: 'Lead time', field: 'metrics.leadTime.medianSeconds', render: r => formatDuration(r.metrics?.leadTime?.medianSeconds) },
  { title: 'Fail rate', field: 'metrics.changeFailRate', render: r => formatPercent(r.metrics?.changeFailRate) },
  ...(compact
    ? []
    : [
        {
          title: 'Recovery',
          field: 'metrics.recovery.medianSeconds',
          render: (r: Row) => formatDuration(r.metrics?.recovery.medianSeconds),
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
 * Services best tier first (then most deploys), as the backend ranks them; services still
 * reading their history come last, unranked. Lead time and recovery are medians; `compact`
 * (inside a card) leaves out recovery, last deploy and search.
 */
export function ServiceRankingTable(props: {
  services: ServiceDoraRow[];
  title: string;
  showOwner?: boolean;
  compact?: boolean;
  pageSize?: number;
}) {
  let rank = 0;
  const rows = props.services.map(s => ({ ...s, rank: s.metrics ? ++rank : null }));
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
