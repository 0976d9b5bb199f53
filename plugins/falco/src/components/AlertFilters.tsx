import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { makeStyles } from '@material-ui/core/styles';
import { FALCO_PRIORITIES, FalcoPriority, PRIORITY_LABELS } from '@internal/plugin-falco-common';

/**
 * "Last 7 days" and "Last 30 days" are days as the card and the overview count them
 * (lastDaysWindow: today and the UTC days before it), asked of the backend as `days`;
 * "Last 24 hours" is a rolling 24 hours.
 */
export const TIME_RANGES = [
  { value: '24h', label: 'Last 24 hours', hours: 24, days: undefined },
  { value: '7d', label: 'Last 7 days', hours: undefined, days: 7 },
  { value: '30d', label: 'Last 30 days', hours: undefined, days: 30 },
  { value: 'all', label: 'All retained', hours: undefined, days: undefined },
] as const;

export type TimeRange = (typeof TIME_RANGES)[number]['value'];

export interface AlertFilterValues {
  priorities: FalcoPriority[];
  rule: string;
  range: TimeRange;
}

const useStyles = makeStyles(theme => ({
  control: { minWidth: 200, marginRight: theme.spacing(2) },
}));

/** Priority, rule and time filters for an alert list. */
export function AlertFilters(props: {
  value: AlertFilterValues;
  rules: string[];
  onChange: (value: AlertFilterValues) => void;
}) {
  const classes = useStyles();
  const { value, onChange } = props;
  return (
    <Box display="flex" flexWrap="wrap" mb={2}>
      <FormControl className={classes.control} size="small">
        <InputLabel id="falco-priority-label" shrink>Priority</InputLabel>
        <Select
          labelId="falco-priority-label"
          multiple
          value={value.priorities}
          onChange={e => onChange({ ...value, priorities: e.target.value as FalcoPriority[] })}
          renderValue={selected =>
            (selected as FalcoPriority[]).length === 0
              ? 'All'
              : (selected as FalcoPriority[]).map(p => PRIORITY_LABELS[p]).join(', ')
          }
          displayEmpty
        >
          {FALCO_PRIORITIES.map(p => (
            <MenuItem key={p} value={p}>
              <Checkbox checked={value.priorities.includes(p)} size="small" />
              <ListItemText primary={PRIORITY_LABELS[p]} />
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl className={classes.control} size="small">
        <InputLabel id="falco-rule-label" shrink>Rule</InputLabel>
        <Select
          labelId="falco-rule-label"
          value={value.rule}
          onChange={e => onChange({ ...value, rule: e.target.value as string })}
          displayEmpty
          renderValue={selected => (selected ? String(selected) : 'All')}
        >
          <MenuItem value="">All rules</MenuItem>
          {props.rules.map(rule => (
            <MenuItem key={rule} value={rule}>
              {rule}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl className={classes.control} size="small">
        <InputLabel id="falco-time-label">Time</InputLabel>
        <Select
          labelId="falco-time-label"
          value={value.range}
          onChange={e => onChange({ ...value, range: e.target.value as TimeRange })}
        >
          {TIME_RANGES.map(r => (
            <MenuItem key={r.value} value={r.value}>
              {r.label}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
    </Box>
  );
}

/** The alerts query for a time range: `days` for day windows, `since` for hours. */
export function rangeQuery(range: TimeRange, now = Date.now()): { days?: number; since?: Date } {
  const { hours, days } = TIME_RANGES.find(r => r.value === range) ?? {};
  if (days !== undefined) return { days };
  return hours === undefined ? {} : { since: new Date(now - hours * 3_600_000) };
}
