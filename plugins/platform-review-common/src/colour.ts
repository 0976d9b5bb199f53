import { IndicatorDirection } from './indicators';

export type Rating = 'green' | 'amber' | 'red' | 'unknown';

/** How far past the target a value may be and still be amber, as a share of the target. */
export const AMBER_TOLERANCE = 0.2;

/**
 * Green meets the target; amber misses it by at most 20% of the target; red misses it by
 * more. Unknown when there is no value. A target of 0 has no amber band: anything above it
 * (for lower-is-better indicators) is red.
 *
 * e.g. deploys/day target 20: 20 → green, 16 → amber, 15.9 → red;
 * lead time target 10 min: 10 → green, 12 → amber, 12.1 → red.
 */
export function rate(value: number | null, target: number, direction: IndicatorDirection): Rating {
  if (value === null || !Number.isFinite(value)) return 'unknown';
  const band = Math.abs(target) * AMBER_TOLERANCE;
  // Rounded so that 0.4 × 1.2 is not refused by floating-point noise.
  const miss = round9(direction === 'higherIsBetter' ? target - value : value - target);
  if (miss <= 0) return 'green';
  if (miss <= round9(band)) return 'amber';
  return 'red';
}

function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** The words shown beside the colour, so it never carries meaning alone. */
export const RATING_LABELS: Record<Rating, string> = {
  green: 'On target',
  amber: 'Near target',
  red: 'Off target',
  unknown: 'Unknown / not available',
};
