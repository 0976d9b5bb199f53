const MINUTE = 60;
const HOUR = 3600;
const DAY = 24 * HOUR;

// Steps a chart axis of durations may use, each a round figure in the unit it reads in.
const STEPS = [
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 3 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 60 * DAY, 90 * DAY,
];

/**
 * Axis ticks (seconds, from 0) for durations up to `maxSeconds`: at most `count` + 1 of
 * them, on a round step ("30 min", "6 h", "2 d"), so `formatDuration` writes each tick in
 * one short unit instead of "6 d 16 h".
 */
export function durationTicks(maxSeconds: number, count = 4): number[] {
  if (!(maxSeconds > 0)) return [0];
  const step = STEPS.find(s => s * count >= maxSeconds) ?? Math.ceil(maxSeconds / count / DAY) * DAY;
  const ticks: number[] = [];
  for (let t = 0; t < maxSeconds + step; t += step) ticks.push(t);
  return ticks;
}
