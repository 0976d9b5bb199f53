import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import WarningIcon from '@material-ui/icons/ReportProblemOutlined';
import useAsync from 'react-use/esm/useAsync';
import { pluginErrorMessage } from '@internal/portal-react';
import { costApiRef } from '../api/CostApi';
import { describeAnomaly } from './anomalyText';

/** How many of an entity's anomalies a card lists, newest first. */
const SHOWN = 3;

/**
 * On a team or service card: a line per recent anomaly of that entity itself (the last
 * 14 days), nothing when there is none.
 */
export function RecentCostAnomalies(props: { entityRef: string }) {
  const costApi = useApi(costApiRef);
  const { value, error } = useAsync(
    () => costApi.getAnomalies({ entityRef: props.entityRef }),
    [props.entityRef],
  );
  if (error) {
    return (
      <Typography variant="caption" color="textSecondary">
        Cost anomalies could not be checked: {pluginErrorMessage(error)}
      </Typography>
    );
  }
  if (value && value.anomalies.length === 0 && value.missing?.length) {
    return (
      <Typography variant="caption" color="textSecondary">
        Cost anomalies are incomplete: {value.missing[0]}
      </Typography>
    );
  }
  if (!value || value.anomalies.length === 0) return null;
  return (
    <Box
      role="alert"
      mb={1}
      display="flex"
      flexDirection="column"
      style={{ gap: 4 }}
    >
      {value.anomalies.slice(0, SHOWN).map(anomaly => (
        <Box
          key={anomaly.day}
          display="flex"
          alignItems="center"
          style={{ gap: 6 }}
        >
          <WarningIcon fontSize="small" color="error" />
          <Typography variant="body2">
            Cost anomaly. {describeAnomaly(anomaly)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
