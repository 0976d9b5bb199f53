import { formatMoney } from '@internal/portal-react';
import { useTheme } from '@material-ui/core/styles';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDay } from './format';

export interface TrendSeries {
  key: string;
  label: string;
  colour: string;
}

/**
 * Stacked daily spend; `points` have a `day` and one number per series key. A day no
 * source has answered for carries null and is drawn as a gap, never as a dip to zero.
 */
export function CostTrendChart(props: {
  points: Array<Record<string, number | string | null>>;
  series: TrendSeries[];
  height?: number;
  /** Describes the chart for screen readers. */
  title: string;
}) {
  const theme = useTheme();
  const { points, series, height = 240, title } = props;
  return (
    <div role="img" aria-label={title} style={{ width: '100%', height }}>
      <ResponsiveContainer>
        <AreaChart
          data={points}
          margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
          <XAxis
            dataKey="day"
            tickFormatter={formatDay}
            minTickGap={24}
            tick={{ fill: theme.palette.text.secondary, fontSize: 12 }}
          />
          <YAxis
            tickFormatter={(value: number) =>
              formatMoney(value, { compact: true })
            }
            width={64}
            tick={{ fill: theme.palette.text.secondary, fontSize: 12 }}
          />
          <Tooltip
            labelFormatter={label => formatDay(String(label))}
            formatter={(value, name) => [
              value === null || value === undefined
                ? 'not read yet'
                : formatMoney(Number(value)),
              name,
            ]}
            contentStyle={{
              background: theme.palette.background.paper,
              border: `1px solid ${theme.palette.divider}`,
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map(s => (
            <Area
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stackId="cost"
              stroke={s.colour}
              fill={s.colour}
              fillOpacity={0.7}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
