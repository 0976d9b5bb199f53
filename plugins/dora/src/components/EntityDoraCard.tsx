import { InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import { useLocation } from 'react-router-dom';
import { DoraDemoLabel, GitHubStaleNotice } from './DataNotices';
import { DoraMetricsSummary } from './DoraMetricsSummary';
import { NoDoraData } from './NoDoraData';
import { TierChip } from './TierChip';
import { isNotFound, useServiceDora } from './useDora';
import { WeeklyTrendChart } from './WeeklyTrendChart';
import { PluginErrorPanel } from '@internal/portal-react';

/** On a component's overview: its tier, the four metrics and the weekly deployments. */
export function EntityDoraCard() {
  const { entity } = useEntity();
  const { pathname } = useLocation();
  const { value, loading, error } = useServiceDora(stringifyEntityRef(entity));
  const header = value ? (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <TierChip tier={value.metrics.tier} />
      <DoraDemoLabel demo={value.demo} />
    </Box>
  ) : undefined;
  return (
    <InfoCard
      title="Delivery performance"
      subheader={value ? `DORA metrics, last ${value.metrics.windowDays} days, ${value.environment}` : 'DORA metrics'}
      action={header}
      deepLink={value ? { title: 'Deployments and trend', link: `${pathname.replace(/\/$/, '')}/dora` } : undefined}
    >
      {loading && <Progress />}
      {error && (isNotFound(error) ? <NoDoraData /> : <PluginErrorPanel error={error} />)}
      {value && (
        <>
          <GitHubStaleNotice lastError={value.lastError} lastSuccessAt={value.lastSuccessAt} />
          <Box mt={1}>
            <DoraMetricsSummary metrics={value.metrics} />
          </Box>
          <Box mt={2}>
            <WeeklyTrendChart weekly={value.weekly} height={160} showLeadTime={false} />
          </Box>
        </>
      )}
    </InfoCard>
  );
}
