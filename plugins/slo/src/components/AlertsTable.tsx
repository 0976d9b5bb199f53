import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { SloStatus } from '@internal/plugin-slo-common';
import { formatBurn } from './sloFormat';

/** The four multi-window burn-rate alerts: thresholds, the burn in each window, firing or not. */
export function AlertsTable({ status, title }: { status: SloStatus; title: string }) {
  const burn = (window: string) => status.windows.find(w => w.window === window)?.burnRate ?? null;
  return (
    <Table size="small" aria-label={title}>
      <TableHead>
        <TableRow>
          <TableCell>Alert</TableCell>
          <TableCell>Fires at</TableCell>
          <TableCell>Long window</TableCell>
          <TableCell>Short window</TableCell>
          <TableCell>State</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {status.alerts.map(alert => (
          <TableRow key={`${alert.longWindow}/${alert.shortWindow}`}>
            <TableCell>{alert.severity === 'page' ? 'Page' : 'Ticket'}</TableCell>
            <TableCell>{alert.factor}× over {alert.longWindow} and {alert.shortWindow}</TableCell>
            <TableCell>{formatBurn(burn(alert.longWindow))}</TableCell>
            <TableCell>{formatBurn(burn(alert.shortWindow))}</TableCell>
            <TableCell>
              <FiringState firing={alert.firing} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function FiringState({ firing }: { firing: boolean | null }) {
  if (firing === null) return <>No data</>;
  return firing ? <strong>Firing</strong> : <>Not firing</>;
}
