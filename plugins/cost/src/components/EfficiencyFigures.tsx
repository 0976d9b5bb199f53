import { Efficiency } from '@internal/plugin-cost-common';
import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { formatPercent } from './format';

const LOW = 0.4;

/** Usage against requests: a low figure means the service pays for capacity it does not use. */
export function EfficiencyFigures(props: { efficiency: Efficiency }) {
  const { cpu, ram, total } = props.efficiency;
  const row = (label: string, value: number | null) => (
    <Box display="flex" justifyContent="space-between" my={0.5}>
      <Typography variant="body2">{label}</Typography>
      <Typography
        variant="body2"
        color={value !== null && value < LOW ? 'error' : 'textPrimary'}
      >
        {value === null ? 'not measured' : formatPercent(value)}
      </Typography>
    </Box>
  );
  return (
    <Box component="section" aria-label="Efficiency">
      <Tooltip title="Average usage divided by average requests, weighted by what each resource cost. Below 40% the service requests much more than it uses.">
        <Typography variant="subtitle2" component="h3" tabIndex={0}>
          Efficiency (usage ÷ requests)
        </Typography>
      </Tooltip>
      {row('CPU', cpu)}
      {row('RAM', ram)}
      {row('Overall', total)}
    </Box>
  );
}
