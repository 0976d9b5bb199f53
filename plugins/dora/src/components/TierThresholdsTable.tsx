import { DORA_2024_CLUSTERS } from '@internal/plugin-dora-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { formatDuration } from '@internal/portal-react';
import { formatFrequency, formatPercent } from './format';
import { TierRuleNote } from './TierRuleNote';
import { TierChip } from './TierChip';

/** The bounds each tier requires, from the same constants the backend classifies with. */
export function TierThresholdsTable() {
  return (
    <>
      <Table size="small" aria-label="DORA 2024 tier bounds">
        <TableHead>
          <TableRow>
            <TableCell>Tier</TableCell>
            <TableCell>Deploys at least</TableCell>
            <TableCell>Lead time at most</TableCell>
            <TableCell>Fail rate at most</TableCell>
            <TableCell>Recovery at most</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {DORA_2024_CLUSTERS.map(cluster => (
            <TableRow key={cluster.tier}>
              <TableCell>
                <TierChip tier={cluster.tier} />
              </TableCell>
              <TableCell>{formatFrequency(cluster.minDeploysPerWeek / 7)}</TableCell>
              <TableCell>{formatDuration(cluster.maxLeadTimeSeconds)}</TableCell>
              <TableCell>{formatPercent(cluster.maxChangeFailRate)}</TableCell>
              <TableCell>{formatDuration(cluster.maxRecoverySeconds)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>
              <TierChip tier="low" />
            </TableCell>
            <TableCell colSpan={4}>everything else</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Typography variant="caption" color="textSecondary" component="p" style={{ marginTop: 8 }}>
        Medium's cluster fails less often than High's, so a Medium pace needs a lower fail rate.
      </Typography>
      <TierRuleNote team />
    </>
  );
}
