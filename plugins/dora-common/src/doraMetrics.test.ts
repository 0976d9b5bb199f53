import {
  computeDoraMetrics,
  countDeploymentsInLastDays,
  FinishedDeployment,
  recoverySamples,
  ServiceHistory,
  weeklyDoraTrend,
} from './doraMetrics';
import { weeksEndingAt } from './doraWeeks';

const MIN = 60 * 1000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
// A Friday; its week starts on Monday 2026-11-23 (in Berlin: Sunday 2026-11-22T23:00Z).
const now = new Date('2026-11-27T12:00:00Z');
const at = (msBeforeNow: number) => now.getTime() - msBeforeNow;
const success = (finishedAtMs: number, commitHoursBefore: number[] = []): FinishedDeployment => ({
  finishedAtMs,
  outcome: 'success',
  commitTimesMs: commitHoursBefore.map(h => finishedAtMs - h * HOUR),
});
const failure = (finishedAtMs: number): FinishedDeployment => ({ finishedAtMs, outcome: 'failure', commitTimesMs: [] });

// Listed out of order on purpose: the maths must not rely on the caller sorting.
const history: ServiceHistory = [
  success(at(20 * DAY - 3 * HOUR), [4]), // recovers both failures of the streak below
  success(at(27 * DAY), [2, 10]),
  failure(at(20 * DAY)), // recovered after 3 h
  failure(at(20 * DAY - 1 * HOUR)), // recovered after 2 h, by the same success
  success(at(10 * DAY), [30, 1]),
  failure(at(2 * DAY)),
  success(at(2 * DAY - HOUR / 2), [6]), // recovers after 30 min
  success(at(40 * DAY), [100]), // before the 28-day window
  failure(at(1 * HOUR)), // not recovered yet
];

describe('recoverySamples', () => {
  it('gives one sample per failed deployment, a streak ending at the same success', () => {
    expect(recoverySamples(history, now.getTime())).toEqual([
      { failedAtMs: at(20 * DAY), recoveredAtMs: at(20 * DAY - 3 * HOUR) },
      { failedAtMs: at(20 * DAY - HOUR), recoveredAtMs: at(20 * DAY - 3 * HOUR) },
      { failedAtMs: at(2 * DAY), recoveredAtMs: at(2 * DAY - HOUR / 2) },
      { failedAtMs: at(HOUR), recoveredAtMs: null },
    ]);
  });
});

