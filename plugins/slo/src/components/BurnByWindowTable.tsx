import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { MULTI_WINDOW_BURN_RATE_ALERTS, WindowBurn } from '@internal/plugin-slo-common';
import { formatBurn } from './sloFormat';

const useStyles = makeStyles(theme => ({
  cell: { padding: theme.spacing(0.5, 1), textAlign: 'center' },
  page: { color: theme.palette.error.main, fontWeight: 700 },
  ticket: { color: theme.palette.warning.dark, fontWeight: 700 },
}));

/** The lowest alert factor that uses this window, so a cell can say "this alone would alert". */
function severityAt(window: string, burn: number | null): 'page' | 'ticket' | undefined {
  if (burn === null) return undefined;
  const alerts = MULTI_WINDOW_BURN_RATE_ALERTS.filter(
    a => a.longWindow === window || a.shortWindow === window,
  );
  const reached = alerts.filter(a => burn >= a.factor);
  if (reached.some(a => a.severity === 'page')) return 'page';
  if (reached.some(a => a.severity === 'ticket')) return 'ticket';
  return undefined;
}

/** Burn rate per reporting window, windows as columns; over-threshold figures in colour and bold. */
export function BurnByWindowTable(props: { windows: WindowBurn[]; caption: string }) {
  const classes = useStyles();
  return (
    <Table size="small" aria-label={props.caption}>
      <TableHead>
        <TableRow>
          {props.windows.map(w => (
            <TableCell key={w.window} className={classes.cell}>
              {w.window}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        <TableRow>
          {props.windows.map(w => {
            const severity = severityAt(w.window, w.burnRate);
            return (
              <TableCell
                key={w.window}
                className={`${classes.cell} ${severity ? classes[severity] : ''}`}
                title={severity ? `At or above a ${severity} threshold for this window` : undefined}
              >
                {formatBurn(w.burnRate)}
              </TableCell>
            );
          })}
        </TableRow>
      </TableBody>
    </Table>
  );
}
