import { Link, Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { DEFAULT_DORA_WINDOW } from '@internal/plugin-dora-common';
import { PluginErrorPanel, StaleDataNotice } from '@internal/portal-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { DoraDemoLabel } from './DataNotices';
import { formatFrequency } from './format';
import { TierChip } from './TierChip';
import { TierDistributionChart } from './TierDistributionChart';
import { useDoraOverview } from './useDora';
import { rootRouteRef } from '../routes';

/** Home page "Platform health" card: services per DORA tier and the teams' standing. */
export function DoraHomeCardContent() {
  const { value, loading, error } = useDoraOverview(DEFAULT_DORA_WINDOW);
  const overviewLink = useRouteRef(rootRouteRef);
  if (loading) return <Progress />;
  if (error) return <PluginErrorPanel error={error} />;
  if (!value) return <Progress />;
  return (
    <Box>
      <Box display="flex" justifyContent="space-between" alignItems="center">
        <Typography variant="body2" color="textSecondary">
          {value.services.length} services, last {value.windowDays} days
        </Typography>
        <DoraDemoLabel demo={value.demo} />
      </Box>
      {value.lastError && <StaleDataNotice source="GitHub" lastSuccessAt={value.asOf} error={value.lastError} />}
      <TierDistributionChart tiers={value.services.filter(s => s.metrics).map(s => s.metrics!.tier)} height={150} />
      <List dense disablePadding aria-label="Teams by DORA tier">
        {value.teams.slice(0, 5).map(team => (
          <ListItem key={team.entityRef} disableGutters>
            <ListItemText
              primary={<EntityRefLink entityRef={team.entityRef} defaultKind="group" />}
              secondary={`${team.services} services · ${team.metrics ? formatFrequency(team.metrics.deploysPerDay) : 'reading history'}`}
            />
            <TierChip tier={team.tier} />
          </ListItem>
        ))}
      </List>
      {overviewLink && <Link to={overviewLink()}>All services and teams</Link>}
    </Box>
  );
}
