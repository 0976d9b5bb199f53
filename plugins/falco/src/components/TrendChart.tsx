import { useTheme } from '@material-ui/core/styles';
import { FALCO_PRIORITIES, FalcoDailyCounts, PRIORITY_LABELS } from '@internal/plugin-falco-common';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { priorityColor } from './PriorityChip';

/** Events per day, stacked by priority, most severe at the bottom. */
export function TrendChart(props: { trend: FalcoDailyCounts[] }) {
  const theme = useTheme();
  const data = props.trend.map(d => ({ day: d.day.slice(5), ...d.counts }));
  return (
    <div role="img" aria-label={`Falco events per day over ${props.trend.length} days, by priority`}>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fill: theme.palette.text.secondary, fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fill: theme.palette.text.secondary, fontSize: 12 }} />
          <Tooltip
            contentStyle={{ background: theme.palette.background.paper, border: `1px solid ${theme.palette.divider}` }}
          />
          {/* recharts 2 lists legend items in the order the bars are declared: by severity. */}
          <Legend />
          {FALCO_PRIORITIES.map(priority => (
            <Bar
              key={priority}
              dataKey={priority}
              name={PRIORITY_LABELS[priority]}
              stackId="priority"
              fill={priorityColor(theme, priority)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
