import { Link, StatusError, StatusOK, StatusPending, StatusRunning, StatusAborted, Table, TableColumn } from '@backstage/core-components';
import { DeploymentView } from '@internal/plugin-dora-common';
import { DateTime } from 'luxon';

// core-components' Status icons are aria-hidden, so the state is written beside them.
function DeploymentStatusIcon({ state }: { state: DeploymentView['state'] }) {
  switch (state) {
    case 'success':
      return <StatusOK />;
    case 'failure':
    case 'error':
      return <StatusError />;
    case 'in_progress':
      return <StatusRunning />;
    case 'inactive':
      return <StatusAborted />;
    default:
      return <StatusPending />;
  }
}

function DeploymentStatus({ state }: { state: DeploymentView['state'] }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <DeploymentStatusIcon state={state} />
      {state.replace('_', ' ')}
    </span>
  );
}

const when = (iso: string | null) => (iso ? DateTime.fromISO(iso).toRelative() ?? iso : '—');

const columns: TableColumn<DeploymentView>[] = [
  { title: 'Status', field: 'state', render: d => <DeploymentStatus state={d.state} /> },
  {
    title: 'Commit',
    field: 'sha',
    render: d => (
      <Link to={d.commitUrl} aria-label={`Commit ${d.sha.slice(0, 7)} on GitHub`}>
        <code>{d.sha.slice(0, 7)}</code>
      </Link>
    ),
  },
  { title: 'Ref', field: 'ref', render: d => d.ref ?? '—' },
  { title: 'Started', field: 'createdAt', render: d => <span title={d.createdAt}>{when(d.createdAt)}</span> },
  { title: 'Finished', field: 'finishedAt', render: d => <span title={d.finishedAt ?? ''}>{when(d.finishedAt)}</span> },
  { title: 'By', field: 'creator', render: d => d.creator ?? '—' },
  {
    title: 'Logs',
    field: 'url',
    render: d => (d.url ? <Link to={d.url}>View on GitHub</Link> : '—'),
  },
];

/** The latest production deployments, newest first, with links to the commit and the run. */
export function LatestDeploymentsTable(props: { deployments: DeploymentView[]; title?: string }) {
  return (
    <Table<DeploymentView>
      title={props.title ?? 'Latest deployments'}
      options={{ paging: false, search: false, padding: 'dense', toolbar: true }}
      columns={columns}
      data={props.deployments}
      emptyContent={<div style={{ padding: 16 }}>No production deployments yet.</div>}
    />
  );
}
