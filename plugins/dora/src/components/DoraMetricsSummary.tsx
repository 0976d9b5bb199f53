import { DoraMetrics } from '@internal/plugin-dora-common';
import { formatDuration } from '@internal/portal-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { formatFrequency, formatPercent } from './format';

function Metric(props: { label: string; value: string; detail: string }) {
  return (
    <Grid item xs={6} md={3}>
      <Typography variant="body2" color="textSecondary" component="h3">
        {props.label}
      </Typography>
      <Typography variant="h5" component="p">
        {props.value}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {props.detail}
      </Typography>
    </Grid>
  );
}

function recoveryDetail(recovery: DoraMetrics['recovery']): string {
  const open = recovery.unrecovered ? ` · ${recovery.unrecovered} not yet recovered` : '';
  if (recovery.recovered) return `median of ${recovery.recovered} failed deployments${open}`;
  if (recovery.unrecovered) return `${recovery.unrecovered} failed, none recovered yet`;
  return 'no failed deployments';
}

/** The four DORA metrics over the window, each with the figure that qualifies it. */
export function DoraMetricsSummary({ metrics }: { metrics: DoraMetrics }) {
  const { leadTime, recovery } = metrics;
  return (
    <Grid container spacing={2}>
      <Metric
        label="Deploy frequency"
        value={formatFrequency(metrics.deploysPerDay)}
        detail={`${metrics.deployments} in ${metrics.windowDays} days (${Math.round(metrics.deploysPerWeek * 10) / 10}/week)`}
      />
      <Metric
        label="Change lead time"
        value={formatDuration(leadTime?.medianSeconds)}
        detail={leadTime ? `median · p90 ${formatDuration(leadTime.p90Seconds)} · ${leadTime.commits} commits` : 'no deployed commits'}
      />
      <Metric
        label="Change fail rate"
        value={formatPercent(metrics.changeFailRate)}
        detail={`${metrics.failures} of ${metrics.deployments + metrics.failures} deployments failed`}
      />
      <Metric label="Recovery time" value={formatDuration(recovery.medianSeconds)} detail={recoveryDetail(recovery)} />
    </Grid>
  );
}
