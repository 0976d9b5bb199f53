import { TeamCostSummary } from '@internal/plugin-cost-common';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { BudgetStatusChip } from './BudgetStatusChip';
import { formatPercent } from './format';
import { formatMoney } from '@internal/portal-react';

/** Month to date and forecast against the budget, as figures and a bar. */
export function BudgetGauge(props: { team: TeamCostSummary }) {
  const { team } = props;
  const budget = team.monthlyBudgetUsd;
  return (
    <Box>
      <Box
        display="flex"
        alignItems="baseline"
        justifyContent="space-between"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Box>
          <Typography variant="h4" component="p">
            {formatMoney(team.monthToDateUsd)}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            month to date · forecast {formatMoney(team.forecastMonthUsd)} by
            month end
          </Typography>
        </Box>
        <BudgetStatusChip status={team.budgetStatus} />
      </Box>
      {budget !== null && budget > 0 && (
        <Box mt={2}>
          <LinearProgress
            variant="buffer"
            value={Math.min(100, (team.monthToDateUsd / budget) * 100)}
            valueBuffer={Math.min(100, (team.forecastMonthUsd / budget) * 100)}
            color={team.budgetStatus === 'within' ? 'primary' : 'secondary'}
            aria-label={`Month to date is ${formatPercent(
              team.monthToDateUsd / budget,
            )} of the budget; forecast ${formatPercent(
              team.forecastMonthUsd / budget,
            )}`}
          />
          <Typography variant="caption" color="textSecondary">
            Budget {formatMoney(budget)} a month:{' '}
            {formatPercent(team.monthToDateUsd / budget)} spent, forecast{' '}
            {formatPercent(team.forecastMonthUsd / budget)}
          </Typography>
        </Box>
      )}
    </Box>
  );
}
