import { computeDoraMetrics, countDeploymentsInLastDays, FinishedDeployment, weeklyDoraTrend } from './doraMetrics';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
// A Friday; its ISO week starts on Monday 2026-11-23.
const now = new Date('2026-11-27T12:00:00Z');
const at = (msBeforeNow: number) => now.getTime() - msBeforeNow;
const success = (finishedAtMs: number, commitHoursBefore: number[]): FinishedDeployment => ({
  finishedAtMs,
  outcome: 'success',
  commitTimesMs: commitHoursBefore.map(h => finishedAtMs - h * HOUR),
});
const failure = (finishedAtMs: number): FinishedDeployment => ({ finishedAtMs, outcome: 'failure', commitTimesMs: [] });

// Listed out of order on purpose: the maths must not rely on the caller sorting.
const history: FinishedDeployment[] = [
  success(at(20 * DAY - 3 * HOUR), [4]), // recovers the streak that began 20 days ago: 3 h
  success(at(27 * DAY), [2, 10]),
  failure(at(20 * DAY)),
  failure(at(20 * DAY - 1 * HOUR)),
  success(at(10 * DAY), [30, 1]),
  failure(at(2 * DAY)),
  success(at(2 * DAY - HOUR / 2), [6]), // recovers after 30 min
  success(at(40 * DAY), [100]), // before the 28-day window
  failure(at(1 * HOUR)), // not recovered yet
];

describe('computeDoraMetrics', () => {
  it('computes frequency, lead time, fail rate and recovery for a known history', () => {
    const metrics = computeDoraMetrics(history, { now, windowDays: 28 });
    // 4 successes and 4 failures finished inside the 28 days.
    expect(metrics.deployments).toBe(4);
    expect(metrics.failures).toBe(4);
    expect(metrics.deploysPerDay).toBeCloseTo(4 / 28, 10);
    expect(metrics.deploysPerWeek).toBeCloseTo(1, 10);
    // Lead times 1, 2, 4, 6, 10, 30 h: median (4 + 6) / 2 = 5 h; nearest-rank p90 is the 6th = 30 h.
    expect(metrics.leadTime).toEqual({ medianSeconds: 5 * 3600, p90Seconds: 30 * 3600, commits: 6 });
    expect(metrics.changeFailRate).toBe(0.5);
    // Recoveries 3 h and 0.5 h: median 1.75 h; the last failure is still open.
    expect(metrics.recovery).toEqual({ medianSeconds: 1.75 * 3600, recovered: 2, unresolved: true });
    // Weekly deploys, 5 h lead time, but half the deployments fail: no cluster but Low fits.
    expect(metrics.tier).toBe('low');
  });

  it('has no lead time, fail rate, recovery or tier when nothing was deployed', () => {
    const metrics = computeDoraMetrics([success(at(60 * DAY), [1])], { now, windowDays: 28 });
    expect(metrics).toMatchObject({
      deployments: 0,
      failures: 0,
      deploysPerWeek: 0,
      leadTime: null,
      changeFailRate: null,
      recovery: { medianSeconds: null, recovered: 0, unresolved: false },
      tier: null,
    });
  });

  it('rates a service deploying twice a day with fast lead times and no failures elite', () => {
    const daily = Array.from({ length: 56 }, (_, i) => success(at(i * 12 * HOUR + HOUR), [2]));
    const metrics = computeDoraMetrics(daily, { now, windowDays: 28 });
    expect(metrics.deploysPerDay).toBe(2);
    expect(metrics.changeFailRate).toBe(0);
    expect(metrics.tier).toBe('elite');
  });
});

describe('countDeploymentsInLastDays', () => {
  it('counts successful deployments only, inside the period', () => {
    // Successes 2 days - 30 min ago and 10 days ago; failures 2 days and 1 hour ago.
    expect(countDeploymentsInLastDays(history, now, 7)).toBe(1);
    expect(countDeploymentsInLastDays(history, now, 28)).toBe(4);
  });
});

describe('weeklyDoraTrend', () => {
  it('buckets deployments into UTC weeks starting on Monday', () => {
    expect(weeklyDoraTrend(history, { now, weeks: 3 })).toEqual([
      { weekStart: '2026-11-09T00:00:00.000Z', deployments: 0, failures: 0, medianLeadTimeSeconds: null },
      // 10 days ago = Tue 17 Nov: lead times 30 h and 1 h.
      { weekStart: '2026-11-16T00:00:00.000Z', deployments: 1, failures: 0, medianLeadTimeSeconds: 15.5 * 3600 },
      // Wed 25 Nov: one success (6 h), its failure before, and the failure an hour ago.
      { weekStart: '2026-11-23T00:00:00.000Z', deployments: 1, failures: 2, medianLeadTimeSeconds: 6 * 3600 },
    ]);
  });
});
