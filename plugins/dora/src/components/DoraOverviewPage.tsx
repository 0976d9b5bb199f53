import { Content, ContentHeader, Header, InfoCard, Page, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { formatAge, StaleDataNotice } from '@internal/portal-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { DoraDemoLabel } from './DataNotices';
import { ServiceRankingTable } from './ServiceRankingTable';
import { TeamRankingTable } from './TeamRankingTable';
import { TierDistributionChart } from './TierDistributionChart';
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
        {error && <ResponseErrorPanel error={error} />}
        {value && (
          <Grid container spacing={3}>
            {value.lastError && (
              <Grid item xs={12}>
                <StaleDataNotice source="GitHub" lastSuccessAt={value.asOf} error={value.lastError} />
              </Grid>
            )}
            <Grid item xs={12} md={4}>
              <InfoCard title="Services per tier" subheader="DORA 2024 performance clusters">
                <TierDistributionChart tiers={value.services.map(s => s.metrics.tier)} height={220} />
                <Typography variant="caption" color="textSecondary">
                  {value.asOf ? `Refreshed ${formatAge(value.asOf)}.` : 'Not refreshed yet.'} A team's tier is the median of its
                  services' tiers.
                </Typography>
              </InfoCard>
            </Grid>
            <Grid item xs={12} md={8}>
              <TeamRankingTable teams={value.teams} />
            </Grid>
            <Grid item xs={12}>
              <Box>
                <ServiceRankingTable services={value.services} title="Services" />
              </Box>
            </Grid>
          </Grid>
        )}
      </Content>
    </Page>
  );
}
