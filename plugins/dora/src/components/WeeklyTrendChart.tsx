import { WeeklyDoraPoint } from '@internal/plugin-dora-common';
import { useTheme } from '@material-ui/core/styles';
import { DateTime } from 'luxon';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * Deployments per week (successful and failed, stacked) with the week's median lead time,
 * so a slowing pipeline or a run of failures shows at a glance.
 */
export function WeeklyTrendChart(props: { weekly: WeeklyDoraPoint[]; height?: number; showLeadTime?: boolean }) {
  const theme = useTheme();
  const data = props.weekly.map(p => ({
    week: DateTime.fromISO(p.weekStart, { zone: 'utc' }).toFormat('d LLL'),
    Deployments: p.deployments,
    Failed: p.failures,
    'Median lead time (h)': p.medianLeadTimeSeconds === null ? null : Math.round((p.medianLeadTimeSeconds / 3600) * 10) / 10,
  }));
  const showLeadTime = props.showLeadTime ?? true;
  const total = props.weekly.reduce((sum, p) => sum + p.deployments + p.failures, 0);
  return (
    <figure style={{ margin: 0 }} aria-label={`Deployments per week over the last ${props.weekly.length} weeks: ${total} in all`}>
      <ResponsiveContainer width="100%" height={props.height ?? 260}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
          <XAxis dataKey="week" tick={{ fontSize: 11, fill: theme.palette.text.secondary }} />
          <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 11, fill: theme.palette.text.secondary }} />
          {showLeadTime && (
            <YAxis
              yAxisId="hours"
              orientation="right"
              tickFormatter={(hours: number) => `${hours} h`}
              tick={{ fontSize: 11, fill: theme.palette.text.secondary }}
            />
          )}
          <Tooltip contentStyle={{ background: theme.palette.background.paper, border: `1px solid ${theme.palette.divider}` }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="count" dataKey="Deployments" stackId="d" fill="#2e7d32" isAnimationActive={false} />
          <Bar yAxisId="count" dataKey="Failed" stackId="d" fill="#c62828" isAnimationActive={false} />
          {showLeadTime && (
            <Line
              yAxisId="hours"
              type="linear"
              dataKey="Median lead time (h)"
              stroke={theme.palette.primary.main}
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
