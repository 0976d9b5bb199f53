import { InfoCard } from '@backstage/core-components';
import { formatTarget, formatValue, IndicatorReport, RATING_LABELS } from '@internal/plugin-platform-review-common';
import { DemoDataLabel, StaleDataNotice } from '@internal/portal-react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { IndicatorSparkline } from './IndicatorSparkline';
import { RatingChip } from './RatingChip';

/** One indicator: this week against its target, 12-week trend, teams and what changed. */
export function IndicatorCard(props: { indicator: IndicatorReport; partial: boolean }) {
  const { indicator } = props;
  return (
    <InfoCard title={indicator.title} subheader={`From the ${indicator.source}`}>
      <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 12 }} mb={1}>
        <Typography variant="h4" component="p" aria-label={`${indicator.title} this week`}>
          {formatValue(indicator, indicator.value)}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          target {formatTarget(indicator)}
          {props.partial && indicator.value !== null ? ' (week so far)' : ''}
        </Typography>
        <RatingChip rating={indicator.rating} />
        {indicator.demo && <DemoDataLabel source={indicator.source} />}
      </Box>
      {indicator.unavailableReason && (
        <Typography variant="body2" color="textSecondary" paragraph>
          Why: {indicator.unavailableReason}
        </Typography>
      )}
      {indicator.lastError && <StaleDataNotice source={indicator.source} lastSuccessAt={null} error={indicator.lastError} />}
      <IndicatorSparkline indicator={indicator} />
      {indicator.teams.length > 0 && (
        <Table size="small" aria-label={`${indicator.title} per team`}>
          <TableHead>
            <TableRow>
              <TableCell>Team</TableCell>
              <TableCell align="right">This week</TableCell>
              <TableCell>Status</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {indicator.teams.map(team => (
              <TableRow key={team.teamRef}>
                <TableCell>{team.teamRef.replace(/^group:default\//, '')}</TableCell>
                <TableCell align="right">{formatValue(indicator, team.value)}</TableCell>
                <TableCell>{team.rating ? RATING_LABELS[team.rating] : 'no per-team target'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Box mt={1}>
        <Typography variant="subtitle2" component="h3">
          What changed this week
        </Typography>
        {indicator.changes.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No service moved it.
          </Typography>
        ) : (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {indicator.changes.map(change => (
              <li key={change.entityRef + change.description}>
                <Typography variant="body2">
                  <strong>{change.entityRef.replace(/^component:default\//, '')}</strong>: {change.description}
                </Typography>
              </li>
            ))}
          </ul>
        )}
      </Box>
    </InfoCard>
  );
}
