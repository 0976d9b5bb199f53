import {
  breakdownTotal,
  COST_CATEGORIES,
  COST_CATEGORY_LABELS,
  CostBreakdown,
} from '@internal/plugin-cost-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { formatPercent } from './format';
import { CATEGORY_COLOURS } from './palette';
import { formatMoney } from '@internal/portal-react';

/** Each category with spend: amount, share, and a bar for the share. */
export function CostBreakdownList(props: { breakdown: CostBreakdown }) {
  const total = breakdownTotal(props.breakdown);
  const rows = COST_CATEGORIES.filter(c => props.breakdown[c] !== 0).sort(
    (a, b) => props.breakdown[b] - props.breakdown[a],
  );
  return (
    <Box component="section" aria-label="Cost by category">
      <Typography variant="subtitle2" component="h3">
        By category
      </Typography>
      {rows.map(category => {
        const share = total > 0 ? props.breakdown[category] / total : 0;
        return (
          <Box
            key={category}
            display="flex"
            alignItems="center"
            my={0.5}
            style={{ gap: 8 }}
          >
            <Typography variant="body2" style={{ width: 110 }}>
              {COST_CATEGORY_LABELS[category]}
            </Typography>
            <Box
              flex={1}
              height={8}
              bgcolor="action.hover"
              borderRadius={4}
              aria-hidden
            >
              <Box
                height={8}
                width={`${Math.max(0, share) * 100}%`}
                borderRadius={4}
                style={{ background: CATEGORY_COLOURS[category] }}
              />
            </Box>
            <Typography
              variant="body2"
              style={{ width: 120, textAlign: 'right' }}
            >
              {formatMoney(props.breakdown[category])} ({formatPercent(share)})
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
}
