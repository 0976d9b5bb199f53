import { formatTarget, formatValue, IndicatorReport, Rating, statusLabel } from '@internal/plugin-platform-review-common';
import Paper from '@material-ui/core/Paper';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, TooltipProps, XAxis, YAxis } from 'recharts';
import { durationTicks, formatDuration } from '@internal/portal-react';
import { REVIEW_FORMATTERS } from '../format/reviewFormatters';
import { RATING_COLOURS } from './RatingChip';

interface Point {
  week: string;
  isoWeek: string;
  /** Scaled for the axis (shares in %); null draws a gap. */
  value: number | null;
  raw: number | null;
  rating: Rating;
}

/** Week, value, target and that week's rating, for the point under the pointer or keyboard focus. */
function PointTooltip(props: TooltipProps<number, string> & { indicator: IndicatorReport }) {
  const point = props.payload?.[0]?.payload as Point | undefined;
  if (!props.active || !point) return null;
  return (
    <Paper elevation={3} style={{ padding: 8 }}>
      <Typography variant="body2">
        <strong>{point.isoWeek}</strong>
      </Typography>
      <Typography variant="body2">{formatValue(props.indicator, point.raw, REVIEW_FORMATTERS)}</Typography>
      <Typography variant="body2" color="textSecondary">
        target {formatTarget(props.indicator, REVIEW_FORMATTERS)}
      </Typography>
      <Typography variant="body2" style={{ color: RATING_COLOURS[point.rating], fontWeight: 600 }}>
        {statusLabel(point.raw, point.rating)}
      </Typography>
    </Paper>
  );
}

/** A week's point in the colour of its own rating; none for a week without data (a gap). */
function RatedDot(props: { cx?: number; cy?: number; payload?: Point; index?: number }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload || payload.value === null) return <g key={props.index} />;
  return (
    <circle
      key={props.index}
      cx={cx}
      cy={cy}
      r={4}
      fill={RATING_COLOURS[payload.rating]}
      stroke="#fff"
      strokeWidth={1}
      data-week={payload.isoWeek}
      data-rating={payload.rating}
    />
  );
}

/** The point under the pointer or keyboard focus, larger, still in its week's colour. */
function ActiveDot(props: { cx?: number; cy?: number; payload?: Point }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload || payload.value === null) return <g />;
  return <circle cx={cx} cy={cy} r={6} fill={RATING_COLOURS[payload.rating]} stroke="#fff" strokeWidth={2} />;
}

/**
 * The indicator over the last 12 weeks with its target as a dashed line: each point in the
 * colour of its own week's rating, axis values, and per point a tooltip with the value,
 * the target and the rating. Weeks without data are gaps.
 */
export function IndicatorSparkline(props: { indicator: IndicatorReport }) {
  const theme = useTheme();
  const { indicator } = props;
  // Plotted in percent for shares and in seconds for durations (round duration ticks).
  const scale = { '%': 100, min: 60 }[indicator.unit] ?? 1;
  const data: Point[] = indicator.history.map(p => ({
    week: p.isoWeek.slice(5),
    isoWeek: p.isoWeek,
    value: p.value === null ? null : p.value * scale,
    raw: p.value,
    rating: p.rating ?? 'unknown',
  }));
  const tick = { fontSize: 10, fill: theme.palette.text.secondary };
  const largest = Math.max(indicator.target * scale, ...data.map(p => p.value ?? 0));
  const ticks = indicator.unit === 'min' ? durationTicks(largest) : undefined;
  const tickLabel = (v: number) => {
    if (indicator.unit === 'min') return formatDuration(v);
    return indicator.unit === '%' ? `${v}%` : String(v);
  };
  // Other units are named once beside the axis; their ticks are plain numbers.
  const unitLabel = indicator.unit === 'min' || indicator.unit === '%' ? '' : indicator.unit;
  return (
    <figure
      style={{ margin: 0 }}
      aria-label={`${indicator.title} over the last ${indicator.history.length} weeks: ${indicator.history
        .map(p => `${p.isoWeek} ${formatValue(indicator, p.value, REVIEW_FORMATTERS)} (${statusLabel(p.value, p.rating)})`)
        .join(', ')}`}
    >
      <ResponsiveContainer width="100%" height={150}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 4 }} accessibilityLayer>
          <XAxis dataKey="week" tick={tick} interval="preserveStartEnd" />
          <YAxis
            domain={ticks ? [0, ticks[ticks.length - 1]] : [0, 'auto']}
            ticks={ticks}
            tickCount={4}
            width={indicator.unit === 'min' ? 56 : 48}
            tick={tick}
            tickFormatter={tickLabel}
            label={{ value: unitLabel, angle: -90, position: 'insideLeft', fontSize: 10, fill: theme.palette.text.secondary }}
          />
          <Tooltip content={<PointTooltip indicator={indicator} />} />
          <ReferenceLine y={indicator.target * scale} stroke={theme.palette.text.secondary} strokeDasharray="4 4" ifOverflow="extendDomain" />
          <Line
            type="linear"
            dataKey="value"
            name={indicator.title}
            stroke={theme.palette.divider}
            strokeWidth={2}
            dot={RatedDot}
            activeDot={ActiveDot}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
