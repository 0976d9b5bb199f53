import { Link, Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { DemoDataLabel, PluginErrorPanel } from '@internal/portal-react';
import { AlertStateChip } from './AlertStateChip';
import { ALERT_STATE_RANK, formatBudget, formatBurn } from './sloFormat';
import { useSloOverviewRows } from './useSloOverviewRows';
import { sloOverviewRouteRef } from '../routes';
import { useRouteRef as useFrontendRouteRef } from '@backstage/frontend-plugin-api';

const SHOWN = 5;

/** Home page: the SLOs burning fastest right now, worst first, with a link to all of them. */
export function WorstBurnersContent() {
  const { value, loading, error } = useSloOverviewRows();
  const entityRoute = useRouteRef(entityRouteRef);
  const overviewLink = useFrontendRouteRef(sloOverviewRouteRef);
  if (loading) return <Progress />;
  if (error) return <PluginErrorPanel error={error} />;
  const rows = (value?.rows ?? [])
    .filter(r => r.status && r.status.alertState !== 'no-data')
    .sort(
      (a, b) =>
        ALERT_STATE_RANK[a.status!.alertState] - ALERT_STATE_RANK[b.status!.alertState] ||
        (b.burn1h ?? 0) - (a.burn1h ?? 0),
    )
    .slice(0, SHOWN);
  if (rows.length === 0) {
    return <Typography variant="body2">No SLO has been measured yet.</Typography>;
  }
  return (
    <>
      {value?.demo && <DemoDataLabel source="Prometheus" />}
      <List dense aria-label="Worst burning SLOs">
        {rows.map(row => (
          <ListItem key={`${row.entityRef}/${row.name}`}>
            <ListItemText
              primary={
                <Link to={`${entityRoute(parseEntityRef(row.entityRef))}/slo`}>
                  {row.componentName} · {row.displayName}
                </Link>
              }
              secondary={`Burn ${formatBurn(row.burn1h)} over 1h · budget ${formatBudget(row.status!.budgetRemaining)}`}
            />
            <ListItemSecondaryAction>
              <AlertStateChip state={row.status!.alertState} exhausted={row.status!.budgetExhausted} />
            </ListItemSecondaryAction>
          </ListItem>
        ))}
      </List>
      {overviewLink && <Link to={overviewLink()}>All SLOs</Link>}
    </>
  );
}
