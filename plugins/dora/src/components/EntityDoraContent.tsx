import { Content, InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { DEFAULT_DORA_WINDOW, DoraWindow } from '@internal/plugin-dora-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { DoraDemoLabel, GitHubStaleNotice } from './DataNotices';
import { DeploymentsTrendChart } from './DeploymentsTrendChart';
import { DoraMetricsSummary } from './DoraMetricsSummary';
import { DurationsTrendChart } from './DurationsTrendChart';
import { ReadingHistoryNotice } from './HistoryReading';
import { LatestDeploymentsTable } from './LatestDeploymentsTable';
import { NoDoraData } from './NoDoraData';
import { TierChip } from './TierChip';
import { TierRuleNote } from './TierRuleNote';
import { isNotFound, useServiceDora } from './useDora';
import { WindowSwitch } from './WindowSwitch';
import { PluginErrorPanel } from '@internal/portal-react';

const SOURCE_LABEL = { deployments: 'GitHub deployments', 'workflow-runs': 'deploy workflow runs' } as const;

/** The DORA tab of a component: metrics with tier, the weekly trend and the latest deployments. */
export function EntityDoraContent() {
  const { entity } = useEntity();
  const [window, setWindow] = useState<DoraWindow>(DEFAULT_DORA_WINDOW);
  const { value, loading, error } = useServiceDora(stringifyEntityRef(entity), window);
  if (error) return isNotFound(error) ? <NoDoraData /> : <PluginErrorPanel error={error} />;
  if (!value) return <Progress />;
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
                {value.metrics && <TierChip tier={value.metrics.tier} size="medium" />}
                <DoraDemoLabel demo={value.demo} />
              </Box>
            }
            subheader={`${value.repository}, environment "${value.environment}", from ${
              value.source ? SOURCE_LABEL[value.source] : 'GitHub'
            }, last ${value.metrics?.windowDays ?? window.replace('d', '')} days`}
            action={<WindowSwitch value={window} onChange={setWindow} />}
          >
            {loading && <Progress />}
            {value.metrics ? (
              <>
                <DoraMetricsSummary metrics={value.metrics} />
                <Box mt={2}>
                  <TierRuleNote />
                </Box>
              </>
            ) : (
              <ReadingHistoryNotice history={value.history} lastError={value.lastError} />
            )}
          </InfoCard>
        </Grid>
        {value.weekly && (
          <Grid item xs={12}>
            <InfoCard title="Weekly trend" subheader="Deployments and change fail rate, median lead time and recovery, per week">
              <DeploymentsTrendChart weekly={value.weekly} timeZone={value.timeZone} />
              <DurationsTrendChart weekly={value.weekly} timeZone={value.timeZone} />
              <Typography variant="caption" color="textSecondary">
                Weeks start on Monday 00:00 ({value.timeZone}), as in the weekly review. A week's recovery is that of the deployments
                that failed in it.
              </Typography>
            </InfoCard>
          </Grid>
        )}
        <Grid item xs={12}>
          <LatestDeploymentsTable deployments={value.latest} />
        </Grid>
      </Grid>
    </Content>
  );
}
