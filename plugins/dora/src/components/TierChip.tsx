import { DoraTier } from '@internal/plugin-dora-common';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { tierLabel } from './format';

export const TIER_COLORS: Record<DoraTier | 'none', string> = {
  elite: '#1b5e20',
  high: '#2e7d32',
  medium: '#b26a00',
  low: '#c62828',
  none: '#616161',
};

const EXPLANATION: Record<DoraTier | 'none', string> = {
  elite: 'Elite (DORA 2024): deploys on demand, lead time under a day, at most 5% of changes fail, recovery under an hour.',
  high: 'High (DORA 2024): deploys daily to weekly, lead time up to a week, at most 20% fail, recovery under a day.',
  medium: 'Medium (DORA 2024): deploys weekly to monthly, lead time up to a month, at most 10% fail, recovery under a day.',
  low: 'Low (DORA 2024): deploys less than monthly, or lead time, fail rate or recovery beyond the Medium cluster.',
  none: 'No successful production deployment in the window.',
};

/** The DORA 2024 performance tier, always written out (never colour alone). */
export function TierChip(props: { tier: DoraTier | null; size?: 'small' | 'medium' }) {
  const key = props.tier ?? 'none';
  return (
    <Tooltip title={EXPLANATION[key]}>
      <Chip
        label={tierLabel(props.tier)}
        size={props.size ?? 'small'}
        tabIndex={0}
        aria-label={`DORA tier: ${tierLabel(props.tier)}. ${EXPLANATION[key]}`}
        style={{ backgroundColor: TIER_COLORS[key], color: '#fff', fontWeight: 600 }}
      />
    </Tooltip>
  );
}
