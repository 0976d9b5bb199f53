import {
  Content,
  ContentHeader,
  EmptyState,
  InfoCard,
  Progress,
  SupportButton,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { CostOverviewResponse } from '@internal/plugin-cost-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import useAsync from 'react-use/esm/useAsync';
import { costApiRef } from '../api/CostApi';
import { CostAnomaliesTable } from './CostAnomaliesTable';
import { CostDataNotices } from './CostDataNotices';
import { downloadCsv, overviewToCsv } from './costCsv';
import { CostTeamsTable } from './CostTeamsTable';
import { CostTrendChart } from './CostTrendChart';
import { formatUsd } from './format';
import { IDLE_COLOUR, SERIES_COLOURS, UNALLOCATED_COLOUR } from './palette';
import { PluginErrorPanel } from '@internal/portal-react';

/** Every team's spend: totals, a 90-day trend, and a sortable table with CSV export. */
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
                `cost-by-team-${value.asOf}.csv`,
                overviewToCsv(value),
              )
            }
          >
            Export CSV
          </Button>
        )}
        <SupportButton>
          Cost per team and service from Kubecost/OpenCost and AWS Cost
          Explorer, read once a day. Idle is capacity nobody used; unallocated
          is spend without a team label or tag.
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
  if (!overview.asOf) {
    return (
      <>
        <CostDataNotices meta={overview} />
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
    { key: 'unallocated', label: 'Unallocated', colour: UNALLOCATED_COLOUR },
  ];
  const points = overview.trend.map(p => ({
    day: p.day,
    ...p.teams,
    idle: p.idle,
    unallocated: p.unallocated,
  }));
  const overBudget = overview.teams.filter(
    t => t.budgetStatus === 'over' || t.budgetStatus === 'forecast-over',
  ).length;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <CostDataNotices meta={overview} />
      </Grid>
      <Grid item xs={12}>
        <Box display="flex" flexWrap="wrap" style={{ gap: 48 }}>
          <Summary
            label="Month to date, all teams"
            value={formatUsd(overview.total.monthToDateUsd)}
          />
          <Summary
            label="Idle (unused capacity)"
            value={formatUsd(overview.idle.monthToDateUsd)}
          />
          <Summary
            label="Unallocated (no team label or tag)"
            value={formatUsd(overview.unallocated.monthToDateUsd)}
          />
          <Summary
            label="Teams over or heading over budget"
            value={String(overBudget)}
          />
        </Box>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Daily cost, last 90 days">
          <CostTrendChart
            title="Daily cost per team, idle and unallocated, over the last 90 days"
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
        <CostTeamsTable overview={overview} />
      </Grid>
    </Grid>
  );
}

function Summary(props: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="h4" component="p">
        {props.value}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {props.label}
      </Typography>
    </Box>
  );
}
