import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { SloItem } from '@internal/plugin-slo-common';
import { formatTarget } from './sloFormat';

/** What the SLO measures: target, window, Prometheus and the SLI's selectors. */
export function SloDefinitionPanel({ slo }: { slo: SloItem }) {
  const rows: Array<[string, string]> = [
    ['Objective', `${formatTarget(slo.target)} of events good over a rolling ${slo.window}`],
    ['Prometheus', slo.prometheus],
    'bad' in slo.indicator
      ? ['Bad events', slo.indicator.bad]
      : ['Good events', slo.indicator.good],
    ['All events', slo.indicator.total],
  ];
  return (
    <Table size="small" aria-label={`${slo.displayName} definition`}>
      <TableBody>
        {rows.map(([label, value]) => (
          <TableRow key={label}>
            <TableCell component="th" scope="row" style={{ width: 140 }}>
              {label}
            </TableCell>
            <TableCell>
              <code>{value}</code>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
