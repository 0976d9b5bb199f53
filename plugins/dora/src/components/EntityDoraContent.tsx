import { Content, InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { DoraDemoLabel, GitHubStaleNotice } from './DataNotices';
import { DoraMetricsSummary } from './DoraMetricsSummary';
import { LatestDeploymentsTable } from './LatestDeploymentsTable';
import { NoDoraData } from './NoDoraData';
import { TierChip } from './TierChip';
import { isNotFound, useServiceDora } from './useDora';
import { WeeklyTrendChart } from './WeeklyTrendChart';
import { PluginErrorPanel } from '@internal/portal-react';

const SOURCE_LABEL = { deployments: 'GitHub deployments', 'workflow-runs': 'deploy workflow runs' } as const;

/** The DORA tab of a component: metrics with tier, the weekly trend and the latest deployments. */
export function EntityDoraContent() {
  const { entity } = useEntity();
  const { value, loading, error } = useServiceDora(stringifyEntityRef(entity));
  if (loading) return <Progress />;
  if (error) return isNotFound(error) ? <NoDoraData /> : <PluginErrorPanel error={error} />;
  if (!value) return null;
  return (
    <Content noPadding>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <GitHubStaleNotice lastError={value.lastError} lastSuccessAt={value.lastSuccessAt} />
        </Grid>
        <Grid item xs={12}>
          <InfoCard
            title={
              <Box display="flex" alignItems="center" style={{ gap: 12 }}>
                <span>DORA metrics</span>
                <TierChip tier={value.metrics.tier} size="medium" />
                <DoraDemoLabel demo={value.demo} />
              </Box>
            }
            subheader={`${value.repository}, environment "${value.environment}", from ${
              value.source ? SOURCE_LABEL[value.source] : 'GitHub'
            }, last ${value.metrics.windowDays} days`}
          >
            <DoraMetricsSummary metrics={value.metrics} />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard title="Weekly trend" subheader="Deployments per week and the median lead time of the commits they shipped">
            <WeeklyTrendChart weekly={value.weekly} />
            <Typography variant="caption" color="textSecondary">
              Weeks start on Monday (UTC).
            </Typography>
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <LatestDeploymentsTable deployments={value.latest} />
        </Grid>
      </Grid>
    </Content>
  );
}
