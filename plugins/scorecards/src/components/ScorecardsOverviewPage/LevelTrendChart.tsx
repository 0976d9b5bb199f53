import Typography from '@material-ui/core/Typography';
import { TrendPoint } from '@internal/plugin-scorecards-common';
import { DateTime } from 'luxon';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { levelColor, levelLabel, NO_LEVEL } from '../levelColors';

/** Entities at each level over time, one point per evaluation, for one scorecard. */
export function LevelTrendChart(props: { trend: TrendPoint[]; scorecardId: string; levels: string[]; height?: number }) {
  const order = [NO_LEVEL, ...props.levels];
  const data = props.trend
    .filter(point => point.scorecardId === props.scorecardId)
    .map(point => ({
      at: DateTime.fromISO(point.evaluatedAt).toFormat('d LLL HH:mm'),
      ...point.levelCounts,
    }));
  if (data.length < 2) {
    return (
      <Typography variant="body2" color="textSecondary" style={{ padding: 16 }}>
        {data.length === 0
          ? 'No evaluations in the history window yet.'
          : 'The trend appears after the second evaluation; levels are recorded on every run.'}
      </Typography>
    );
  }
  return (
    <ResponsiveContainer width="100%" height={props.height ?? 220}>
      <AreaChart data={data} margin={{ left: 0, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="at" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        {order.map(level => (
          <Area
            key={level}
            type="stepAfter"
            dataKey={level}
            name={levelLabel(level)}
            stackId="levels"
            stroke={levelColor(level, props.levels)}
            fill={levelColor(level, props.levels)}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}
