import { InfoCard } from '@backstage/core-components';
import {
  describeChange,
  formatTarget,
  formatValue,
  indicatorRule,
  IndicatorReport,
  NO_DATA,
  statusLabel,
  WeeklyReview,
} from '@internal/plugin-platform-review-common';
import { DemoDataLabel, StaleDataNotice } from '@internal/portal-react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { REVIEW_FORMATTERS } from '../format/reviewFormatters';
import { IndicatorSparkline } from './IndicatorSparkline';
import { RatingChip } from './RatingChip';
import { WeeksTable } from './WeeksTable';

/** "W33 to W40": the weeks without data, listed by name. */
function noDataWeeks(indicator: IndicatorReport): string | null {
  const weeks = indicator.history.filter(p => p.value === null).map(p => p.isoWeek.slice(5));
  if (weeks.length === 0) return null;
  return weeks.join(', ');
}

/** One indicator: this week against its target, its rule, 12-week trend, teams and what changed. */
export function IndicatorCard(props: { indicator: IndicatorReport; review: WeeklyReview }) {
  const { indicator, review } = props;
  const missing = noDataWeeks(indicator);
  return (
    <InfoCard title={indicator.title} subheader={`From the ${indicator.source}`}>
      <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 12 }} mb={1}>
        <Typography variant="h4" component="p" aria-label={`${indicator.title} this week`}>
          {formatValue(indicator, indicator.value, REVIEW_FORMATTERS)}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          target {formatTarget(indicator, REVIEW_FORMATTERS)}
          {review.partial && indicator.value !== null ? ' (week so far)' : ''}
        </Typography>
        <RatingChip rating={indicator.rating} />
        {indicator.demo && <DemoDataLabel source={indicator.source} />}
      </Box>
      <Typography variant="caption" color="textSecondary" component="p" paragraph>
        {indicatorRule(indicator, review, REVIEW_FORMATTERS)}
      </Typography>
      {indicator.unavailableReason && (
        <Typography variant="body2" color="textSecondary" paragraph>
          Why: {indicator.unavailableReason}
        </Typography>
      )}
      {indicator.lastError && <StaleDataNotice source={indicator.source} lastSuccessAt={null} error={indicator.lastError} />}
      <IndicatorSparkline indicator={indicator} />
      {missing && (
        <Typography variant="caption" color="textSecondary" component="p">
          {NO_DATA[0].toUpperCase() + NO_DATA.slice(1)} for {missing}
          {indicator.noDataReason ? ` (${indicator.noDataReason})` : ''}.
        </Typography>
      )}
      <WeeksTable indicator={indicator} />
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
                <TableCell align="right">{formatValue(indicator, team.value, REVIEW_FORMATTERS)}</TableCell>
                <TableCell>{statusLabel(team.value, team.rating)}</TableCell>
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
              <li key={change.entityRef + change.description + (change.values?.thisWeek ?? '')}>
                <Typography variant="body2">
                  <strong>{change.entityRef.replace(/^component:default\//, '')}</strong>:{' '}
                  {describeChange(indicator, change, REVIEW_FORMATTERS)}
                </Typography>
              </li>
            ))}
          </ul>
        )}
      </Box>
    </InfoCard>
  );
}
