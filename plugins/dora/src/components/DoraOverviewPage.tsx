import {
  Content,
  ContentHeader,
  Header,
  InfoCard,
  Page,
  Progress,
} from '@backstage/core-components';
import { PluginErrorPanel, StaleDataNotice, formatAge } from '@internal/portal-react';
import Grid from '@material-ui/core/Grid';
import { DoraDemoLabel } from './DataNotices';
import { ServiceRankingTable } from './ServiceRankingTable';
import { TeamRankingTable } from './TeamRankingTable';
import { TierDistributionChart } from './TierDistributionChart';
import { TierThresholdsTable } from './TierThresholdsTable';
import { useDoraOverview } from './useDora';

/** Every service and team ranked by DORA tier, best first. */
export function DoraOverviewPage() {
  const { value, loading, error } = useDoraOverview();
  return (
    <Page themeId="tool">
      <Header title="Delivery performance" subtitle="DORA metrics from GitHub deployments, last 90 days" />
      <Content>
        <ContentHeader title="Services and teams by DORA tier">
          {value && <DoraDemoLabel demo={value.demo} />}
        </ContentHeader>
        {loading && <Progress />}
        {error && <PluginErrorPanel error={error} />}
        {value && (
          <Grid container spacing={3}>
            {value.lastError && (
              <Grid item xs={12}>
                <StaleDataNotice source="GitHub" lastSuccessAt={value.asOf} error={value.lastError} />
              </Grid>
            )}
            <Grid item xs={12} md={5} lg={4}>
              <InfoCard title="Services per tier" subheader={value.asOf ? `Refreshed ${formatAge(value.asOf)}` : 'Not refreshed yet'}>
                <TierDistributionChart tiers={value.services.map(s => s.metrics.tier)} height={220} />
              </InfoCard>
            </Grid>
            <Grid item xs={12} md={7} lg={8}>
              <InfoCard title="How tiers are set" subheader="DORA 2024 performance clusters, over the last 90 days">
                <TierThresholdsTable />
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <TeamRankingTable teams={value.teams} />
            </Grid>
            <Grid item xs={12}>
              <ServiceRankingTable services={value.services} title="Services" />
            </Grid>
          </Grid>
        )}
      </Content>
    </Page>
  );
}
