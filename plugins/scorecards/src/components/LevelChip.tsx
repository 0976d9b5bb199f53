import Chip from '@material-ui/core/Chip';
import { levelColor, levelLabel } from './levelColors';

/** The level an entity reached on one scorecard. */
export function LevelChip(props: { level: string | null; levels: string[]; size?: 'small' | 'medium' }) {
  const color = levelColor(props.level, props.levels);
  return (
    <Chip
      size={props.size ?? 'small'}
      label={levelLabel(props.level)}
      style={{ backgroundColor: color, color: '#fff', fontWeight: 600 }}
    />
  );
}
