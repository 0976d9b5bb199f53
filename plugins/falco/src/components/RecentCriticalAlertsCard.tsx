import { Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { FALCO_RECENT_DAYS, prioritiesAtLeast } from '@internal/plugin-falco-common';
import { DemoDataLabel, PluginErrorPanel } from '@internal/portal-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { falcoApiRef } from '../api/FalcoApi';
import { rootRouteRef } from '../routes';
import { PriorityChip } from './PriorityChip';
import { formatRelative, formatTime } from './formatTime';

/** Home-page card: the latest Critical, Alert and Emergency events of the last 7 days. */
export function RecentCriticalAlertsCard() {
  const api = useApi(falcoApiRef);
  const overviewLink = useRouteRef(rootRouteRef);
  const { value, loading, error } = useAsyncRetry(
    () => api.getAlerts({ priorities: prioritiesAtLeast('critical'), days: FALCO_RECENT_DAYS, limit: 5 }),
    [api],
  );
  if (loading) return <Progress />;
  if (error) return <PluginErrorPanel error={error} />;
  if (!value) return <></>;
  return (
    <Box>
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="body2">
          {value.totalCount === 0
            ? 'No Critical or worse Falco events in the last 7 days.'
            : `${value.totalCount} Critical or worse in the last 7 days.`}
        </Typography>
        {value.demo && <DemoDataLabel source="Falco" />}
      </Box>
      <List dense>
        {value.items.map(alert => (
          <ListItem key={alert.id} disableGutters>
            <Box mr={1}>
              <PriorityChip priority={alert.priority} />
            </Box>
            <ListItemText
              primary={alert.rule}
              secondary={
                <>
                  {alert.entityRef ? <EntityRefLink entityRef={alert.entityRef} defaultKind="component" /> : 'unmapped'}
                  {' · '}
                  <span title={formatTime(alert.time)}>{formatRelative(alert.time)}</span>
                </>
              }
            />
          </ListItem>
        ))}
      </List>
      {overviewLink && <Link to={overviewLink()}>Security overview</Link>}
    </Box>
  );
}
