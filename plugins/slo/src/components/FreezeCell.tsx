import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';
import { formatAge } from '@internal/portal-react';
import { SloOverviewRow } from './useSloOverviewRows';

const useStyles = makeStyles(theme => ({
  frozen: { backgroundColor: theme.palette.error.main, color: theme.palette.error.contrastText },
  exempted: { backgroundColor: theme.palette.warning.main, color: theme.palette.warning.contrastText },
}));

/** The overview's Freeze column: frozen (since when, why), exempted, or a dash. */
export function FreezeCell({ row }: { row: SloOverviewRow }) {
  const classes = useStyles();
  if (!row.freeze) return <>–</>;
  if (!row.freeze.frozen) return <>No</>;
  const since = row.freeze.since ? ` ${formatAge(row.freeze.since)}` : '';
  const title = row.exemption
    ? `${row.freeze.reason}. Exempted until ${new Date(row.exemption.expiresAt).toLocaleString()} by ${row.exemption.createdBy}: ${row.exemption.reason}`
    : row.freeze.reason ?? '';
  return (
    <Tooltip title={title}>
      <Chip
        size="small"
        tabIndex={0}
        aria-label={`${row.exemption ? 'Frozen, exempted' : 'Frozen'}${since}. ${title}`}
        className={row.exemption ? classes.exempted : classes.frozen}
        label={`${row.exemption ? 'Frozen · exempted' : 'Frozen'}${since}`}
      />
    </Tooltip>
  );
}