describe('computeDoraMetrics', () => {
  it('computes frequency, lead time, fail rate and recovery for a known history', () => {
    const metrics = computeDoraMetrics([history], { now, windowDays: 28 });
    // 4 successes and 4 failures finished inside the 28 days.
    expect(metrics.deployments).toBe(4);
    expect(metrics.failures).toBe(4);
    expect(metrics.deploysPerDay).toBeCloseTo(4 / 28, 10);
    expect(metrics.deploysPerWeek).toBeCloseTo(1, 10);
    // Lead times 1, 2, 4, 6, 10, 30 h: median (4 + 6) / 2 = 5 h; nearest-rank p90 is the 6th = 30 h.
    expect(metrics.leadTime).toEqual({ medianSeconds: 5 * 3600, p90Seconds: 30 * 3600, commits: 6 });
    expect(metrics.changeFailRate).toBe(0.5);
    // Samples 3 h, 2 h and 0.5 h: median 2 h; the last failure is still open.
    expect(metrics.recovery).toEqual({ medianSeconds: 2 * 3600, recovered: 3, unrecovered: 1 });
    // Weekly deploys, 5 h lead time, but half the deployments fail: no cluster but Low fits.
    expect(metrics.tier).toBe('low');
  });

  it("never lets one service's deployment recover another service's failure", () => {
    const t = at(5 * DAY);
    const payments = [failure(t), success(t + 5 * HOUR, [1])];
    // Cart deploys 10 minutes after payments failed: a pooled timeline would say 10 min.
    const cart = [success(t + 10 * MIN, [1])];
    const team = computeDoraMetrics([payments, cart], { now, windowDays: 30 });
    expect(team.recovery).toEqual({ medianSeconds: 5 * 3600, recovered: 1, unrecovered: 0 });
    // Cart never failed, so a failure of payments with no success after it stays open.
    const open = computeDoraMetrics([[failure(t)], cart], { now, windowDays: 30 });
    expect(open.recovery).toEqual({ medianSeconds: null, recovered: 0, unrecovered: 1 });
  });

  it("rates a team from its own figures, not the median of its services' tiers", () => {
    // 30 days. busy: 82 successes, 4 failures, each recovered after 23 min by the next
    // success. quiet-1 and quiet-2: one failure recovered after 23 min by their only success.
    // Every success ships one commit made 6 h earlier.
    const busy: ServiceHistory = [];
    for (let i = 0; i < 82; i++) {
      const finished = at(29 * DAY) + i * 8 * HOUR;
      busy.push(success(finished, [6]));
      if ([1, 21, 41, 61].includes(i)) busy.push(failure(finished - 23 * MIN));
    }
    const quiet = (offset: number): ServiceHistory => [failure(at(offset * DAY) - 23 * MIN), success(at(offset * DAY), [6])];
    const services = [busy, quiet(3), quiet(4)];
    const window = { now, windowDays: 30 };
    expect(services.map(s => computeDoraMetrics([s], window).tier)).toEqual(['elite', 'low', 'low']);
    const team = computeDoraMetrics(services, window);
    // 84 successes in 30 days = 2.8 a day; 6 of 90 failed (6.7%); 6 h lead time; 23 min recovery.
    expect(team.deploysPerDay).toBeCloseTo(2.8, 10);
    expect(team.changeFailRate).toBeCloseTo(6 / 90, 10);
    expect(team.leadTime?.medianSeconds).toBe(6 * 3600);
    expect(team.recovery).toEqual({ medianSeconds: 23 * 60, recovered: 6, unrecovered: 0 });
    // Too many failures for Elite (5%), well within High: High, where the median tier said Low.
    expect(team.tier).toBe('high');
  });

  it('has no lead time, fail rate, recovery or tier when nothing was deployed', () => {
    const metrics = computeDoraMetrics([[success(at(60 * DAY), [1])]], { now, windowDays: 28 });
    expect(metrics).toMatchObject({
      deployments: 0,
      failures: 0,
      deploysPerWeek: 0,
      leadTime: null,
      changeFailRate: null,
      recovery: { medianSeconds: null, recovered: 0, unrecovered: 0 },
      tier: null,
    });
  });

  it('rates a service deploying twice a day with fast lead times and no failures elite', () => {
    const daily = Array.from({ length: 56 }, (_, i) => success(at(i * 12 * HOUR + HOUR), [2]));
    const metrics = computeDoraMetrics([daily], { now, windowDays: 28 });
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
  it('buckets deployments into Monday weeks of the configured time zone, with fail rate and recovery', () => {
    const weeks = weeksEndingAt(now, 3, 'Europe/Berlin');
    expect(weeks.map(w => w.start.toISOString())).toEqual(['2026-11-08T23:00:00.000Z', '2026-11-15T23:00:00.000Z', '2026-11-22T23:00:00.000Z']);
    // Monday 2026-11-23 00:30 in Berlin is still Sunday in UTC: it belongs to the current week.
    const mondayNight = Date.parse('2026-11-22T23:30:00Z');
    const extra = [failure(mondayNight - 2 * HOUR), success(mondayNight, [1])];
    expect(weeklyDoraTrend([history, extra], { now, weeks })).toEqual([
      {
        weekStart: '2026-11-08T23:00:00.000Z',
        deployments: 0,
        failures: 0,
        changeFailRate: null,
        medianLeadTimeSeconds: null,
        medianRecoverySeconds: null,
      },
      // 10 days ago = Tue 17 Nov: lead times 30 h and 1 h. extra's failure: Sunday 21:30 Berlin, recovered after 2 h.
      {
        weekStart: '2026-11-15T23:00:00.000Z',
        deployments: 1,
        failures: 1,
        changeFailRate: 0.5,
        medianLeadTimeSeconds: 15.5 * 3600,
        medianRecoverySeconds: 2 * 3600,
      },
      // Monday 00:30 (1 h) and Wed 25 Nov (6 h); failures Wed (recovered in 30 min) and an hour ago (open).
      {
        weekStart: '2026-11-22T23:00:00.000Z',
        deployments: 2,
        failures: 2,
        changeFailRate: 0.5,
        medianLeadTimeSeconds: 3.5 * 3600,
        medianRecoverySeconds: 0.5 * 3600,
      },
    ]);
  });

  it('makes the week of the autumn DST change 169 hours long', () => {
    const weeks = weeksEndingAt(new Date('2026-10-28T12:00:00Z'), 2, 'Europe/Berlin');
    // Berlin leaves summer time on Sunday 2026-10-25.
    expect(weeks[0]).toEqual({ start: new Date('2026-10-18T22:00:00Z'), end: new Date('2026-10-25T23:00:00Z') });
    expect(weeks[1].start).toEqual(weeks[0].end);
  });
});
