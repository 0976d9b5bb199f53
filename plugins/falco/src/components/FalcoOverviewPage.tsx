import {
  Content,
  ContentHeader,
  InfoCard,
  Progress,
  Table,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { describeWindow, FalcoOverviewResponse, prioritiesAtLeast, totalOf } from '@internal/plugin-falco-common';
import { DemoDataLabel, PluginErrorPanel, StaleDataNotice } from '@internal/portal-react';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { falcoApiRef } from '../api/FalcoApi';
import { AlertTable } from './AlertTable';
import { PriorityChip } from './PriorityChip';
import { PriorityCountsBars } from './PriorityCountsBars';
import { TrendChart } from './TrendChart';
import { formatRelative } from './formatTime';

const criticalOrWorse = (counts: FalcoOverviewResponse['totals']) =>
  prioritiesAtLeast('critical').reduce((sum, p) => sum + counts[p], 0);

function TopRules(props: { overview: FalcoOverviewResponse }) {
  return (
    <Table
      title="Top rules"
      options={{ paging: false, search: false, padding: 'dense', toolbar: true }}
      data={props.overview.topRules.map(r => ({ ...r, id: r.rule }))}
      emptyContent={<Typography style={{ padding: 16 }}>No events in this period.</Typography>}
      columns={[
        { title: 'Rule', field: 'rule' },
        { title: 'Highest priority', field: 'highestPriority', render: r => <PriorityChip priority={r.highestPriority} /> },
        { title: 'Events', field: 'count', type: 'numeric' },
      ]}
    />
  );
}

function TopServices(props: { overview: FalcoOverviewResponse }) {
  return (
    <Table
      title="Top services"
      options={{ paging: false, search: false, padding: 'dense' }}
      data={props.overview.topServices.map(s => ({ ...s, id: s.entityRef }))}
      emptyContent={<Typography style={{ padding: 16 }}>No component had events in this period.</Typography>}
      columns={[
        { title: 'Component', field: 'entityRef', render: s => <EntityRefLink entityRef={s.entityRef} defaultKind="component" /> },
        { title: 'Critical or worse', field: 'counts', type: 'numeric', render: s => criticalOrWorse(s.counts) },
        { title: 'Events', field: 'total', type: 'numeric' },
      ]}
    />
  );
}

/** The security overview: trend, top rules, top services, and events no component claims. */
export function FalcoOverviewPage() {
  const api = useApi(falcoApiRef);
  const [days, setDays] = useState(14);
  const { value, loading, error } = useAsyncRetry(() => api.getOverview(days), [api, days]);

  return (
    <Content>
      <ContentHeader title="Falco alerts across all services">
        <Box display="flex" alignItems="center" style={{ gap: 16 }}>
          {value?.demo && <DemoDataLabel source="Falco" />}
          <FormControl size="small">
            <InputLabel id="falco-days-label">Period</InputLabel>
            <Select labelId="falco-days-label" value={days} onChange={e => setDays(Number(e.target.value))}>
              <MenuItem value={7}>Last 7 days</MenuItem>
              <MenuItem value={14}>Last 14 days</MenuItem>
              <MenuItem value={30}>Last 30 days</MenuItem>
            </Select>
          </FormControl>
        </Box>
      </ContentHeader>
      {loading && !value && <Progress />}
      {error && <PluginErrorPanel error={error} />}
      {value && (
        <Grid container spacing={3}>
          {value.mapping.lastError && (
            <Grid item xs={12}>
              <StaleDataNotice source="The catalog" lastSuccessAt={value.mapping.lastSuccessAt} error={value.mapping.lastError} />
            </Grid>
          )}
          <Grid item xs={12} md={8}>
            <InfoCard
              title="Events per day"
              subheader={
                value.lastEventAt
                  ? `${totalOf(value.totals)} events, ${criticalOrWorse(value.totals)} Critical or worse; latest ${formatRelative(value.lastEventAt)}`
                  : 'Falco has not sent any event yet'
              }
            >
              <TrendChart trend={value.trend} />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={4}>
            <InfoCard title="By priority" subheader={describeWindow(value.window).replace(/^l/, 'L')}>
              <PriorityCountsBars counts={value.totals} />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={6}>
            <TopRules overview={value} />
          </Grid>
          <Grid item xs={12} md={6}>
            <TopServices overview={value} />
          </Grid>
          <Grid item xs={12}>
            <Typography variant="body2" color="textSecondary" paragraph>
              {value.unmapped.total} events in this period matched no component. Annotate the component that owns the
              workload (backstage.io/kubernetes-id and backstage.io/kubernetes-namespace, or devportal.io/container-image)
              and they are mapped on the next catalog refresh.
            </Typography>
            <AlertTable unmapped title="Unmapped events" pageSize={10} />
          </Grid>
        </Grid>
      )}
    </Content>
  );
}
