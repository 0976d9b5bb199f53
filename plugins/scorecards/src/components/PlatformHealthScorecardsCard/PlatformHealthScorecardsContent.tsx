import { EmptyState, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { TeamsResponse } from '@internal/plugin-scorecards-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef } from '../../api/ScorecardsApi';
import { LevelDistributionChart } from '../ScorecardsOverviewPage/LevelDistributionChart';
import { RunSummary } from '../RunSummary';
import { PluginErrorPanel } from '@internal/portal-react';

/** Organisation-wide level counts per scorecard: the latest trend point of each. */
function latestOrgCounts(teams: TeamsResponse) {
  return teams.scorecards.map(scorecard => {
    const points = teams.trend.filter(p => p.scorecardId === scorecard.id);
    return { name: scorecard.title, levelCounts: points.at(-1)?.levelCounts ?? {} };
  });
}

/** Teams with the most failing checks, worst first. */
function mostFailing(teams: TeamsResponse, count: number) {
  return teams.teams
    .map(team => ({ owner: team.owner, failed: team.scorecards.reduce((sum, s) => sum + s.failed, 0) }))
    .filter(team => team.failed > 0)
    .sort((a, b) => b.failed - a.failed)
    .slice(0, count);
}

/** Home page "Platform health" card: every service's levels, and where the work is. */
export function PlatformHealthScorecardsContent() {
  const api = useApi(scorecardsApiRef);
  const { value, loading, error } = useAsync(() => api.getTeams(), [api]);
  if (loading) return <Progress />;
  if (error) return <PluginErrorPanel error={error} />;
  if (!value?.run) {
    return <EmptyState missing="data" title="Not evaluated yet" description="Scorecards appear after the first evaluation." />;
  }
  const worst = mostFailing(value, 3);
  return (
    <>
      <RunSummary run={value.run} demo={value.demo} />
      <LevelDistributionChart levels={value.levels} data={latestOrgCounts(value)} height={200} />
      {worst.length > 0 && (
        <Box mt={1}>
          <Typography variant="subtitle2">Most failing checks</Typography>
          {worst.map(team => (
            <Typography key={team.owner} variant="body2">
              <Link to={`/scorecards?owner=${encodeURIComponent(team.owner)}`}>
                {team.owner.replace(/^group:default\//, '')}
              </Link>
              : {team.failed}
            </Typography>
          ))}
        </Box>
      )}
      <Box mt={1}>
        <Link to="/scorecards">All scorecards</Link>
      </Box>
    </>
  );
}
