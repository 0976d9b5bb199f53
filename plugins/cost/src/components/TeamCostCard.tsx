import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { TeamCostSummary } from '@internal/plugin-cost-common';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { costApiRef } from '../api/CostApi';
import { BudgetGauge } from './BudgetGauge';
import { RecentCostAnomalies } from './RecentCostAnomalies';
import { CostDataNotices } from './CostDataNotices';
import { formatUsd } from './format';
import { PluginErrorPanel } from '@internal/portal-react';

/** On a team's page: month to date, forecast against budget, and the services that cost most. */
export function TeamCostCard() {
  const { entity } = useEntity();
  const costApi = useApi(costApiRef);
  const { value, loading, error } = useAsync(
    () =>
      costApi.getTeam({
        namespace: entity.metadata.namespace ?? 'default',
        name: entity.metadata.name,
      }),
    [entity.metadata.namespace, entity.metadata.name],
  );
  return (
    <InfoCard
      title="Cost"
      subheader="This month, for this team"
      deepLink={{ title: 'All teams', link: '/cost' }}
    >
      {loading && <Progress />}
      {error && <PluginErrorPanel error={error} />}
      {value && (
        <>
          <CostDataNotices meta={value} />
          {value.asOf === null ? (
            <Typography>No cost has been read for this team yet.</Typography>
          ) : (
            <>
              <RecentCostAnomalies entityRef={value.team.entityRef} />
              <BudgetGauge team={value.team} />
              <TopServices team={value.team} />
            </>
          )}
        </>
      )}
    </InfoCard>
  );
}

function TopServices(props: { team: TeamCostSummary }) {
  const { topServices, monthToDateUsd } = props.team;
  if (topServices.length === 0) {
    return (
      <Box mt={2}>
        <Typography variant="body2" color="textSecondary">
          No service-level cost this month.
        </Typography>
      </Box>
    );
  }
  return (
    <Box mt={2}>
      <Typography variant="subtitle2" component="h3">
        Top services this month
      </Typography>
      <List dense disablePadding>
        {topServices.map(service => (
          <ListItem key={service.allocationKey || 'none'} disableGutters>
            <ListItemText
              primary={
                service.entityRef ? (
                  <EntityRefLink
                    entityRef={service.entityRef}
                    defaultKind="component"
                  />
                ) : (
                  <span>
                    {service.allocationKey || 'Not attributed to a service'}
                  </span>
                )
              }
              secondary={
                monthToDateUsd > 0
                  ? `${Math.round(
                      (service.monthToDateUsd / monthToDateUsd) * 100,
                    )}% of the team`
                  : undefined
              }
            />
            <Typography variant="body2">
              {formatUsd(service.monthToDateUsd)}
            </Typography>
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
