import { EmptyState, Link, Progress } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  CostAnomaliesResponse,
  CostAnomalyItem,
} from '@internal/plugin-cost-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { costApiRef } from '../api/CostApi';
import { formatJump } from './anomalyText';
import { CostAnomalyGaps } from './CostAnomalyGaps';
import { CostDataNotices } from './CostDataNotices';
import { formatDay } from './format';
import { PluginErrorPanel } from '@internal/portal-react';

/** How many anomalies the card lists: the user's teams' first, then the largest jumps. */
const SHOWN = 5;

/** Home page, "Platform health": the last 14 days' cost anomalies, yours first. */
export function PlatformHealthCostAnomaliesContent() {
  const costApi = useApi(costApiRef);
  const identityApi = useApi(identityApiRef);
  const { value, loading, error } = useAsync(async () => {
    const [anomalies, identity] = await Promise.all([
      costApi.getAnomalies(),
      identityApi.getBackstageIdentity(),
    ]);
    return { anomalies, mine: new Set(identity.ownershipEntityRefs) };
  }, []);
  if (loading) return <Progress />;
  if (error) return <PluginErrorPanel error={error} />;
  if (!value) return <Progress />;
  const { anomalies, mine } = value;
  const isMine = (a: { entityRef: string; teamRef: string | null }) =>
    mine.has(a.entityRef) || (a.teamRef !== null && mine.has(a.teamRef));
  const shown = [...anomalies.anomalies]
    .sort(
      (a, b) =>
        Number(isMine(b)) - Number(isMine(a)) ||
        Math.abs(b.jumpUsd) - Math.abs(a.jumpUsd),
    )
    .slice(0, SHOWN);
  return (
    <Box>
      <CostDataNotices meta={anomalies} />
      <CostAnomalyGaps missing={anomalies.missing ?? []} />
      <AnomalyList anomalies={anomalies} shown={shown} isMine={isMine} />
    </Box>
  );
}

function AnomalyList(props: {
  anomalies: CostAnomaliesResponse;
  shown: CostAnomalyItem[];
  isMine: (a: CostAnomalyItem) => boolean;
}) {
  const { anomalies, shown, isMine } = props;
  if (anomalies.asOf === null)
    return <Typography>No cost has been read yet.</Typography>;
  if (shown.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No cost anomalies"
        description={`No team or service departed from its usual spend between ${formatDay(
          anomalies.from,
        )} and ${formatDay(anomalies.to)}.`}
      />
    );
  }
  return (
    <>
      <Typography variant="body2" color="textSecondary">
        {anomalies.anomalies.length} anomal
        {anomalies.anomalies.length === 1 ? 'y' : 'ies'} between{' '}
        {formatDay(anomalies.from)} and {formatDay(anomalies.to)}
      </Typography>
      <Box component="ul" pl={2} my={1}>
        {shown.map(a => (
          <li key={`${a.entityRef}@${a.day}`}>
            <Typography variant="body2" component="span">
              <EntityRefLink entityRef={a.entityRef} title={a.title} />{' '}
              {a.direction === 'spike' ? 'spiked' : 'dropped'} on{' '}
              {formatDay(a.day)}: {formatJump(a)}
              {isMine(a) ? ' (your team)' : ''}
            </Typography>
          </li>
        ))}
      </Box>
      <Link to="/cost#anomalies">All cost anomalies</Link>
    </>
  );
}
