import {
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { OverviewQuery, scorecardsApiRef } from '../../api/ScorecardsApi';
import { FactSourceNotices } from '../FactSourceNotices';
import { RunSummary } from '../RunSummary';
import { ChecksGrid } from './ChecksGrid';
import { DefinitionsPanel } from './DefinitionsPanel';
import { OverviewActions } from './OverviewActions';
import { OverviewFilters } from './OverviewFilters';
import { TeamRollups } from './TeamRollups';
import { PluginErrorPanel } from '@internal/portal-react';

const QUERY_KEYS = ['owner', 'system', 'lifecycle'] as const;

/**
 * Every service against every check of a scorecard, filtered by team, system and
 * lifecycle (kept in the URL, so the team card can link here), with team roll-ups,
 * trends, CSV export and the definitions.
 */
export function ScorecardsOverviewPage() {
  const api = useApi(scorecardsApiRef);
  const [params, setParams] = useSearchParams();
  const query: OverviewQuery = Object.fromEntries(
    QUERY_KEYS.map(key => [key, params.get(key) ?? undefined]).filter(([, v]) => v),
  );
  const [reload, setReload] = useState(0);
  const [actionError, setActionError] = useState<Error>();
  const queryKey = JSON.stringify(query);
  const data = useAsync(
    async () => {
      const [overview, teams, definitions] = await Promise.all([
        api.getOverview(query),
        api.getTeams(query.owner),
        api.getDefinitions(),
      ]);
      return { overview, teams, definitions };
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, queryKey, reload],
  );
  const scorecardId = params.get('scorecard') ?? data.value?.overview.scorecards[0]?.id;

  const update = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged, { replace: true });
  };

  let body;
  if (data.loading && !data.value) body = <Progress />;
  else if (data.error) body = <PluginErrorPanel error={data.error} />;
  else if (data.value && scorecardId) {
    const { overview, teams, definitions } = data.value;
    body = (
      <>
        <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 12 }} mb={2}>
          <OverviewFilters query={query} options={overview.filters} onChange={q => update({ ...q })} />
          <Box flexGrow={1} />
          <OverviewActions query={query} onEvaluated={() => setReload(n => n + 1)} onError={setActionError} />
        </Box>
        <RunSummary run={overview.run} demo={overview.demo} />
        {actionError && <PluginErrorPanel error={actionError} />}
        <FactSourceNotices
          sources={overview.sources}
          onlyFacts={overview.scorecards.find(s => s.id === scorecardId)?.checks.map(c => c.fact)}
        />
        <Tabs
          value={scorecardId}
          onChange={(_, id) => update({ scorecard: id })}
          indicatorColor="primary"
          aria-label="Scorecard"
        >
          {overview.scorecards.map(s => (
            <Tab key={s.id} value={s.id} label={s.title} />
          ))}
        </Tabs>
        {overview.scorecards.find(s => s.id === scorecardId)?.description && (
          <Typography variant="body2" color="textSecondary" style={{ margin: '8px 0 16px' }}>
            {overview.scorecards.find(s => s.id === scorecardId)!.description}
          </Typography>
        )}
        {overview.rows.length === 0 ? (
          <EmptyState
            missing="data"
            title="No entities match"
            description={overview.run ? 'Clear a filter to see more entities.' : 'Scorecards have not been evaluated yet.'}
          />
        ) : (
          <ChecksGrid overview={overview} scorecardId={scorecardId} />
        )}
        <Box mt={3}>
          <TeamRollups teams={teams} scorecardId={scorecardId} />
        </Box>
        <Box mt={3}>
          <DefinitionsPanel definitions={definitions} onSaved={() => setReload(n => n + 1)} />
        </Box>
      </>
    );
  }
  return (
    <Page themeId="tool">
      <Header
        title="Scorecards"
        subtitle="Production readiness, security and cost hygiene across every service, as the platform team reviews them"
      />
      <Content>{body}</Content>
    </Page>
  );
}
