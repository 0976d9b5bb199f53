import { durationTicks } from './durationTicks';
import { formatDuration } from './formatDuration';

describe('durationTicks', () => {
  it('steps by round durations that read in one unit, covering the largest value', () => {
    expect(durationTicks(320 * 3600).map(formatDuration)).toEqual(['0 min', '7 d', '14 d']);
    expect(durationTicks(7.5 * 3600).map(formatDuration)).toEqual(['0 min', '2 h', '4 h', '6 h', '8 h']);
    expect(durationTicks(25 * 60).map(formatDuration)).toEqual(['0 min', '10 min', '20 min', '30 min']);
    expect(durationTicks(0)).toEqual([0]);
  });
});
