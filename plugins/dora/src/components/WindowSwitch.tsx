import { DORA_WINDOWS, DoraWindow } from '@internal/plugin-dora-common';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';

/** 30 or 90 days: every figure on the page is over the window picked here. */
export function WindowSwitch(props: { value: DoraWindow; onChange: (window: DoraWindow) => void }) {
  return (
    <ButtonGroup size="small" aria-label="Metrics window">
      {(Object.keys(DORA_WINDOWS) as DoraWindow[]).map(window => (
        <Button
          key={window}
          variant={window === props.value ? 'contained' : 'outlined'}
          color={window === props.value ? 'primary' : 'default'}
          aria-pressed={window === props.value}
          onClick={() => props.onChange(window)}
        >
          {DORA_WINDOWS[window]} days
        </Button>
      ))}
    </ButtonGroup>
  );
}
