import {
  DEFAULT_ANOMALY_METHOD,
  detectCostAnomalies,
  median,
} from './anomalies';
import { addDays, daysBetween } from './calendar';

// 2026-11-23 is a Monday; the nine weeks before it start on Monday 2026-09-21.
const HISTORY_START = '2026-09-21';
const LAST_DAY = '2026-11-29';
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

/** Weekdays around $100, varying by up to $2 so the spread is not zero. */
const ordinaryDay = (day: string, i: number) => ({
  day,
  usd: 100 + ((i * 3) % 5) - 2,
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('detectCostAnomalies', () => {
  it('does not flag a Monday spike that happens every Monday', () => {
    const mondays = [300, 310, 290, 305, 295, 300, 302, 298, 296, 304];
    let monday = 0;
    const history = daysBetween(HISTORY_START, LAST_DAY).map((day, i) =>
      weekday(day) === 1
        ? { day, usd: mondays[monday++] }
        : ordinaryDay(day, i),
    );
    // Monday 23 November is three times an ordinary day, as every Monday is.
    expect(history.find(d => d.day === '2026-11-23')?.usd).toBe(304);
    expect(detectCostAnomalies(history, '2026-11-16', LAST_DAY)).toEqual([]);
  });

  it('flags a real jump with its size in USD and percent, and a drop', () => {
    // Wednesdays 2026-09-30 .. 2026-11-18 (8 weeks), then the judged Wednesday 2026-11-25.
    const wednesdays = [100, 104, 98, 102, 96, 100, 106, 94];
    const thursdays = [100, 101, 99, 100, 102, 98, 100, 100];
    const history = [
      ...wednesdays.map((usd, w) => ({
        day: addDays('2026-09-30', 7 * w),
        usd,
      })),
      ...thursdays.map((usd, w) => ({
        day: addDays('2026-10-01', 7 * w),
        usd,
      })),
      { day: '2026-11-25', usd: 260 },
      { day: '2026-11-26', usd: 40 },
    ];
    // Wednesdays: median (100 + 100) / 2 = 100; deviations 0,4,2,2,4,0,6,6 → MAD 3.
    // Thursdays: median 100; deviations 0,1,1,0,2,2,0,0 → MAD 0.5.
    const anomalies = detectCostAnomalies(history, '2026-11-25', '2026-11-26');
    expect(anomalies).toHaveLength(2);
    const [spike, drop] = anomalies;
    expect(spike).toMatchObject({
      day: '2026-11-25',
      usd: 260,
      baselineUsd: 100,
      jumpUsd: 160,
      jumpPercent: 160,
      direction: 'spike',
      observations: 8,
    });
    expect(spike.score).toBeCloseTo(160 / (1.4826 * 3), 9);
    expect(drop).toMatchObject({
      day: '2026-11-26',
      baselineUsd: 100,
      jumpUsd: -60,
      jumpPercent: -60,
      direction: 'drop',
    });
    expect(drop.score).toBeCloseTo(60 / (1.4826 * 0.5), 9);
  });

  it('flags at the configured threshold and not below it', () => {
    const wednesdays = [100, 104, 98, 102, 96, 100, 106, 94];
    const spread = 1.4826 * 3;
    const withDay = (usd: number) => [
      ...wednesdays.map((v, w) => ({
        day: addDays('2026-09-30', 7 * w),
        usd: v,
      })),
      { day: '2026-11-25', usd },
    ];
    const justBelow = 100 + 3.49 * spread; // about $115.52, +15.5%
    const justAbove = 100 + 3.51 * spread;
    expect(
      detectCostAnomalies(withDay(justBelow), '2026-11-25', '2026-11-25'),
    ).toEqual([]);
    expect(
      detectCostAnomalies(withDay(justAbove), '2026-11-25', '2026-11-25'),
    ).toHaveLength(1);
    expect(
      detectCostAnomalies(withDay(justBelow), '2026-11-25', '2026-11-25', {
        ...DEFAULT_ANOMALY_METHOD,
        threshold: 3,
      }),
    ).toHaveLength(1);
  });

  it('never flags a day with missing data, and a missing day is not zero in a baseline', () => {
    // Wednesday history with four of eight weeks missing.
    const history = [
      { day: '2026-09-30', usd: 100 },
      { day: '2026-10-21', usd: 102 },
      { day: '2026-11-04', usd: 98 },
      { day: '2026-11-18', usd: 100 },
      { day: '2026-11-25', usd: 104 },
      // Thursday 2026-11-26 has no data at all, though its history does.
      ...[0, 1, 2, 3, 4, 5, 6, 7].map(w => ({
        day: addDays('2026-10-01', 7 * w),
        usd: 500,
      })),
    ];
    // Counting the four missing Wednesdays as $0 would make the median 49 and flag $104
    // as +112%; over the four observed days the median is 100 and +$4 is no anomaly.
    expect(detectCostAnomalies(history, '2026-11-25', '2026-11-26')).toEqual(
      [],
    );
    // With three observations a day is not judged at all, however large the jump.
    const tooFew = [
      { day: '2026-10-21', usd: 100 },
      { day: '2026-11-04', usd: 100 },
      { day: '2026-11-18', usd: 100 },
      { day: '2026-11-25', usd: 900 },
    ];
    expect(detectCostAnomalies(tooFew, '2026-11-25', '2026-11-25')).toEqual([]);
    // The same history with a fourth observed Wednesday is judged and flagged.
    expect(
      detectCostAnomalies(
        [...tooFew, { day: '2026-10-14', usd: 100 }],
        '2026-11-25',
        '2026-11-25',
      ),
    ).toMatchObject([{ day: '2026-11-25', jumpUsd: 800, observations: 4 }]);
  });

  it('handles a flat history (MAD 0): small moves pass, a real jump is flagged without a score', () => {
    const flat = [0, 1, 2, 3, 4, 5, 6, 7].map(w => ({
      day: addDays('2026-09-30', 7 * w),
      usd: 50,
    }));
    const on = (usd: number) =>
      detectCostAnomalies(
        [...flat, { day: '2026-11-25', usd }],
        '2026-11-25',
        '2026-11-25',
      );
    expect(on(50)).toEqual([]);
    expect(on(53)).toEqual([]); // +$3 and +6%: under both minimums
    expect(on(60)).toMatchObject([
      { jumpUsd: 10, jumpPercent: 20, direction: 'spike', score: null },
    ]);
    expect(on(54.9)).toEqual([]); // +$4.90 (+9.8%): under both minimums
  });

  it('falls back to the mean absolute deviation when more than half the baseline is identical', () => {
    // Median 50; deviations 0,0,0,0,0,10,10,0 → MAD 0; mean deviation 2.5 → spread 3.13325.
    const baseline = [50, 50, 50, 50, 50, 60, 40, 50].map((usd, w) => ({
      day: addDays('2026-09-30', 7 * w),
      usd,
    }));
    const on = (usd: number) =>
      detectCostAnomalies(
        [...baseline, { day: '2026-11-25', usd }],
        '2026-11-25',
        '2026-11-25',
      );
    expect(on(60)).toEqual([]); // score 3.19: seen before
    const [flagged] = on(62);
    expect(flagged.score).toBeCloseTo(12 / (1.2533 * 2.5), 9);
  });

  it('reports a jump from a zero baseline with no percentage', () => {
    const zero = [0, 1, 2, 3].map(w => ({
      day: addDays('2026-11-04', 7 * w),
      usd: 0,
    }));
    const [flagged] = detectCostAnomalies(
      [
        ...zero.slice(0, 3),
        { day: '2026-11-25', usd: 20 },
        { day: '2026-10-28', usd: 0 },
      ],
      '2026-11-25',
      '2026-11-25',
    );
    expect(flagged).toMatchObject({
      baselineUsd: 0,
      jumpUsd: 20,
      jumpPercent: null,
      score: null,
    });
  });
});
