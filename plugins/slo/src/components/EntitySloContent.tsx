import { Content, InfoCard, Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { SloItem } from '@internal/plugin-slo-common';
import { AlertsTable } from './AlertsTable';
import { AlertStateChip } from './AlertStateChip';
import { BudgetBar } from './BudgetBar';
import { BudgetChart } from './BudgetChart';
import { BurnRateChart } from './BurnRateChart';
import { NotMeasuredYet } from './NotMeasuredYet';
import { SloDefinitionPanel } from './SloDefinitionPanel';
import { SloFreshness } from './SloFreshness';
import { formatMinutes, formatTarget } from './sloFormat';
import { useEntitySlos } from './useEntitySlos';
import { PluginErrorPanel } from '@internal/portal-react';

function SloSection({ slo }: { slo: SloItem }) {
  const status = slo.status;
  return (
    <InfoCard
      title={
        <Box display="flex" alignItems="center" gridGap={12}>
          <span>{slo.displayName}</span>
          {status && <AlertStateChip state={status.alertState} exhausted={status.budgetExhausted} />}
        </Box>
      }
      subheader={`${formatTarget(slo.target)} over ${slo.window}${
        status?.minutesUntilExhausted ? ` · budget gone in ${formatMinutes(status.minutesUntilExhausted)} at the current burn` : ''
      }`}
    >
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <BudgetBar remaining={status?.budgetRemaining ?? null} label={`${slo.displayName} error budget left`} />
        </Grid>
        {slo.series ? (
          <>
            <Grid item xs={12} md={6}>
              <Typography variant="h6" component="h3">Burn rate</Typography>
              <BurnRateChart series={slo.series} title={`${slo.displayName} burn rate over ${slo.window}`} />
            </Grid>
            <Grid item xs={12} md={6}>
              <Typography variant="h6" component="h3">Error budget</Typography>
              <BudgetChart series={slo.series} title={`${slo.displayName} error budget over ${slo.window}`} />
            </Grid>
          </>
        ) : (
          <Grid item xs={12}>
            <Typography variant="body2" color="textSecondary">
              No chart yet: the series is read with the next successful refresh.
            </Typography>
          </Grid>
        )}
        {status && (
          <Grid item xs={12} md={6}>
            <Typography variant="h6" component="h3">Burn-rate alerts</Typography>
            <AlertsTable status={status} title={`${slo.displayName} burn-rate alerts`} />
          </Grid>
        )}
        <Grid item xs={12} md={status ? 6 : 12}>
          <Typography variant="h6" component="h3">Definition</Typography>
          <SloDefinitionPanel slo={slo} />
        </Grid>
      </Grid>
    </InfoCard>
  );
}

/** The SLO tab of a service: burn and budget charts over the window, alerts, definitions. */
export function EntitySloContent() {
  const { value, loading, error } = useEntitySlos();
  if (loading) return <Progress />;
  if (error) return <PluginErrorPanel error={error} />;
  if (!value || value.items.length === 0) return <NotMeasuredYet />;
  return (
    <Content noPadding>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <SloFreshness demo={value.demo} items={value.items} />
        </Grid>
        {value.items.map(slo => (
          <Grid item xs={12} key={slo.name}>
            <SloSection slo={slo} />
          </Grid>
        ))}
      </Grid>
    </Content>
  );
}
