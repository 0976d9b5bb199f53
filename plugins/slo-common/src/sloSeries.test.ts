import { computeSloSeries } from './sloSeries';

describe('computeSloSeries', () => {
  const at = (hour: number) => new Date(Date.UTC(2026, 10, 1, hour));

  it('charts burn per step and the budget left as the window fills', () => {
    // 99% target: 1% of 4,000 requests = 40 bad requests of budget.
    const series = computeSloSeries({
      target: 0.99,
      stepMinutes: 60,
      steps: [
        { at: at(1), bad: 0, total: 1000 },
        { at: at(2), bad: 10, total: 1000 },
        { at: at(3), bad: 30, total: 1000 },
        { at: at(4), bad: 0, total: 1000 },
      ],
    });
    expect(series.points.map(p => p.burnRate)).toEqual([0, 1, 3, 0]);
    expect(series.points.map(p => p.budgetRemaining)).toEqual([1, 0.75, 0, 0]);
    expect(series.points[0].at).toBe('2026-11-01T01:00:00.000Z');
  });

  it('reports steps without traffic as no data, never as zero burn', () => {
    const series = computeSloSeries({
      target: 0.999,
      stepMinutes: 60,
      steps: [
        { at: at(1), bad: 0, total: 0 },
        { at: at(2), bad: 1, total: 1000 },
      ],
    });
    expect(series.points[0].burnRate).toBeNull();
    expect(series.points[1].burnRate).toBeCloseTo(1, 9);
    // Before the first traffic (a service created within the window): no budget figure either.
    expect(series.points[0].budgetRemaining).toBeNull();
    expect(series.points[1].budgetRemaining).toBeCloseTo(0, 9);
  });

  it('keeps charting the budget through a quiet step once there was traffic', () => {
    const series = computeSloSeries({
      target: 0.99,
      stepMinutes: 60,
      steps: [
        { at: at(1), bad: 5, total: 1000 },
        { at: at(2), bad: 0, total: 0 },
      ],
    });
    expect(series.points.map(p => p.budgetRemaining)).toEqual([0.5, 0.5]);
  });

  it('has no budget figure when the whole window had no traffic', () => {
    const series = computeSloSeries({ target: 0.999, stepMinutes: 60, steps: [{ at: at(1), bad: 0, total: 0 }] });
    expect(series.points[0].budgetRemaining).toBeNull();
  });
});
