import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import OpenInNewIcon from '@material-ui/icons/Launch';
import { describeWindow, FalcoAlert, FalcoWindow } from '@internal/plugin-falco-common';
import { DemoDataLabel, PluginErrorPanel } from '@internal/portal-react';
import { makeStyles } from '@material-ui/core/styles';
import { useMemo, useState } from 'react';
import { falcoApiRef } from '../api/FalcoApi';
import { AlertDetailDrawer } from './AlertDetailDrawer';
import { AlertFilters, AlertFilterValues, rangeQuery } from './AlertFilters';
import { PriorityChip } from './PriorityChip';
import { formatRelative, formatTime } from './formatTime';

const useStyles = makeStyles({
  // Falco outputs are long: two lines here, all of it in the drawer.
  output: {
    fontFamily: 'monospace',
    fontSize: '0.8rem',
    wordBreak: 'break-word',
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  pod: { fontFamily: 'monospace', fontSize: '0.8rem', wordBreak: 'break-word' },
});

/**
 * A filterable, paged list of Falco events (one component's, or the unmapped ones); a
 * row's details button opens every field in a drawer.
 */
export function AlertTable(props: {
  entityRef?: string;
  unmapped?: boolean;
  title: string;
  showComponent?: boolean;
  pageSize?: number;
}) {
  const classes = useStyles();
  const api = useApi(falcoApiRef);
  const [filters, setFilters] = useState<AlertFilterValues>({ priorities: [], rule: '', range: '7d' });
  const [rules, setRules] = useState<string[]>([]);
  const [demo, setDemo] = useState(false);
  const [counted, setCounted] = useState<{ total: number; window: FalcoWindow | null }>();
  const [error, setError] = useState<Error>();
  const [selected, setSelected] = useState<FalcoAlert>();

  const columns = useMemo(() => {
    const list: TableColumn<FalcoAlert>[] = [
      {
        title: 'Priority',
        field: 'priority',
        width: '130px',
        render: alert => <PriorityChip priority={alert.priority} />,
      },
      { title: 'Rule', field: 'rule', width: '220px', render: alert => <Typography variant="body2">{alert.rule}</Typography> },
      {
        title: 'Output',
        field: 'output',
        render: alert => (
          <Typography variant="body2" className={classes.output} title={alert.output}>
            {alert.output}
          </Typography>
        ),
      },
      { title: 'Pod', field: 'pod', width: '210px', render: alert => <span className={classes.pod}>{alert.pod ?? '—'}</span> },
      {
        title: 'Time',
        field: 'time',
        width: '130px',
        cellStyle: { whiteSpace: 'nowrap' },
        render: alert => <Tooltip title={formatTime(alert.time)}><span>{formatRelative(alert.time)}</span></Tooltip>,
      },
      {
        title: 'Details',
        field: 'id',
        width: '96px',
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
  }, [props.showComponent, classes]);

  return (
    <>
      <AlertFilters value={filters} rules={rules} onChange={setFilters} />
      {error && <PluginErrorPanel error={error} />}
      <Table<FalcoAlert>
        key={JSON.stringify(filters)}
        title={
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            {props.title}
            {counted?.window && (
              <Typography variant="body2" color="textSecondary" component="span">
                {counted.total} in the {describeWindow(counted.window)}
              </Typography>
            )}
            {demo && <DemoDataLabel source="Falco" />}
          </span> as unknown as string
        }
        columns={columns}
        onRowClick={(_event, alert) => alert && setSelected(alert)}
        // Fixed layout: the narrow columns keep their widths, the output takes the rest.
        options={{
          pageSize: props.pageSize ?? 20,
          pageSizeOptions: [10, 20, 50, 100],
          search: false,
          sorting: false,
          padding: 'dense',
          emptyRowsWhenPaging: false,
          tableLayout: 'fixed',
        }}
        localization={{ body: { emptyDataSourceMessage: 'No Falco events match these filters.' } }}
        data={async query => {
          try {
            const response = await api.getAlerts({
              entityRef: props.entityRef,
              unmapped: props.unmapped,
              priorities: filters.priorities,
              rule: filters.rule || undefined,
              ...rangeQuery(filters.range),
              limit: query.pageSize,
              offset: query.page * query.pageSize,
            });
            setRules(response.rules);
            setDemo(response.demo);
            setCounted({ total: response.totalCount, window: response.window });
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
