import { MULTI_WINDOW_BURN_RATE_ALERTS } from './burnRateAlerts';
import { burnRateThreshold, errorBudget, formatRatio } from './errorBudget';

describe('error budgets and burn-rate thresholds', () => {
  it('turns a target in percent into the budget as a ratio, without float noise', () => {
    expect(formatRatio(errorBudget(99.9))).toBe('0.001');
    expect(formatRatio(errorBudget(99.95))).toBe('0.0005');
    expect(formatRatio(errorBudget(99.999))).toBe('0.00001');
    expect(formatRatio(errorBudget(90))).toBe('0.1');
  });

  it('computes the SRE workbook thresholds for a 99.9% target', () => {
    const thresholds = MULTI_WINDOW_BURN_RATE_ALERTS.map(alert =>
      formatRatio(burnRateThreshold(alert.factor, 99.9)),
    );
    // 14.4 × 0.1% = 1.44% errors over 1h and 5m pages; 1 × 0.1% over 3d tickets.
    expect(thresholds).toEqual(['0.0144', '0.006', '0.003', '0.001']);
  });

  it('pairs every long window with a short window of one twelfth', () => {
    const minutes = (w: string) =>
      Number(w.slice(0, -1)) * { m: 1, h: 60, d: 1440 }[w.slice(-1) as 'm' | 'h' | 'd'];
    for (const alert of MULTI_WINDOW_BURN_RATE_ALERTS) {
      expect(minutes(alert.longWindow) / minutes(alert.shortWindow)).toBe(12);
    }
  });
});
