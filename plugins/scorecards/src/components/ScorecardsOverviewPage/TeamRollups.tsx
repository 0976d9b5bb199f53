import { InfoCard, Table } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { TeamRollup, TeamsResponse } from '@internal/plugin-scorecards-common';
import Grid from '@material-ui/core/Grid';
import { LevelDistributionChart } from './LevelDistributionChart';
import { LevelTrendChart } from './LevelTrendChart';

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`);

/** Per team: entities at each level on the chosen scorecard, check outcomes, and the trend. */
export function TeamRollups(props: { teams: TeamsResponse; scorecardId: string }) {
  const { teams, scorecardId } = props;
  const title = teams.scorecards.find(s => s.id === scorecardId)?.title ?? scorecardId;
  const onScorecard = (team: TeamRollup) => team.scorecards.find(s => s.scorecardId === scorecardId);
  const rows = teams.teams
    .filter(onScorecard)
    .map(team => ({ team, id: team.owner, ...onScorecard(team)! }));
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={6}>
        <InfoCard title={`${title}: levels by team`}>
          <LevelDistributionChart
            levels={teams.levels}
            data={rows.map(r => ({ name: r.team.owner.replace(/^group:default\//, ''), levelCounts: r.levelCounts }))}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={6}>
        <InfoCard title={`${title}: levels over time`} subheader="Entities at each level after every evaluation">
          <LevelTrendChart trend={teams.trend} scorecardId={scorecardId} levels={teams.levels} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <Table
          title={`${title}: team roll-ups`}
          options={{ paging: false, padding: 'dense', search: false }}
          data={rows}
          columns={[
            { title: 'Team', field: 'id', render: r => <EntityRefLink entityRef={r.team.owner} defaultKind="group" /> },
            { title: 'Entities', field: 'team.entityCount', type: 'numeric' },
            ...teams.levels
              .slice()
              .reverse()
              .map(level => ({
                title: `At ${level} or above`,
                render: (r: (typeof rows)[number]) => {
                  const above = teams.levels.slice(teams.levels.indexOf(level));
                  const count = above.reduce((sum, l) => sum + (r.levelCounts[l] ?? 0), 0);
                  return `${count} (${percent(count, r.team.entityCount)})`;
                },
              })),
            {
              title: 'Checks passed',
              render: r => percent(r.passed, r.passed + r.failed + r.unknown),
              customSort: (a, b) => a.passed / (a.passed + a.failed + a.unknown || 1) - b.passed / (b.passed + b.failed + b.unknown || 1),
            },
            { title: 'Failed', field: 'failed', type: 'numeric' },
            { title: 'Unknown', field: 'unknown', type: 'numeric' },
          ]}
        />
      </Grid>
    </Grid>
  );
}
