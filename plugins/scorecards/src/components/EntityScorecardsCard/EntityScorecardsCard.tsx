import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { scorecardsApiRef } from '../../api/ScorecardsApi';
import { FactSourceNotices } from '../FactSourceNotices';
import { RunSummary } from '../RunSummary';
import { ScorecardSummary } from './ScorecardSummary';
import { PluginErrorPanel } from '@internal/portal-react';

/** On a component's overview: the level reached on each scorecard and the checks still open. */
export function EntityScorecardsCard() {
  const { entity } = useEntity();
  const api = useApi(scorecardsApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(() => api.getEntity(entityRef), [api, entityRef]);

  let body;
  if (loading) body = <Progress />;
  else if (error) body = <PluginErrorPanel error={error} />;
  else if (!value?.result) {
    body = (
      <EmptyState
        missing="data"
        title={value?.run ? 'No scorecard applies to this entity' : 'Not evaluated yet'}
        description={
          value?.run
            ? 'The platform team’s scorecards cover other kinds or types of entity.'
            : 'Scorecards are evaluated on a schedule; results appear after the first run.'
        }
      />
    );
  } else {
    const facts = value.result.scorecards.flatMap(s =>
      value.definitions.scorecards.find(d => d.id === s.scorecardId)?.checks.map(c => c.fact) ?? [],
    );
    body = (
      <>
        <RunSummary run={value.run} demo={value.demo} />
        <FactSourceNotices sources={value.sources} onlyFacts={facts} />
        {value.result.scorecards.map(result => (
          <ScorecardSummary
            key={result.scorecardId}
            result={result}
            levels={value.levels}
            definition={value.definitions.scorecards.find(d => d.id === result.scorecardId)}
          />
        ))}
      </>
    );
  }
  return (
    <InfoCard title="Scorecards" deepLink={{ title: 'All services', link: '/scorecards' }}>
      {body}
    </InfoCard>
  );
}
