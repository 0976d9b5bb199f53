/** The windows the SLO plugin reports error ratios over, shortest first. */
export const SLO_REPORTING_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;

export type ReportingWindow = (typeof SLO_REPORTING_WINDOWS)[number];

const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440, w: 10_080 };

/** Minutes in a Prometheus-style duration such as `30m`, `6h` or `28d`. */
export function durationMinutes(duration: string): number {
  const match = duration.match(/^(\d+)([mhdw])$/);
  if (!match) {
    throw new Error(`"${duration}" is not a duration like 30m, 6h or 28d`);
  }
  return Number(match[1]) * UNIT_MINUTES[match[2]];
}
