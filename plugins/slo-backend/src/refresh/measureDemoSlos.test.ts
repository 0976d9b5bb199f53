import { DEFAULT_FREEZE_POLICY, evaluateFreeze, SloDefinition } from '@internal/plugin-slo-common';
import { measureDemoSlos } from './measureDemoSlos';

const slo = (service: string): SloDefinition => ({
  entityRef: `component:default/${service}`,
  name: 'availability',
  displayName: 'Availability',
  target: 0.999,
  window: '30d',
  prometheus: 'demo',
  indicator: { bad: `x{service="${service}"}`, total: `y{service="${service}"}` },
});

describe('measureDemoSlos', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  const services = Array.from({ length: 10 }, (_, i) => `service-${i}`);

  it('shows every state the SLO pages can show, the same on every start', async () => {
    const first = await measureDemoSlos(services.map(slo), now);
    const again = await measureDemoSlos(services.map(slo), now);
    expect(again).toEqual(first);
    expect(first.requests).toBe(0);

    const states = first.measurements.map(m => m.status!.alertState);
    expect(states).toEqual(expect.arrayContaining(['ok', 'ticket', 'page', 'no-data']));
    const exhausted = first.measurements.filter(m => m.status!.budgetExhausted);
    expect(exhausted).toHaveLength(1);
    const healthy = first.measurements.find(m => m.status!.alertState === 'ok')!;
    expect(healthy.status!.budgetRemaining).toBeGreaterThan(0.5);
  });

  it('charts the window with a series that ends at the budget the status reports', async () => {
    const { measurements } = await measureDemoSlos(services.map(slo), now);
    for (const { status, series } of measurements) {
      expect(series!.points).toHaveLength(120);
      expect(series!.stepMinutes).toBe(360);
      const last = series!.points[series!.points.length - 1];
      // No budget (no traffic) charts as gaps; otherwise the line ends where the status is.
      const charted = last.budgetRemaining;
      const reported = status!.budgetRemaining;
      expect(charted === null).toBe(reported === null);
      expect(Math.abs((charted ?? 0) - (reported ?? 0))).toBeLessThan(1e-6);
    }
  });

  it('freezes deploys of the exhausted demo service only, so the banner and column show', async () => {
    const { measurements } = await measureDemoSlos(services.map(slo), now);
    const frozen = measurements.filter(
      m => evaluateFreeze({ policy: DEFAULT_FREEZE_POLICY, status: m.status!, previous: null, now }).frozen,
    );
    expect(frozen.map(m => m.status!.budgetExhausted)).toEqual([true]);
  });
});
