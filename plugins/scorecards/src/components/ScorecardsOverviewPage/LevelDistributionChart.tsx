import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { levelColor, levelLabel, NO_LEVEL } from '../levelColors';

export interface LevelDistribution {
  name: string;
  levelCounts: Record<string, number>;
}

/** One horizontal bar per team (or scorecard), split by how many entities reached each level. */
export function LevelDistributionChart(props: { data: LevelDistribution[]; levels: string[]; height?: number }) {
  const order = [NO_LEVEL, ...props.levels];
  const data = props.data.map(d => ({ name: d.name, ...d.levelCounts }));
  return (
    <ResponsiveContainer width="100%" height={props.height ?? Math.max(160, 36 * data.length + 60)}>
      <BarChart data={data} layout="vertical" margin={{ left: 24, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={150} />
        <Tooltip />
        <Legend />
        {order.map(level => (
          <Bar key={level} dataKey={level} name={levelLabel(level)} stackId="levels" fill={levelColor(level, props.levels)} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
