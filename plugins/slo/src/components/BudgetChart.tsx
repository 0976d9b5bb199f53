import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { SloSeries } from '@internal/plugin-slo-common';
import {
  Area,
  AreaChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatBudget, formatChartDay } from './sloFormat';


/** How the window's error budget was consumed, step by step, down to what is left now. */
export function BudgetChart(props: { series: SloSeries; title: string }) {
  const theme = useTheme();
  const last = props.series.points[props.series.points.length - 1]?.budgetRemaining ?? null;
  const colour = last !== null && last <= 0 ? theme.palette.error.main : theme.palette.success.main;
  return (
    <figure aria-label={props.title} style={{ margin: 0 }}>
      <ResponsiveContainer width="100%" height={240}>
        <AreaChart data={props.series.points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="at" tickFormatter={formatChartDay} minTickGap={40} />
          <YAxis tickFormatter={(v: number) => `${Math.round(v * 100)}%`} width={48} />
          <Tooltip
            labelFormatter={label => new Date(String(label)).toLocaleString()}
            formatter={value => [formatBudget(typeof value === 'number' ? value : null), 'Budget left']}
          />
          <ReferenceLine y={0} stroke={theme.palette.error.main} />
          <Area
            type="monotone"
            dataKey="budgetRemaining"
            stroke={colour}
            fill={colour}
            fillOpacity={0.2}
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
      <Typography component="figcaption" variant="caption" color="textSecondary">
        {props.title}: the share of the window's error budget left as the window filled; below
        0% the budget is exhausted.
      </Typography>
    </figure>
  );
}
