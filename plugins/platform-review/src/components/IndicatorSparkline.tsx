import { formatValue, IndicatorReport } from '@internal/plugin-platform-review-common';
import { useTheme } from '@material-ui/core/styles';
import { Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { RATING_COLOURS } from './RatingChip';

/** The indicator over the last 12 weeks with its target as a dashed line. */
export function IndicatorSparkline(props: { indicator: IndicatorReport }) {
  const theme = useTheme();
  const { indicator } = props;
  const scale = indicator.unit === '%' ? 100 : 1;
  const data = indicator.history.map(p => ({ week: p.isoWeek.slice(5), value: p.value === null ? null : p.value * scale }));
  const known = indicator.history.filter(p => p.value !== null).length;
  return (
    <figure
      style={{ margin: 0 }}
      aria-label={`${indicator.title} over the last ${indicator.history.length} weeks: ${known} weeks with data, ${indicator.history
        .map(p => `${p.isoWeek} ${formatValue(indicator, p.value)}`)
        .join(', ')}`}
    >
      <ResponsiveContainer width="100%" height={90}>
        <LineChart data={data} margin={{ top: 6, right: 8, bottom: 0, left: 8 }}>
          <XAxis dataKey="week" tick={{ fontSize: 10, fill: theme.palette.text.secondary }} interval="preserveStartEnd" />
          <YAxis hide domain={[0, 'auto']} />
          <Tooltip
            formatter={value => formatValue(indicator, Number(value) / scale)}
            contentStyle={{ background: theme.palette.background.paper, border: `1px solid ${theme.palette.divider}` }}
          />
          <ReferenceLine y={indicator.target * scale} stroke={theme.palette.text.secondary} strokeDasharray="4 4" />
          <Line
            type="linear"
            dataKey="value"
            name={indicator.title}
            stroke={RATING_COLOURS[indicator.rating]}
            strokeWidth={2}
            dot={{ r: 2 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
