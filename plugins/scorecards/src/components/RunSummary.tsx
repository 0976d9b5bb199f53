import { EvaluationRun } from '@internal/plugin-scorecards-common';
import { DemoDataLabel, formatAge } from '@internal/portal-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/** When the results were evaluated, and whether any fact source serves demo data. */
export function RunSummary(props: { run: EvaluationRun | null; demo: boolean }) {
  const { run, demo } = props;
  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <Typography variant="body2" color="textSecondary">
        {run
          ? `Evaluated ${formatAge(run.finishedAt)} (${run.entityCount} entities, ${run.trigger === 'schedule' ? 'scheduled' : `by ${run.triggeredBy ?? run.trigger}`})`
          : 'Not evaluated yet: the first scheduled evaluation runs shortly after the portal starts.'}
      </Typography>
      {demo && <DemoDataLabel source="the SLO, cost, DORA and Falco plugins" />}
    </Box>
  );
}
