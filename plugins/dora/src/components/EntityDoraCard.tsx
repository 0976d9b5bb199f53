import { InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { DEFAULT_DORA_WINDOW, DoraWindow } from '@internal/plugin-dora-common';
import Box from '@material-ui/core/Box';
import { useState } from 'react';
import { useLocation } from 'react-router-dom';
import { DoraDemoLabel, GitHubStaleNotice } from './DataNotices';
import { DeploymentsTrendChart } from './DeploymentsTrendChart';
import { DoraMetricsSummary } from './DoraMetricsSummary';
import { ReadingHistoryNotice } from './HistoryReading';
import { NoDoraData } from './NoDoraData';
import { TierChip } from './TierChip';
import { TierRuleNote } from './TierRuleNote';
import { isNotFound, useServiceDora } from './useDora';
import { WindowSwitch } from './WindowSwitch';
import { PluginErrorPanel } from '@internal/portal-react';

/** On a component's overview: its tier, the four metrics and the weekly deployments. */
export function EntityDoraCard() {
  const { entity } = useEntity();
  const { pathname } = useLocation();
  const [window, setWindow] = useState<DoraWindow>(DEFAULT_DORA_WINDOW);
  const { value, loading, error } = useServiceDora(stringifyEntityRef(entity), window);
  const header = value ? (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      {value.metrics && <TierChip tier={value.metrics.tier} />}
      <DoraDemoLabel demo={value.demo} />
    </Box>
  ) : undefined;
  return (
    <InfoCard
      title="Delivery performance"
      subheader={value ? `DORA metrics, last ${value.metrics?.windowDays ?? window.replace('d', '')} days, ${value.environment}` : 'DORA metrics'}
      action={header}
      deepLink={value ? { title: 'Deployments and trend', link: `${pathname.replace(/\/$/, '')}/dora` } : undefined}
    >
      <Box display="flex" justifyContent="flex-end" mb={1}>
        <WindowSwitch value={window} onChange={setWindow} />
      </Box>
      {loading && <Progress />}
      {error && (isNotFound(error) ? <NoDoraData /> : <PluginErrorPanel error={error} />)}
      {value && !loading && (
        <>
          <GitHubStaleNotice lastError={value.lastError} lastSuccessAt={value.lastSuccessAt} />
          {value.metrics && value.weekly ? (
            <>
              <Box mt={1}>
                <DoraMetricsSummary metrics={value.metrics} />
              </Box>
              <Box mt={2}>
                <DeploymentsTrendChart weekly={value.weekly} timeZone={value.timeZone} height={170} />
              </Box>
              <TierRuleNote />
            </>
          ) : (
            <ReadingHistoryNotice history={value.history} lastError={value.lastError} />
          )}
        </>
      )}
    </InfoCard>
  );
}
