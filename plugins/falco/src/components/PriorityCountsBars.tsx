import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { FALCO_PRIORITIES, PRIORITY_LABELS, PriorityCounts } from '@internal/plugin-falco-common';
import { priorityColor } from './PriorityChip';

/** One labelled bar per priority, scaled to the largest count; all eight always shown. */
export function PriorityCountsBars(props: { counts: PriorityCounts }) {
  const theme = useTheme();
  const max = Math.max(1, ...FALCO_PRIORITIES.map(p => props.counts[p]));
  return (
    <Box component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Events by priority">
      {FALCO_PRIORITIES.map(priority => (
        <Box component="li" key={priority} display="flex" alignItems="center" mb={0.5}>
          <Typography variant="body2" style={{ width: 110 }}>
            {PRIORITY_LABELS[priority]}
          </Typography>
          <Box flexGrow={1} mr={1} height={12} bgcolor="action.hover" borderRadius={2}>
            <Box
              height={12}
              borderRadius={2}
              style={{
                width: `${(props.counts[priority] / max) * 100}%`,
                background: priorityColor(theme, priority),
              }}
            />
          </Box>
          <Typography variant="body2" style={{ width: 40, textAlign: 'right' }} data-testid={`count-${priority}`}>
            {props.counts[priority]}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
