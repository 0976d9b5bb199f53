import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { SloSeries } from '@internal/plugin-slo-common';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatBurn, formatChartDay } from './sloFormat';

const formatTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** Burn rate per step over the window, with the sustainable rate and the page thresholds marked. */
export function BurnRateChart(props: { series: SloSeries; title: string }) {
  const theme = useTheme();
  return (
    <figure aria-label={props.title} style={{ margin: 0 }}>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={props.series.points} margin={{ top: 8, right: 48, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="at" tickFormatter={formatChartDay} minTickGap={40} />
          {/* Always up to at least 1.2× so the sustainable rate is in view for context. */}
          <YAxis
            domain={[0, (dataMax: number) => Math.max(1.2, Math.ceil(dataMax * 1.1 * 10) / 10)]}
            tickFormatter={(v: number) => `${Number(v.toFixed(v < 10 ? 1 : 0))}×`}
            width={56}
          />
          <Tooltip
            labelFormatter={label => formatTime(String(label))}
            formatter={value => [formatBurn(typeof value === 'number' ? value : null), `Burn over ${props.series.stepMinutes / 60} h`]}
          />
          <ReferenceLine y={1} stroke={theme.palette.success.main} strokeDasharray="4 4" label={{ value: '1×', position: 'right' }} />
          <ReferenceLine y={6} stroke={theme.palette.warning.main} strokeDasharray="4 4" label={{ value: '6×', position: 'right' }} />
          <ReferenceLine y={14.4} stroke={theme.palette.error.main} strokeDasharray="4 4" label={{ value: '14.4×', position: 'right' }} />
          <Line
            type="stepAfter"
            dataKey="burnRate"
            stroke={theme.palette.primary.main}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        </LineChart>
      </ResponsiveContainer>
      <Typography component="figcaption" variant="caption" color="textSecondary">
        {props.title}: burn per {props.series.stepMinutes / 60}-hour step; 1× spends the budget
        exactly over the window, 6× and 14.4× are the page thresholds.
      </Typography>
    </figure>
  );
}
