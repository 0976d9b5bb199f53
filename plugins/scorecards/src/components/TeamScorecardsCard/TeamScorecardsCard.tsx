import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef } from '../../api/ScorecardsApi';
import { FactSourceNotices } from '../FactSourceNotices';
import { LevelDistributionChart } from '../ScorecardsOverviewPage/LevelDistributionChart';
import { RunSummary } from '../RunSummary';
import { PluginErrorPanel } from '@internal/portal-react';

/** On a team's page: how many of its entities reached each level, per scorecard. */
export function TeamScorecardsCard() {
  const { entity } = useEntity();
  const api = useApi(scorecardsApiRef);
  const owner = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(() => api.getTeams(owner), [api, owner]);

  let body;
  if (loading) body = <Progress />;
  else if (error) body = <PluginErrorPanel error={error} />;
  else if (!value || value.teams.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No scored entities"
        description={value?.run ? 'This team owns no entity a scorecard applies to.' : 'Scorecards have not been evaluated yet.'}
      />
    );
  } else {
    const team = value.teams[0];
    const titleOf = (id: string) => value.scorecards.find(s => s.id === id)?.title ?? id;
    const failed = team.scorecards.reduce((sum, s) => sum + s.failed, 0);
    body = (
      <>
        <RunSummary run={value.run} demo={value.demo} />
        <FactSourceNotices sources={value.sources} />
        <LevelDistributionChart
          levels={value.levels}
          data={team.scorecards.map(s => ({ name: titleOf(s.scorecardId), levelCounts: s.levelCounts }))}
        />
        <p>
          {team.entityCount} entities scored; {failed} failing checks across them.
        </p>
      </>
    );
  }
  return (
    <InfoCard
      title="Scorecards"
      subheader="Entities this team owns, by level reached"
      deepLink={{ title: 'See every check', link: `/scorecards?owner=${encodeURIComponent(owner)}` }}
    >
      {body}
    </InfoCard>
  );
}
