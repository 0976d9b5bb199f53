import { ScorecardDefinition, ScorecardResult } from '@internal/plugin-scorecards-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { CheckList } from '../CheckList';
import { LevelChip } from '../LevelChip';
import { levelLabel } from '../levelColors';

/** One scorecard on an entity: level reached, what stands before the next, failing checks. */
export function ScorecardSummary(props: {
  definition: ScorecardDefinition | undefined;
  result: ScorecardResult;
  levels: string[];
}) {
  const { definition, result, levels } = props;
  const passed = result.checks.filter(c => c.state === 'passed').length;
  const failed = result.checks.filter(c => c.state === 'failed');
  const unknown = result.checks.filter(c => c.state === 'unknown');
  let next = `All ${result.checks.length} checks passed.`;
  if (result.nextLevel) {
    next = result.blockedByUnknown
      ? `${levelLabel(result.nextLevel)} cannot be confirmed until the unknown checks can be read.`
      : `Fix the failing ${levelLabel(result.nextLevel)} checks to reach ${levelLabel(result.nextLevel)}.`;
  }
  return (
    <Box mb={2}>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography variant="h6" component="h3">
          {definition?.title ?? result.scorecardId}
        </Typography>
        <LevelChip level={result.level} levels={levels} />
        <Typography variant="body2" color="textSecondary">
          {passed} of {result.checks.length} checks passed
        </Typography>
      </Box>
      <Typography variant="body2" color="textSecondary">
        {next}
      </Typography>
      {failed.length > 0 && <CheckList results={failed} definitions={definition?.checks ?? []} />}
      {unknown.length > 0 && (
        <>
          <Typography variant="subtitle2" style={{ marginTop: 8 }}>
            Could not be checked ({unknown.length})
          </Typography>
          <CheckList results={unknown} definitions={definition?.checks ?? []} hideFix />
        </>
      )}
    </Box>
  );
}
