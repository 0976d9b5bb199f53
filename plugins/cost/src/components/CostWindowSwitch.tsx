import {
  COST_WINDOW_IDS,
  CostWindowCoverage,
  CostWindowId,
} from '@internal/plugin-cost-common';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';

/** Last 7 days / last 30 days / month to date: the window every figure below is over. */
export function CostWindowSwitch(props: {
  windows: Record<CostWindowId, CostWindowCoverage>;
  value: CostWindowId;
  onChange: (value: CostWindowId) => void;
}) {
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={props.value}
      aria-label="Window the figures are over"
      onChange={(_event, value: CostWindowId | null) => {
        // Clicking the selected button again keeps it selected.
        if (value) props.onChange(value);
      }}
    >
      {COST_WINDOW_IDS.map(id => (
        <ToggleButton key={id} value={id}>
          {props.windows[id].label}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
