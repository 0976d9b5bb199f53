import { Content, ContentHeader, Header, InfoCard, Page, Progress } from '@backstage/core-components';
import { DEFAULT_DORA_WINDOW, DORA_WINDOWS, DoraOverviewResponse, DoraWindow, parseDoraWindow } from '@internal/plugin-dora-common';
import { formatAge, PluginErrorPanel, StaleDataNotice } from '@internal/portal-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { useSearchParams } from 'react-router-dom';
import { DoraDemoLabel } from './DataNotices';
import { ServiceRankingTable } from './ServiceRankingTable';
import { TeamRankingTable } from './TeamRankingTable';
import { TierDistributionChart } from './TierDistributionChart';
import { TierThresholdsTable } from './TierThresholdsTable';
import { useDoraOverview } from './useDora';
import { WindowSwitch } from './WindowSwitch';

/** "Refreshed 5 minutes ago (the oldest service's last complete read); 1 stale, 2 reading history". */
function refreshedText(value: DoraOverviewResponse): string {
  const refreshed = value.asOf ? `Refreshed ${formatAge(value.asOf)} (the oldest service's last complete read)` : 'No complete read yet';
  const notes = [
    value.servicesStale ? `${value.servicesStale} stale (marked)` : null,
    value.servicesReading ? `${value.servicesReading} still reading history` : null,
  ].filter(Boolean);
  return notes.length ? `${refreshed}; ${notes.join(', ')}` : refreshed;
}

/** Every service and team ranked by DORA tier, best first, over 30 or 90 days (`?window=`). */
export function DoraOverviewPage() {
  const [params, setParams] = useSearchParams();
  const window = parseDoraWindow(params.get('window')) ?? DEFAULT_DORA_WINDOW;
  const setWindow = (next: DoraWindow) => setParams(previous => {
    const updated = new URLSearchParams(previous);
    updated.set('window', next);
    return updated;
  });
  const { value, loading, error } = useDoraOverview(window);
  return (
    <Page themeId="tool">
      <Header title="Delivery performance" subtitle={`DORA metrics from GitHub deployments, last ${DORA_WINDOWS[window]} days`} />
      <Content>
        <ContentHeader title="Services and teams by DORA tier">
          <Box display="flex" alignItems="center" style={{ gap: 12 }}>
            {value && <DoraDemoLabel demo={value.demo} />}
            <WindowSwitch value={window} onChange={setWindow} />
          </Box>
        </ContentHeader>
        {loading && <Progress />}
        {error && <PluginErrorPanel error={error} />}
        {value && !loading && (
          <Grid container spacing={3}>
            {value.lastError && (
              <Grid item xs={12}>
                <StaleDataNotice source="GitHub" lastSuccessAt={value.asOf} error={value.lastError} />
              </Grid>
            )}
            <Grid item xs={12} md={5} lg={4}>
              <InfoCard title="Services per tier" subheader={refreshedText(value)}>
                <TierDistributionChart tiers={value.services.filter(s => s.metrics).map(s => s.metrics!.tier)} height={220} />
              </InfoCard>
            </Grid>
            <Grid item xs={12} md={7} lg={8}>
              <InfoCard title="How tiers are set" subheader={`DORA 2024 performance clusters, over the last ${value.windowDays} days`}>
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
