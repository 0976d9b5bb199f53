import Box from '@material-ui/core/Box';
import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Chip from '@material-ui/core/Chip';
import CloseIcon from '@material-ui/icons/Close';
import { makeStyles } from '@material-ui/core/styles';
import { FalcoAlert } from '@internal/plugin-falco-common';
import { PriorityChip } from './PriorityChip';
import { formatTime } from './formatTime';

const useStyles = makeStyles(theme => ({
  paper: { width: 640, maxWidth: '100vw', padding: theme.spacing(3) },
  output: {
    fontFamily: 'monospace',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
    background: theme.palette.background.default,
    padding: theme.spacing(1.5),
    borderRadius: theme.shape.borderRadius,
  },
  key: { fontFamily: 'monospace', whiteSpace: 'nowrap', verticalAlign: 'top', width: '35%' },
  value: { fontFamily: 'monospace', wordBreak: 'break-all' },
}));

const MAPPED_BY: Record<string, string> = {
  'pod-label': 'pod label backstage.io/kubernetes-id',
  'label-selector': 'backstage.io/kubernetes-label-selector',
  'container-image': 'devportal.io/container-image',
  'pod-name': 'pod name and backstage.io/kubernetes-namespace',
  namespace: 'backstage.io/kubernetes-namespace',
};

function Row(props: { name: string; value: React.ReactNode }) {
  const classes = useStyles();
  return (
    <TableRow>
      <TableCell component="th" scope="row" className={classes.key}>
        {props.name}
      </TableCell>
      <TableCell className={classes.value}>{props.value}</TableCell>
    </TableRow>
  );
}

function show(value: unknown) {
  if (value === null) return <em>null</em>;
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** Every field Falco sent for one event, in a side drawer. */
export function AlertDetailDrawer(props: { alert?: FalcoAlert; onClose: () => void }) {
  const classes = useStyles();
  const { alert } = props;
  return (
    <Drawer anchor="right" open={Boolean(alert)} onClose={props.onClose} classes={{ paper: classes.paper }}>
      {alert && (
        <Box role="dialog" aria-label={`Falco event: ${alert.rule}`}>
          <Box display="flex" alignItems="center" justifyContent="space-between">
            <Typography variant="h5" component="h2">
              {alert.rule}
            </Typography>
            <IconButton aria-label="Close" onClick={props.onClose}>
              <CloseIcon />
            </IconButton>
          </Box>
          <Box my={1} display="flex" alignItems="center" style={{ gap: 8 }} flexWrap="wrap">
            <PriorityChip priority={alert.priority} />
            {alert.tags.map(tag => (
              <Chip key={tag} size="small" variant="outlined" label={tag} />
            ))}
          </Box>
          <Typography variant="subtitle2" gutterBottom>
            Output
          </Typography>
          <Typography variant="body2" className={classes.output}>
            {alert.output || '(no output)'}
          </Typography>
          <Box mt={2}>
            <Typography variant="subtitle2">Event</Typography>
            <Table size="small" aria-label="Event">
              <TableBody>
                <Row name="time" value={`${alert.time} (${formatTime(alert.time)})`} />
                <Row name="source" value={alert.source} />
                <Row name="hostname" value={show(alert.hostname)} />
                <Row name="id" value={alert.id} />
                <Row name="received" value={formatTime(alert.receivedAt)} />
                <Row
                  name="component"
                  value={alert.entityRef ? `${alert.entityRef} (by ${MAPPED_BY[alert.mappedBy ?? ''] ?? alert.mappedBy})` : 'unmapped'}
                />
              </TableBody>
            </Table>
          </Box>
          <Box mt={2}>
            <Typography variant="subtitle2">Output fields</Typography>
            <Table size="small" aria-label="Output fields">
              <TableBody>
                {Object.entries(alert.outputFields)
                  .sort(([a], [b]) => a.localeCompare(b))
                  .map(([name, value]) => (
                    <Row key={name} name={name} value={show(value)} />
                  ))}
              </TableBody>
            </Table>
          </Box>
        </Box>
      )}
    </Drawer>
  );
}
