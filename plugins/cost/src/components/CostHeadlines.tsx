import {
  CostOverviewResponse,
  CostWindowId,
  WindowedUsd,
} from '@internal/plugin-cost-common';
import { formatMoney } from '@internal/portal-react';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { formatPercent } from './format';
import { amountOver } from './windowed';

/** One figure with exactly what it sums underneath. */
function Headline(props: { label: string; value: string; sums: string }) {
  return (
    <Box minWidth={190} maxWidth={260}>
      <Typography variant="h4" component="p">
        {props.value}
      </Typography>
      <Typography variant="subtitle2" component="h3">
        {props.label}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {props.sums}
      </Typography>
    </Box>
  );
}

/**
 * The overview's headlines over the chosen window, each labelled for what it sums, then
 * the spend charged to no team line by line, and cost per 1,000 units.
 */
export function CostHeadlines(props: {
  overview: CostOverviewResponse;
  window: CostWindowId;
}) {
  const { overview, window } = props;
  const over = (amounts: WindowedUsd) => amountOver(amounts, window);
  const all = over(overview.totals.all);
  const overBudget = overview.teams.filter(
    t => t.budgetStatus === 'over' || t.budgetStatus === 'forecast-over',
  ).length;
  const uncharged = [
    {
      label: 'Idle',
      sums: 'cluster capacity no workload used (Kubecost __idle__)',
      usd: over(overview.idle),
    },
    {
      label: 'Unmounted volumes',
      sums: 'persistent volumes no pod mounts (Kubecost __unmounted__)',
      usd: over(overview.unmounted),
    },
    {
      label: 'Unallocated: Kubernetes',
      sums: 'workloads without a team label',
      usd: over(overview.unallocated.kubernetes),
    },
    {
      label: 'Unallocated: AWS',
      sums: 'AWS spend without a team tag',
      usd: over(overview.unallocated.aws),
    },
  ];
  // "last 7 days", "December to date".
  const label = overview.windows[window].label.replace(/^Last/, 'last');
  return (
    <Paper variant="outlined">
      <Box
        p={2}
        display="flex"
        flexWrap="wrap"
        style={{ gap: 40 }}
        component="section"
        aria-label="Headlines"
      >
        <Headline
          label="All teams"
          value={formatMoney(over(overview.totals.teams))}
          sums={`What teams are charged, Kubernetes and AWS, ${label}. Not idle, unmounted or unallocated.`}
        />
        <Headline
          label="Kubernetes cluster"
          value={formatMoney(over(overview.totals.kubernetesCluster))}
          sums="The cluster's own cost: teams' workloads, idle, unmounted volumes and unlabelled workloads. No AWS."
        />
        <Headline
          label="AWS"
          value={formatMoney(over(overview.totals.aws))}
          sums="Every AWS dollar, a team's or not."
        />
        <Headline
          label="Everything"
          value={formatMoney(all)}
          sums="All teams + idle + unmounted + unallocated (Kubernetes and AWS)."
        />
        {overview.unitCosts.map(unit => {
          const figure = unit.byWindow[window];
          return (
            <Headline
              key={unit.unit}
              label={`Per ${unit.per.toLocaleString('en-US')} ${unit.unit}`}
              value={
                figure.costPerThousandUsd === null
                  ? 'no data'
                  : formatMoney(figure.costPerThousandUsd)
              }
              sums={`Everything ÷ ${unit.unit} counted, over the ${figure.countedDays} of ${figure.days} days with both read.`}
            />
          );
        })}
        <Headline
          label="Teams over budget"
          value={String(overBudget)}
          sums="Over, or heading over by month end at the 7-day run rate."
        />
      </Box>
      <Divider />
      <Box
        p={2}
        component="section"
        aria-label="Charged to no team"
        display="flex"
        flexWrap="wrap"
        style={{ gap: 40 }}
      >
        <Typography variant="subtitle2" component="h3" style={{ width: 140 }}>
          Charged to no team
        </Typography>
        {uncharged.map(line => (
          <Box key={line.label} minWidth={170} maxWidth={230}>
            <Typography variant="h6" component="p">
              {formatMoney(line.usd)}
              <Typography
                variant="caption"
                color="textSecondary"
                component="span"
              >
                {all > 0
                  ? ` ${formatPercent(line.usd / all)} of everything`
                  : ''}
              </Typography>
            </Typography>
            <Typography variant="body2">{line.label}</Typography>
            <Typography variant="caption" color="textSecondary">
              {line.sums}
            </Typography>
          </Box>
        ))}
      </Box>
    </Paper>
  );
}
