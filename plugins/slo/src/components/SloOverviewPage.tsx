import {
  Content,
  EmptyState,
  Link,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { useMemo, useState } from 'react';
import { AlertStateChip } from './AlertStateChip';
import { FreezeCell } from './FreezeCell';
import { SloFreshness } from './SloFreshness';
import { ALERT_STATE_RANK, formatBudget, formatBurn, formatTarget } from './sloFormat';
import { SloOverviewRow, useSloOverviewRows } from './useSloOverviewRows';
import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { PluginErrorPanel, formatAge } from '@internal/portal-react';

const ALL = '';
const nullsLast = (value: number | null) => (value === null ? Number.POSITIVE_INFINITY : value);

const sloColumns = (sloTabOf: (entityRef: string) => string): TableColumn<SloOverviewRow>[] => [
  {
    title: 'Service',
    field: 'componentName',
    render: row => <Link to={sloTabOf(row.entityRef)}>{row.componentName}</Link>,
  },
  { title: 'Team', field: 'team' },
  { title: 'System', field: 'system', render: row => row.system ?? '–' },
  {
    title: 'SLO',
    field: 'displayName',
    render: row => (
      <>
        {row.displayName}
        <Typography variant="caption" color="textSecondary" component="div">
          {formatTarget(row.target)} over {row.window}
        </Typography>
      </>
    ),
  },
  {
    title: 'Budget left',
    field: 'status.budgetRemaining',
    customSort: (a, b) =>
      nullsLast(a.status?.budgetRemaining ?? null) - nullsLast(b.status?.budgetRemaining ?? null),
    render: row => formatBudget(row.status?.budgetRemaining ?? null),
  },
  {
    title: 'Burn 1h',
    field: 'burn1h',
    customSort: (a, b) => (a.burn1h ?? -1) - (b.burn1h ?? -1),
    render: row => formatBurn(row.burn1h),
  },
  {
    title: 'Burn 6h',
    field: 'burn6h',
    customSort: (a, b) => (a.burn6h ?? -1) - (b.burn6h ?? -1),
    render: row => formatBurn(row.burn6h),
  },
  {
    title: 'State',
    field: 'status.alertState',
    customSort: (a, b) =>
      ALERT_STATE_RANK[a.status?.alertState ?? 'no-data'] - ALERT_STATE_RANK[b.status?.alertState ?? 'no-data'],
    render: row =>
      row.status ? (
        <AlertStateChip state={row.status.alertState} exhausted={row.status.budgetExhausted} />
      ) : (
        'Not measured'
      ),
  },
  {
    title: 'Freeze',
    field: 'freeze.frozen',
    customSort: (a, b) => Number(b.freeze?.frozen ?? false) - Number(a.freeze?.frozen ?? false),
    render: row => <FreezeCell row={row} />,
  },
  {
    title: 'Measured',
    field: 'measuredAt',
    render: row => (
      <span title={row.error ?? undefined}>
        {row.measuredAt ? formatAge(row.measuredAt) : 'never'}
        {row.error ? ' (stale)' : ''}
      </span>
    ),
  },
];

function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  options: string[];
  onChange: (value: string) => void;
}) {
  return (
    <FormControl variant="outlined" size="small" style={{ minWidth: 200 }}>
      <InputLabel id={`${props.id}-label`} shrink>
        {props.label}
      </InputLabel>
      <Select
        displayEmpty
        labelId={`${props.id}-label`}
        id={props.id}
        value={props.value}
        label={props.label}
        onChange={event => props.onChange(String(event.target.value))}
      >
        <MenuItem value={ALL}>All</MenuItem>
        {props.options.map(option => (
          <MenuItem key={option} value={option}>
            {option}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** Counts the platform team reads first: how many SLOs page, ticket, or have no budget left. */
function Summary({ rows }: { rows: SloOverviewRow[] }) {
  const count = (predicate: (row: SloOverviewRow) => boolean) => rows.filter(predicate).length;
  const figures: Array<[string, number]> = [
    ['SLOs', rows.length],
    ['Paging', count(r => r.status?.alertState === 'page')],
    ['Ticket', count(r => r.status?.alertState === 'ticket')],
    ['Budget exhausted', count(r => r.status?.budgetExhausted === true)],
    ['Deploys frozen', count(r => r.freeze?.frozen === true)],
    ['No data', count(r => !r.status || r.status.alertState === 'no-data')],
  ];
  return (
    <Box display="flex" gridGap={32} role="list" aria-label="SLO summary">
      {figures.map(([label, value]) => (
        <Box key={label} role="listitem">
          <Typography variant="h4" component="p">{value}</Typography>
          <Typography variant="body2" color="textSecondary">{label}</Typography>
        </Box>
      ))}
    </Box>
  );
}

/** Every SLO of every service, for the platform team: worst first, filterable by team and system. */
export function SloOverviewPage() {
  const { value, loading, error } = useSloOverviewRows();
  const entityRoute = useRouteRef(entityRouteRef);
  const columns = useMemo(
    () =>
      sloColumns(entityRef => {
        const { kind, namespace, name } = parseEntityRef(entityRef);
        return `${entityRoute({ kind, namespace, name })}/slo`;
      }),
    [entityRoute],
  );
  const [team, setTeam] = useState(ALL);
  const [system, setSystem] = useState(ALL);
  const rows = useMemo(() => {
    const all = value?.rows ?? [];
    return all
      .filter(r => (team === ALL || r.team === team) && (system === ALL || r.system === system))
      .sort(
        (a, b) =>
          ALERT_STATE_RANK[a.status?.alertState ?? 'no-data'] - ALERT_STATE_RANK[b.status?.alertState ?? 'no-data'] ||
          nullsLast(a.status?.budgetRemaining ?? null) - nullsLast(b.status?.budgetRemaining ?? null),
      );
  }, [value, team, system]);

  if (loading) return <Progress />;
  if (error) return <Content><PluginErrorPanel error={error} /></Content>;
  const all = value?.rows ?? [];
  if (all.length === 0) {
    return (
      <Content>
        <EmptyState
          missing="data"
          title="No SLOs yet"
          description="Components declare SLOs with an OpenSLO document (devportal.io/openslo) or slo.devportal.io/<name>.target annotations; services created from the golden-path templates have one. See docs/annotations.md."
        />
      </Content>
    );
  }
  const teams = [...new Set(all.map(r => r.team))].sort();
  const systems = [...new Set(all.map(r => r.system).filter((s): s is string => !!s))].sort();
  return (
    <Content>
      <Box display="flex" flexDirection="column" gridGap={16}>
        <Box alignSelf="flex-start">
          <SloFreshness demo={value!.demo} items={all} />
        </Box>
        {value!.freezeError && (
          <Typography variant="body2" color="textSecondary" role="status">
            Deploy freezes could not be read: {value!.freezeError.message}
          </Typography>
        )}
        <Summary rows={rows} />
        <Box display="flex" gridGap={16}>
          <FilterSelect id="slo-team-filter" label="Team" value={team} options={teams} onChange={setTeam} />
          <FilterSelect id="slo-system-filter" label="System" value={system} options={systems} onChange={setSystem} />
        </Box>
        <Table<SloOverviewRow>
          title={`Service level objectives (${rows.length})`}
          options={{ paging: rows.length > 50, pageSize: 50, search: true, padding: 'dense' }}
          columns={columns}
          data={rows}
        />
      </Box>
    </Content>
  );
}
