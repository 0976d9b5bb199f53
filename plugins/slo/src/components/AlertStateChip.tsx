import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { SloAlertState } from '@internal/plugin-slo-common';
import { ALERT_STATE_LABEL } from './sloFormat';

const useStyles = makeStyles(theme => ({
  page: { backgroundColor: theme.palette.error.main, color: theme.palette.error.contrastText },
  ticket: { backgroundColor: theme.palette.warning.main, color: theme.palette.warning.contrastText },
  ok: { backgroundColor: theme.palette.success.main, color: theme.palette.success.contrastText },
  'no-data': {},
}));

/** The multi-window alert state, in words and colour (never colour alone). */
export function AlertStateChip(props: { state: SloAlertState; exhausted?: boolean }) {
  const classes = useStyles();
  const label = props.exhausted && props.state !== 'page'
    ? `${ALERT_STATE_LABEL[props.state]} · budget exhausted`
    : ALERT_STATE_LABEL[props.state];
  return <Chip size="small" label={label} className={classes[props.state]} />;
}
