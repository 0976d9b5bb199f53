import { ResponseErrorPanel, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import OpenInNewIcon from '@material-ui/icons/Launch';
import { FalcoAlert } from '@internal/plugin-falco-common';
import { DemoDataLabel } from '@internal/portal-react';
import { useMemo, useState } from 'react';
import { falcoApiRef } from '../api/FalcoApi';
import { AlertDetailDrawer } from './AlertDetailDrawer';
import { AlertFilters, AlertFilterValues, sinceOf } from './AlertFilters';
import { PriorityChip } from './PriorityChip';
import { formatRelative, formatTime } from './formatTime';

/**
 * A filterable, paged list of Falco events (one component's, or the unmapped ones); a
 * row's details button opens every field in a drawer.
 */
export function AlertTable(props: { entityRef?: string; unmapped?: boolean; title: string; showComponent?: boolean }) {
  const api = useApi(falcoApiRef);
  const [filters, setFilters] = useState<AlertFilterValues>({ priorities: [], rule: '', range: '7d' });
  const [rules, setRules] = useState<string[]>([]);
  const [demo, setDemo] = useState(false);
  const [error, setError] = useState<Error>();
  const [selected, setSelected] = useState<FalcoAlert>();

  const columns = useMemo(() => {
    const list: TableColumn<FalcoAlert>[] = [
      {
        title: 'Priority',
        field: 'priority',
        width: '120px',
        render: alert => <PriorityChip priority={alert.priority} />,
      },
      { title: 'Rule', field: 'rule', render: alert => <Typography variant="body2">{alert.rule}</Typography> },
      {
        title: 'Output',
        field: 'output',
        render: alert => (
          <Typography variant="body2" style={{ fontFamily: 'monospace', wordBreak: 'break-word' }}>
            {alert.output.length > 220 ? `${alert.output.slice(0, 220)}…` : alert.output}
          </Typography>
        ),
      },
      { title: 'Pod', field: 'pod', render: alert => alert.pod ?? '—' },
      {
        title: 'Time',
        field: 'time',
        width: '170px',
        render: alert => <Tooltip title={formatTime(alert.time)}><span>{formatRelative(alert.time)}</span></Tooltip>,
      },
      {
        title: '',
        field: 'id',
        width: '56px',
        render: alert => (
          <IconButton size="small" aria-label={`Details of ${alert.rule} at ${formatTime(alert.time)}`} onClick={() => setSelected(alert)}>
            <OpenInNewIcon fontSize="small" />
          </IconButton>
        ),
      },
    ];
    if (props.showComponent) {
      list.splice(3, 0, {
        title: 'Component',
        field: 'entityRef',
        render: alert => (alert.entityRef ? <EntityRefLink entityRef={alert.entityRef} defaultKind="component" /> : 'unmapped'),
      });
    }
    return list;
  }, [props.showComponent]);

  return (
    <>
      <AlertFilters value={filters} rules={rules} onChange={setFilters} />
      {error && <ResponseErrorPanel error={error} />}
      <Table<FalcoAlert>
        key={JSON.stringify(filters)}
        title={
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            {props.title} {demo && <DemoDataLabel source="Falco" />}
          </span> as unknown as string
        }
        columns={columns}
        onRowClick={(_event, alert) => alert && setSelected(alert)}
        options={{ pageSize: 20, pageSizeOptions: [20, 50, 100], search: false, sorting: false, padding: 'dense', emptyRowsWhenPaging: false }}
        emptyContent={
          <Typography variant="body2" style={{ padding: 16 }}>
            No Falco events match these filters.
          </Typography>
        }
        data={async query => {
          try {
            const response = await api.getAlerts({
              entityRef: props.entityRef,
              unmapped: props.unmapped,
              priorities: filters.priorities,
              rule: filters.rule || undefined,
              since: sinceOf(filters.range),
              limit: query.pageSize,
              offset: query.page * query.pageSize,
            });
            setRules(response.rules);
            setDemo(response.demo);
            setError(undefined);
            return { data: response.items, page: query.page, totalCount: response.totalCount };
          } catch (e) {
            setError(e as Error);
            return { data: [], page: 0, totalCount: 0 };
          }
        }}
      />
      <AlertDetailDrawer alert={selected} onClose={() => setSelected(undefined)} />
    </>
  );
}
