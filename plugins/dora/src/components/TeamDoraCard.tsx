import { InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { DoraDemoLabel, GitHubStaleNotice } from './DataNotices';
import { DoraMetricsSummary } from './DoraMetricsSummary';
import { ServiceRankingTable } from './ServiceRankingTable';
import { TierChip } from './TierChip';
import { useTeamDora } from './useDora';
import { WeeklyTrendChart } from './WeeklyTrendChart';
import { PluginErrorPanel } from '@internal/portal-react';

/** On a team's page: its tier (the median of its services'), pooled metrics and its services ranked. */
export function TeamDoraCard() {
  const { entity } = useEntity();
  const { value, loading, error } = useTeamDora(stringifyEntityRef(entity));
  return (
    <InfoCard
      title="Delivery performance"
      subheader="DORA metrics of the team's services, last 90 days"
      action={
        value ? (
          <Box display="flex" alignItems="center" style={{ gap: 8 }}>
            <TierChip tier={value.tier} />
            <DoraDemoLabel demo={value.demo} />
          </Box>
        ) : undefined
      }
    >
      {loading && <Progress />}
      {error && <PluginErrorPanel error={error} />}
      {value && value.services.length === 0 && (
        <Typography color="textSecondary">
          This team owns no component with a github.com/project-slug annotation, so there are no deployments to measure.
        </Typography>
      )}
      {value && value.services.length > 0 && (
        <>
          <GitHubStaleNotice lastError={value.lastError} lastSuccessAt={value.lastSuccessAt} />
          <DoraMetricsSummary metrics={value.metrics} />
          <Box mt={2}>
            <WeeklyTrendChart weekly={value.weekly} height={180} />
          </Box>
          <Box mt={2}>
            <ServiceRankingTable services={value.services} title="Services" showOwner={false} compact />
          </Box>
        </>
      )}
    </InfoCard>
  );
}
