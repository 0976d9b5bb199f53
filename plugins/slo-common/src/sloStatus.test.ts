import { computeSloStatus, MeasuredErrorRatios } from './sloStatus';
import { SLO_REPORTING_WINDOWS } from './sloWindows';

const allWindows = (ratio: number): MeasuredErrorRatios['byWindow'] =>
  Object.fromEntries(SLO_REPORTING_WINDOWS.map(w => [w, ratio])) as MeasuredErrorRatios['byWindow'];

describe('computeSloStatus (99.9% over 30 days: a budget of 0.1%, 43.2 minutes)', () => {
  const slo = { target: 0.999, window: '30d' };

  it('is ok when errors stay within budget, with the budget left in share and minutes', () => {
    const status = computeSloStatus({
      ...slo,
      measured: { byWindow: allWindows(0.0005), wholeWindow: 0.0004 },
    });
    expect(status.alertState).toBe('ok');
    expect(status.windows.find(w => w.window === '1h')?.burnRate).toBeCloseTo(0.5, 12);
    expect(status.budgetRemaining).toBeCloseTo(0.6, 12);
    expect(status.budgetRemainingMinutes).toBeCloseTo(0.6 * 43.2, 9);
    // 60% left, spent at half the sustainable rate: 0.6 × 43,200 / 0.5 minutes.
    expect(status.minutesUntilExhausted).toBeCloseTo(51_840, 6);
    expect(status.budgetExhausted).toBe(false);
  });

  it('pages at 14.4× over both 1h and 5m, but not when only the short window burns', () => {
    const paging = computeSloStatus({
      ...slo,
      measured: { byWindow: { ...allWindows(0.0001), '5m': 0.02, '1h': 0.0144 }, wholeWindow: 0.0002 },
    });
    expect(paging.alertState).toBe('page');
    expect(paging.alerts.find(a => a.longWindow === '1h')?.firing).toBe(true);

    const blip = computeSloStatus({
      ...slo,
      measured: { byWindow: { ...allWindows(0.0001), '5m': 0.05, '1h': 0.001 }, wholeWindow: 0.0002 },
    });
    expect(blip.alertState).toBe('ok');
  });

  it('opens a ticket for a slow burn: 1× over 3d and 6h', () => {
    const status = computeSloStatus({
      ...slo,
      measured: { byWindow: { ...allWindows(0.0011) }, wholeWindow: 0.0009 },
    });
    expect(status.alerts.filter(a => a.firing).map(a => a.longWindow)).toEqual(['3d']);
    expect(status.alertState).toBe('ticket');
  });

  it('marks the budget exhausted once the window has spent more than it', () => {
    const status = computeSloStatus({
      ...slo,
      measured: { byWindow: allWindows(0.0005), wholeWindow: 0.0015 },
    });
    expect(status.budgetRemaining).toBeCloseTo(-0.5, 12);
    expect(status.budgetExhausted).toBe(true);
    expect(status.minutesUntilExhausted).toBe(0);
  });

  it('reports no traffic as no data, never as 0% or 100% and without dividing by zero', () => {
    const status = computeSloStatus({
      ...slo,
      measured: { byWindow: allWindows(Number.NaN), wholeWindow: Number.NaN },
    });
    expect(status.alertState).toBe('no-data');
    expect(status.windows.every(w => w.errorRatio === null && w.burnRate === null)).toBe(true);
    expect(status.budgetRemaining).toBeNull();
    expect(status.budgetRemainingMinutes).toBeNull();
    expect(status.minutesUntilExhausted).toBeNull();
    expect(status.budgetExhausted).toBe(false);
  });

  it('has no time to exhaustion while nothing fails', () => {
    const status = computeSloStatus({ ...slo, measured: { byWindow: allWindows(0), wholeWindow: 0 } });
    expect(status.budgetRemaining).toBe(1);
    expect(status.minutesUntilExhausted).toBeNull();
  });

  it('treats a budget spent to zero within float noise as spent: exhausted, 0% left', () => {
    // 0.001 × (1 − 2e-13): what a float quotient of extrapolated counters gives for "all of it".
    const spent = computeSloStatus({
      ...slo,
      measured: { byWindow: allWindows(0.0001), wholeWindow: 0.001 * (1 - 2e-13) },
    });
    expect(spent.budgetRemaining).toBe(0);
    expect(spent.budgetExhausted).toBe(true);
    expect(spent.minutesUntilExhausted).toBe(0);
    // A millionth of the budget left is real budget.
    const left = computeSloStatus({
      ...slo,
      measured: { byWindow: allWindows(0.0001), wholeWindow: 0.001 * (1 - 1e-6) },
    });
    expect(left.budgetRemaining).toBeCloseTo(1e-6, 12);
    expect(left.budgetExhausted).toBe(false);
  });
});
