import { InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { DEFAULT_DORA_WINDOW, DoraWindow } from '@internal/plugin-dora-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { DoraDemoLabel, GitHubStaleNotice } from './DataNotices';
import { DeploymentsTrendChart } from './DeploymentsTrendChart';
import { DoraMetricsSummary } from './DoraMetricsSummary';
import { DurationsTrendChart } from './DurationsTrendChart';
import { ServiceRankingTable } from './ServiceRankingTable';
import { TierChip } from './TierChip';
import { TierRuleNote } from './TierRuleNote';
import { useTeamDora } from './useDora';
import { WindowSwitch } from './WindowSwitch';
import { PluginErrorPanel } from '@internal/portal-react';

/** On a team's page: its tier from its own figures, those figures, the weekly trend and its services ranked. */
export function TeamDoraCard() {
  const { entity } = useEntity();
  const [window, setWindow] = useState<DoraWindow>(DEFAULT_DORA_WINDOW);
  const { value, loading, error } = useTeamDora(stringifyEntityRef(entity), window);
  return (
    <InfoCard
      title="Delivery performance"
      subheader={`DORA metrics of all the team's services together, last ${window.replace('d', '')} days`}
      action={
        value ? (
          <Box display="flex" alignItems="center" style={{ gap: 8 }}>
            {value.metrics && <TierChip tier={value.tier} />}
            <DoraDemoLabel demo={value.demo} />
          </Box>
        ) : undefined
      }
    >
      <Box display="flex" justifyContent="flex-end" mb={1}>
        <WindowSwitch value={window} onChange={setWindow} />
      </Box>
      {loading && <Progress />}
      {error && <PluginErrorPanel error={error} />}
      {value && !loading && value.services.length === 0 && (
        <Typography color="textSecondary">
          This team owns no component with a github.com/project-slug annotation, so there are no deployments to measure.
        </Typography>
      )}
      {value && !loading && value.services.length > 0 && (
        <>
          <GitHubStaleNotice lastError={value.lastError} lastSuccessAt={value.lastSuccessAt} />
          {value.servicesReading > 0 && (
            <Typography variant="body2" color="textSecondary" role="status">
              {value.servicesReading} of {value.services.length} services are still reading their GitHub history and are not counted yet.
            </Typography>
          )}
          {value.metrics && value.weekly && (
            <>
              <DoraMetricsSummary metrics={value.metrics} />
              <Box mt={2}>
                <DeploymentsTrendChart weekly={value.weekly} timeZone={value.timeZone} height={180} />
                <DurationsTrendChart weekly={value.weekly} timeZone={value.timeZone} height={170} />
              </Box>
              <TierRuleNote team />
            </>
          )}
          <Box mt={2}>
            <ServiceRankingTable services={value.services} title="Services" showOwner={false} compact />
          </Box>
        </>
      )}
    </InfoCard>
  );
}
