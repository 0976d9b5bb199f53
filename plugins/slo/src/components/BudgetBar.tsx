import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { formatBudget } from './sloFormat';

const useStyles = makeStyles(theme => ({
  bar: { height: 8, borderRadius: 4, flex: 1 },
  healthy: { backgroundColor: theme.palette.success.main },
  low: { backgroundColor: theme.palette.warning.main },
  gone: { backgroundColor: theme.palette.error.main },
}));

/** Error budget left as a bar (green, amber under 25%, red when exhausted) with its figure. */
export function BudgetBar(props: { remaining: number | null; label: string }) {
  const classes = useStyles();
  const { remaining } = props;
  const value = remaining === null ? 0 : Math.max(0, Math.min(1, remaining)) * 100;
  let barClass = classes.healthy;
  if (remaining !== null && remaining <= 0) barClass = classes.gone;
  else if (remaining !== null && remaining < 0.25) barClass = classes.low;
  return (
    <Box display="flex" alignItems="center" gridGap={8}>
      <LinearProgress
        variant="determinate"
        value={value}
        className={classes.bar}
        classes={{ bar: barClass }}
        aria-label={props.label}
        aria-valuetext={formatBudget(remaining)}
      />
      <Typography variant="body2" style={{ minWidth: 110, textAlign: 'right' }}>
        {formatBudget(remaining)}
      </Typography>
    </Box>
  );
}
