import { Link, Progress } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { costApiRef } from '../api/CostApi';
import { BudgetStatusChip } from './BudgetStatusChip';
import { CostDataNotices } from './CostDataNotices';
import { PluginErrorPanel, formatMoney } from '@internal/portal-react';

/** Home page, "Platform health": your teams' spend against budget, and the organisation total. */
export function PlatformHealthCostContent() {
  const costApi = useApi(costApiRef);
  const identityApi = useApi(identityApiRef);
  const { value, loading, error } = useAsync(async () => {
    const [overview, identity] = await Promise.all([
      costApi.getOverview(),
      identityApi.getBackstageIdentity(),
    ]);
    return { overview, mine: new Set(identity.ownershipEntityRefs) };
  }, []);
  if (loading) return <Progress />;
  if (error) return <PluginErrorPanel error={error} />;
  if (!value) return <Progress />;
  const { overview, mine } = value;
  const myTeams = overview.teams.filter(t => mine.has(t.entityRef));
  const attention = overview.teams.filter(
    t => t.budgetStatus === 'over' || t.budgetStatus === 'forecast-over',
  );
  return (
    <Box>
      <CostDataNotices meta={overview} window="mtd" />
      {overview.asOf === null ? (
        <Typography>No cost has been read yet.</Typography>
      ) : (
        <>
          {myTeams.map(team => (
            <Box
              key={team.entityRef}
              display="flex"
              alignItems="center"
              justifyContent="space-between"
              my={1}
              style={{ gap: 8 }}
            >
              <Box>
                <Typography variant="subtitle1" component="p">
                  {team.title}: {formatMoney(team.monthToDateUsd)} this month
                </Typography>
                <Typography variant="body2" color="textSecondary">
                  forecast {formatMoney(team.forecastMonthUsd)}
                  {team.monthlyBudgetUsd !== null &&
                    ` of ${formatMoney(team.monthlyBudgetUsd)} budget`}
                </Typography>
              </Box>
              <BudgetStatusChip status={team.budgetStatus} />
            </Box>
          ))}
          <Typography variant="body2">
            All teams: {formatMoney(overview.totals.teams.monthToDateUsd)}{' '}
            charged this month. Charged to no team: idle{' '}
            {formatMoney(overview.idle.monthToDateUsd)}, unmounted volumes{' '}
            {formatMoney(overview.unmounted.monthToDateUsd)}, unallocated{' '}
            {formatMoney(
              overview.unallocated.kubernetes.monthToDateUsd +
                overview.unallocated.aws.monthToDateUsd,
            )}
            .{' '}
            {attention.length > 0
              ? `${attention.length} team(s) over or heading over budget.`
              : 'No team is heading over budget.'}
          </Typography>
          <Box mt={1}>
            <Link to="/cost">Cost by team</Link>
          </Box>
        </>
      )}
    </Box>
  );
}
