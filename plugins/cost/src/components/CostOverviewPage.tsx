import {
  Content,
  ContentHeader,
  EmptyState,
  InfoCard,
  Progress,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  CostOverviewResponse,
  CostWindowId,
} from '@internal/plugin-cost-common';
import { PluginErrorPanel, formatMoney } from '@internal/portal-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { costApiRef } from '../api/CostApi';
import { CostAnomaliesTable } from './CostAnomaliesTable';
import { CostDataNotices } from './CostDataNotices';
import { CostHeadlines } from './CostHeadlines';
import { downloadCsv, overviewToCsv } from './costCsv';
import { CostTeamsTable } from './CostTeamsTable';
import { CostTrendChart } from './CostTrendChart';
import { CostWindowSwitch } from './CostWindowSwitch';
import {
  IDLE_COLOUR,
  SERIES_COLOURS,
  UNALLOCATED_AWS_COLOUR,
  UNALLOCATED_COLOUR,
  UNMOUNTED_COLOUR,
} from './palette';
import { amountOver } from './windowed';

/** Every team's spend: headlines, a 90-day trend, and a sortable table with CSV export. */
export function CostOverviewPage() {
  const costApi = useApi(costApiRef);
  const { value, loading, error } = useAsync(() => costApi.getOverview(), []);
  return (
    <Content>
      <ContentHeader title="Cost by team">
        {value && value.asOf && (
          <Button
            variant="outlined"
            startIcon={<GetAppIcon />}
            onClick={() =>
              downloadCsv(
                `cost-by-team-${value.through}.csv`,
                overviewToCsv(value),
              )
            }
          >
            Export CSV
          </Button>
        )}
        <SupportButton>
          Cost per team and service from Kubecost/OpenCost and AWS Cost
          Explorer, read once a day up to yesterday (UTC). Idle is capacity
          nobody used; unmounted is volumes no pod mounts; unallocated is
          Kubernetes cost without a team label and AWS spend without a team tag.
          None of these is charged to a team.
        </SupportButton>
      </ContentHeader>
      {loading && <Progress />}
      {error && <PluginErrorPanel error={error} />}
      {value && <CostOverview overview={value} />}
    </Content>
  );
}

function CostOverview(props: { overview: CostOverviewResponse }) {
  const { overview } = props;
  const [windowId, setWindowId] = useState<CostWindowId>('mtd');
  if (!overview.asOf) {
    return (
      <>
        <CostDataNotices meta={overview} window={windowId} />
        <EmptyState
          missing="data"
          title="No cost has been read yet"
          description="Configure cost.kubecost or cost.aws in app-config.yaml (see the cost-backend README); the first daily ingestion fills in 90 days of history."
        />
      </>
    );
  }
  const teams = [...overview.teams].sort(
    (a, b) => b.last30DaysUsd - a.last30DaysUsd,
  );
  const series = [
    ...teams.map((team, i) => ({
      key: team.entityRef,
      label: team.title,
      colour: SERIES_COLOURS[i % SERIES_COLOURS.length],
    })),
    { key: 'idle', label: 'Idle', colour: IDLE_COLOUR },
    { key: 'unmounted', label: 'Unmounted volumes', colour: UNMOUNTED_COLOUR },
    {
      key: 'unallocatedKubernetes',
      label: 'Unallocated (Kubernetes)',
      colour: UNALLOCATED_COLOUR,
    },
    {
      key: 'unallocatedAws',
      label: 'Unallocated (AWS)',
      colour: UNALLOCATED_AWS_COLOUR,
    },
  ];
  // A day no source answered for is a gap, not a day that cost nothing.
  const points = overview.trend.map(p =>
    p.read
      ? {
          day: p.day,
          ...Object.fromEntries(teams.map(t => [t.entityRef, 0])),
          ...p.teams,
          idle: p.idle,
          unmounted: p.unmounted,
          unallocatedKubernetes: p.unallocatedKubernetes,
          unallocatedAws: p.unallocatedAws,
        }
      : {
          day: p.day,
          ...Object.fromEntries(series.map(s => [s.key, null])),
        },
  );
  const window = overview.windows[windowId];
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Box
          display="flex"
          justifyContent="space-between"
          alignItems="flex-start"
          flexWrap="wrap"
          style={{ gap: 16 }}
        >
          <CostDataNotices meta={overview} window={windowId} />
          <CostWindowSwitch
            windows={overview.windows}
            value={windowId}
            onChange={setWindowId}
          />
        </Box>
      </Grid>
      <Grid item xs={12}>
        <CostHeadlines overview={overview} window={windowId} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Daily cost, last 90 days"
          subheader={`${window.label}: ${formatMoney(
            amountOver(overview.totals.all, windowId),
          )} in all; gaps are days not read yet`}
        >
          <CostTrendChart
            title="Daily cost per team, idle, unmounted volumes and unallocated, over the last 90 days"
            points={points}
            series={series}
            height={320}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} id="anomalies">
        <CostAnomaliesTable />
      </Grid>
      <Grid item xs={12}>
        <CostTeamsTable overview={overview} window={windowId} />
      </Grid>
    </Grid>
  );
}
