import { WarningPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/**
 * What the anomalies could not cover (the backend's `missing`): an empty catalog, cost no
 * catalog entity claims, days a source did not deliver. Shown above the anomalies so that
 * an empty or short list is never read as "nothing unusual".
 */
export function CostAnomalyGaps(props: { missing: string[] }) {
  if (props.missing.length === 0) return null;
  return (
    <Box mb={1}>
      <WarningPanel
        severity="warning"
        title="Cost anomalies are incomplete"
        defaultExpanded
      >
        {props.missing.map(line => (
          <Typography key={line} variant="body2">
            {line}
          </Typography>
        ))}
      </WarningPanel>
    </Box>
  );
}
