import { Rating, RATING_LABELS } from '@internal/plugin-platform-review-common';
import Chip from '@material-ui/core/Chip';

export const RATING_COLOURS: Record<Rating, string> = {
  green: '#2e7d32',
  amber: '#ed6c02',
  red: '#c62828',
  unknown: '#757575',
};

/** The rating in words with its colour, so colour never carries the meaning alone. */
export function RatingChip(props: { rating: Rating }) {
  const label = RATING_LABELS[props.rating];
  return (
    <Chip
      size="small"
      label={label}
      aria-label={`Status: ${label}`}
      style={{ backgroundColor: RATING_COLOURS[props.rating], color: '#fff', fontWeight: 600 }}
    />
  );
}
