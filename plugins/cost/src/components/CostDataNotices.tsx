import {
  COST_SOURCE_LABELS,
  CostResponseMeta,
} from '@internal/plugin-cost-common';
import { DemoDataLabel, StaleDataNotice } from '@internal/portal-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatDay } from './format';

/** The demo label, "as of" day, and a stale-data notice for every source whose last run failed. */
export function CostDataNotices(props: { meta: CostResponseMeta }) {
  const { meta } = props;
  const failing = meta.sources.filter(s => s.lastError);
  return (
    <Box display="flex" flexDirection="column" mb={1} style={{ gap: 8 }}>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        {meta.demo && <DemoDataLabel source="Kubecost or AWS Cost Explorer" />}
        <Typography variant="caption" color="textSecondary">
          {meta.asOf
            ? `Up to ${formatDay(meta.asOf)} (UTC); today is not over yet.`
            : 'No cost has been read yet.'}
        </Typography>
      </Box>
      {failing.map(source => (
        <StaleDataNotice
          key={source.source}
          source={COST_SOURCE_LABELS[source.source]}
          lastSuccessAt={source.lastSuccessAt}
          error={`${source.lastError} (${source.pendingDays} day(s) will be read again on the next run)`}
        />
      ))}
    </Box>
  );
}
