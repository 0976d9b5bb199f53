import { WeeklyDoraPoint } from '@internal/plugin-dora-common';
import { durationTicks, formatDuration } from '@internal/portal-react';
import { useTheme } from '@material-ui/core/styles';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { weekLabel } from './weekLabel';

const LEAD = 'Median lead time';
const RECOVERY = 'Median recovery';

/**
 * Per week: the median lead time of the commits shipped and the median recovery of the
 * deployments that failed, each to its own service's next success. A week without any
 * is a gap, not a zero.
 */
export function DurationsTrendChart(props: { weekly: WeeklyDoraPoint[]; timeZone: string; height?: number }) {
  const theme = useTheme();
  const data = props.weekly.map(p => ({
    week: weekLabel(p.weekStart, props.timeZone),
    [LEAD]: p.medianLeadTimeSeconds,
    [RECOVERY]: p.medianRecoverySeconds,
  }));
  const ticks = durationTicks(Math.max(0, ...props.weekly.flatMap(p => [p.medianLeadTimeSeconds ?? 0, p.medianRecoverySeconds ?? 0])));
  const tick = { fontSize: 11, fill: theme.palette.text.secondary };
  return (
    <figure
      style={{ margin: 0 }}
      aria-label={`Median lead time and recovery per week: ${props.weekly
        .map(
          p =>
            `${weekLabel(p.weekStart, props.timeZone)}: lead time ${formatDuration(p.medianLeadTimeSeconds)}, recovery ${formatDuration(
              p.medianRecoverySeconds,
            )}`,
        )
        .join('; ')}`}
    >
      <ResponsiveContainer width="100%" height={props.height ?? 220}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} />
          <XAxis dataKey="week" tick={tick} />
          <YAxis ticks={ticks} domain={[0, ticks[ticks.length - 1]]} tickFormatter={(s: number) => formatDuration(s)} tick={tick} width={64} />
          <Tooltip
            formatter={value => (value === null || value === undefined ? 'none that week' : formatDuration(Number(value)))}
            contentStyle={{ background: theme.palette.background.paper, border: `1px solid ${theme.palette.divider}` }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line type="linear" dataKey={LEAD} stroke={theme.palette.primary.main} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
          <Line type="linear" dataKey={RECOVERY} stroke="#8e24aa" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
