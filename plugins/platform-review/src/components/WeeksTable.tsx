import { formatValue, IndicatorReport, statusLabel } from '@internal/plugin-platform-review-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { REVIEW_FORMATTERS } from '../format/reviewFormatters';
import { RATING_COLOURS } from './RatingChip';

/** The 12 weeks in words, newest first, behind a disclosure: the chart's figures for reading and for screen readers. */
export function WeeksTable(props: { indicator: IndicatorReport }) {
  const { indicator } = props;
  return (
    <details style={{ margin: '4px 0 8px' }}>
      <summary>
        <Typography variant="caption" component="span">
          All {indicator.history.length} weeks
        </Typography>
      </summary>
      <Table size="small" aria-label={`${indicator.title}, week by week`}>
        <TableHead>
          <TableRow>
            <TableCell>Week</TableCell>
            <TableCell align="right">Value</TableCell>
            <TableCell>Status</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {[...indicator.history].reverse().map(point => (
            <TableRow key={point.isoWeek}>
              <TableCell>{point.isoWeek}</TableCell>
              <TableCell align="right">{formatValue(indicator, point.value, REVIEW_FORMATTERS)}</TableCell>
              <TableCell style={{ color: point.value === null ? undefined : RATING_COLOURS[point.rating ?? 'unknown'] }}>
                {statusLabel(point.value, point.rating)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </details>
  );
}
