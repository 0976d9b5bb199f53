import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { FalcoPriority, PRIORITY_LABELS } from '@internal/plugin-falco-common';

/** One colour per priority, from the theme so dark mode works; shared with the charts. */
export function priorityColor(theme: Theme, priority: FalcoPriority): string {
  switch (priority) {
    case 'emergency':
      // Darker than Alert so the two stay apart in charts.
      return '#7f0000';
    case 'alert':
      return theme.palette.error.dark;
    case 'critical':
      return theme.palette.error.main;
    case 'error':
      return theme.palette.warning.dark;
    case 'warning':
      return theme.palette.warning.main;
    case 'notice':
      return theme.palette.info.main;
    case 'informational':
      return theme.palette.grey[500];
    default:
      return theme.palette.grey[400];
  }
}

const useStyles = makeStyles(theme => ({
  chip: (props: { priority: FalcoPriority }) => ({
    backgroundColor: priorityColor(theme, props.priority),
    color: theme.palette.getContrastText(priorityColor(theme, props.priority)),
    fontWeight: theme.typography.fontWeightMedium as number,
  }),
}));

export function PriorityChip(props: { priority: FalcoPriority; count?: number }) {
  const classes = useStyles({ priority: props.priority });
  const label = PRIORITY_LABELS[props.priority];
  return (
    <Chip
      size="small"
      className={classes.chip}
      label={props.count === undefined ? label : `${label}: ${props.count}`}
    />
  );
}
