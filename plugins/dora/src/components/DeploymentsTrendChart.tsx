import { WeeklyDoraPoint } from '@internal/plugin-dora-common';
import { useTheme } from '@material-ui/core/styles';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from './format';
import { weekLabel } from './weekLabel';

const FAIL_RATE = 'Change fail rate';

/**
 * Deployments per week (successful and failed, stacked) with the week's change fail rate,
 * so a run of failures shows at a glance.
 */
export function DeploymentsTrendChart(props: { weekly: WeeklyDoraPoint[]; timeZone: string; height?: number; showFailRate?: boolean }) {
  const theme = useTheme();
  const showFailRate = props.showFailRate ?? true;
  const data = props.weekly.map(p => ({
    week: weekLabel(p.weekStart, props.timeZone),
    Deployments: p.deployments,
    Failed: p.failures,
    [FAIL_RATE]: p.changeFailRate === null ? null : Math.round(p.changeFailRate * 1000) / 10,
  }));
  const total = props.weekly.reduce((sum, p) => sum + p.deployments + p.failures, 0);
  const tick = { fontSize: 11, fill: theme.palette.text.secondary };
  return (
    <figure
      style={{ margin: 0 }}
      aria-label={`Deployments per week over the last ${props.weekly.length} weeks: ${total} in all. ${props.weekly
        .map(p => `${weekLabel(p.weekStart, props.timeZone)}: ${p.deployments} succeeded, ${p.failures} failed, fail rate ${formatPercent(p.changeFailRate)}`)
        .join('; ')}`}
    >
      <ResponsiveContainer width="100%" height={props.height ?? 240}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
          <XAxis dataKey="week" tick={tick} />
          <YAxis yAxisId="count" allowDecimals={false} tick={tick} />
          {showFailRate && <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} tick={tick} />}
          <Tooltip
            formatter={(value, name) => {
              if (name !== FAIL_RATE) return value;
              return value === null || value === undefined ? 'nothing finished' : `${value}%`;
            }}
            contentStyle={{ background: theme.palette.background.paper, border: `1px solid ${theme.palette.divider}` }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="count" dataKey="Deployments" stackId="d" fill="#2e7d32" isAnimationActive={false} />
          <Bar yAxisId="count" dataKey="Failed" stackId="d" fill="#c62828" isAnimationActive={false} />
          {showFailRate && (
            <Line
              yAxisId="rate"
              type="linear"
              dataKey={FAIL_RATE}
              stroke="#ef6c00"
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
