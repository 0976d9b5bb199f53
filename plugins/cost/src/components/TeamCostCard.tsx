import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  TeamCostResponse,
  TeamCostSummary,
} from '@internal/plugin-cost-common';
import { PluginErrorPanel, formatMoney } from '@internal/portal-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { costApiRef } from '../api/CostApi';
import { BudgetGauge } from './BudgetGauge';
import { CostDataNotices } from './CostDataNotices';
import { CostTrendChart } from './CostTrendChart';
import { formatPercent } from './format';
import { CATEGORY_COLOURS } from './palette';
import { RecentCostAnomalies } from './RecentCostAnomalies';

/**
 * On a team's page: month to date and forecast against budget, the last 30 days with
 * their daily trend split into Kubernetes and AWS, and the services that cost most.
 */
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
      subheader="What this team is charged: its workloads' Kubernetes cost and its tagged AWS spend"
      deepLink={{ title: 'All teams', link: '/cost' }}
    >
      {loading && <Progress />}
      {error && <PluginErrorPanel error={error} />}
      {value && (
        <>
          <CostDataNotices meta={value} window="30d" />
          {value.asOf === null ? (
            <Typography>No cost has been read for this team yet.</Typography>
          ) : (
            <>
              <RecentCostAnomalies entityRef={value.team.entityRef} />
              <BudgetGauge team={value.team} />
              <LastThirtyDays value={value} />
              <TopServices team={value.team} />
            </>
          )}
        </>
      )}
    </InfoCard>
  );
}

function LastThirtyDays(props: { value: TeamCostResponse }) {
  const { team, trend } = props.value;
  const { kubernetesUsd, awsUsd } = team.last30DaysSplit;
  const total = kubernetesUsd + awsUsd;
  // The 30 days before them, for the change; only when every one of those was read.
  const previous = trend.slice(-60, -30);
  const previousTotal =
    previous.length === 30 && previous.every(p => p.read)
      ? previous.reduce((s, p) => s + p.totalUsd, 0)
      : null;
  const points = trend.slice(-30).map(p => ({
    day: p.day,
    kubernetes: p.read ? p.totalUsd - p.byCategory.cloud : null,
    aws: p.read ? p.byCategory.cloud : null,
  }));
  const share = (usd: number) =>
    total > 0 ? ` (${formatPercent(usd / total)})` : '';
  return (
    <Box mt={2} component="section" aria-label="Last 30 days">
      <Box
        display="flex"
        alignItems="baseline"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Typography variant="h5" component="p">
          {formatMoney(team.last30DaysUsd)}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          last 30 days
          {previousTotal !== null && previousTotal > 0
            ? `, ${formatChange(
                team.last30DaysUsd,
                previousTotal,
              )} on the 30 days before`
            : ''}
        </Typography>
      </Box>
      <Typography variant="body2">
        Kubernetes {formatMoney(kubernetesUsd)}
        {share(kubernetesUsd)} · AWS {formatMoney(awsUsd)}
        {share(awsUsd)}
      </Typography>
      <CostTrendChart
        title={`Daily cost of ${team.title} over the last 30 days, Kubernetes and AWS`}
        points={points}
        series={[
          {
            key: 'kubernetes',
            label: 'Kubernetes',
            colour: CATEGORY_COLOURS.cpu,
          },
          { key: 'aws', label: 'AWS', colour: CATEGORY_COLOURS.cloud },
        ]}
        height={160}
      />
    </Box>
  );
}

/** "+12%" / "−5%" from `before` to `now`. */
function formatChange(now: number, before: number): string {
  const change = Math.round(((now - before) / before) * 100);
  if (change === 0) return 'level';
  return `${change > 0 ? '+' : '−'}${Math.abs(change)}%`;
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
              {formatMoney(service.monthToDateUsd)}
            </Typography>
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
