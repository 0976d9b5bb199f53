import { DORA_TIERS_BEST_FIRST, DoraTier } from '@internal/plugin-dora-common';
import { useTheme } from '@material-ui/core/styles';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { tierLabel } from './format';
import { TIER_COLORS } from './TierChip';

/** How many services sit in each DORA tier. */
export function TierDistributionChart(props: { tiers: Array<DoraTier | null>; height?: number }) {
  const theme = useTheme();
  const keys: Array<DoraTier | null> = [...DORA_TIERS_BEST_FIRST, null];
  const data = keys.map(tier => ({
    tier: tierLabel(tier).replace('No deployments', 'None'),
    color: TIER_COLORS[tier ?? 'none'],
    Services: props.tiers.filter(t => t === tier).length,
  }));
  const summary = data.map(d => `${d.tier}: ${d.Services}`).join(', ');
  return (
    <figure style={{ margin: 0 }} aria-label={`Services per DORA tier. ${summary}`}>
      <ResponsiveContainer width="100%" height={props.height ?? 180}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -24 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={theme.palette.divider} vertical={false} />
          <XAxis dataKey="tier" tick={{ fontSize: 12, fill: theme.palette.text.secondary }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: theme.palette.text.secondary }} />
          <Tooltip contentStyle={{ background: theme.palette.background.paper, border: `1px solid ${theme.palette.divider}` }} />
          <Bar dataKey="Services" isAnimationActive={false}>
            {data.map(d => (
              <Cell key={d.tier} fill={d.color} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
