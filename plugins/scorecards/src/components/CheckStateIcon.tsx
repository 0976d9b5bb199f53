import { CheckState } from '@internal/plugin-scorecards-common';
import Tooltip from '@material-ui/core/Tooltip';
import CancelIcon from '@material-ui/icons/Cancel';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import RemoveIcon from '@material-ui/icons/Remove';

const LABELS: Record<CheckState, string> = {
  passed: 'Passed',
  failed: 'Failed',
  unknown: 'Unknown: its fact could not be read',
};

/** passed / failed / unknown (or "does not apply" for null), with a label for screen readers. */
export function CheckStateIcon(props: { state: CheckState | null; title?: string }) {
  const label = props.state ? LABELS[props.state] : 'Does not apply';
  const full = props.title ? `${props.title}: ${label}` : label;
  let icon = <RemoveIcon fontSize="small" style={{ color: '#bdbdbd' }} />;
  if (props.state === 'passed') icon = <CheckCircleIcon fontSize="small" style={{ color: '#2e7d32' }} />;
  if (props.state === 'failed') icon = <CancelIcon fontSize="small" style={{ color: '#c62828' }} />;
  if (props.state === 'unknown') icon = <HelpOutlineIcon fontSize="small" style={{ color: '#757575' }} />;
  return (
    <Tooltip title={full}>
      <span role="img" aria-label={full} style={{ display: 'inline-flex' }}>
        {icon}
      </span>
    </Tooltip>
  );
}
