import { mockServices, TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { DEFAULT_FREEZE_POLICY, evaluateFreeze, SloDefinition } from '@internal/plugin-slo-common';
import { SloStatusStore } from '../database/SloStatusStore';
import { demoSloMeasurer, measureDemoSlos } from './measureDemoSlos';

jest.setTimeout(60_000);

const slo = (service: string): SloDefinition => ({
  entityRef: `component:default/${service}`,
  name: 'availability',
  displayName: 'Availability',
  target: 0.999,
  window: '30d',
  prometheus: 'demo',
  indicator: { bad: `x{service="${service}"}`, total: `y{service="${service}"}` },
});

const MINUTE = 60_000;

describe('measureDemoSlos', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  const services = Array.from({ length: 40 }, (_, i) => `service-${i}`);

  it('shows every state the SLO pages can show, the same on every start', async () => {
    const first = await measureDemoSlos(services.map(slo), now);
    const again = await measureDemoSlos(services.map(slo), now);
    expect(again).toEqual(first);
    expect(first.requests).toBe(0);

    const states = first.measurements.map(m => m.status!.alertState);
    expect(states).toEqual(expect.arrayContaining(['ok', 'ticket', 'page', 'no-data']));
    expect(first.measurements.some(m => m.status!.budgetExhausted)).toBe(true);
    const healthy = first.measurements.find(m => m.status!.alertState === 'ok')!;
    expect(healthy.status!.budgetRemaining).toBeGreaterThan(0.5);
  });

  it('keeps each SLO on its course when components come and go, so budgets move slowly', async () => {
    const before = await measureDemoSlos(services.map(slo), now);
    // A service created from a template sorts between the others; 13 minutes pass.
    const later = new Date(now.getTime() + 13 * MINUTE);
    const after = await measureDemoSlos([...services, 'service-10a'].map(slo), later);
    for (const m of before.measurements) {
      const next = after.measurements.find(n => n.slo.entityRef === m.slo.entityRef)!;
      expect(next.status!.budgetExhausted).toBe(m.status!.budgetExhausted);
      expect(next.status!.budgetRemaining === null).toBe(m.status!.budgetRemaining === null);
      // 13 minutes of a 30-day window: well under one percentage point.
      expect(Math.abs((next.status!.budgetRemaining ?? 0) - (m.status!.budgetRemaining ?? 0))).toBeLessThan(0.01);
      const frozen = (s: typeof m) =>
        evaluateFreeze({ policy: DEFAULT_FREEZE_POLICY, status: s.status!, previous: null, now }).frozen;
      expect(frozen(next)).toBe(frozen(m));
    }
  });

  it('charts the window with a series that ends at the budget the status reports', async () => {
    const { measurements } = await measureDemoSlos(services.slice(0, 10).map(slo), now);
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

  it('freezes deploys of exhausted demo services only, so the banner and column show', async () => {
    const { measurements } = await measureDemoSlos(services.map(slo), now);
    const frozen = measurements.filter(
      m => evaluateFreeze({ policy: DEFAULT_FREEZE_POLICY, status: m.status!, previous: null, now }).frozen,
    );
    expect(frozen.length).toBeGreaterThan(0);
    expect(frozen.every(m => m.status!.budgetExhausted)).toBe(true);
  });

  it('invents no past for a component created after the demo began', async () => {
    const created = new Date(now.getTime() - 30 * MINUTE);
    const { measurements } = await measureDemoSlos([slo('service-7')], now, () => created);
    const [{ status, series }] = measurements;
    // Healthy traffic for half an hour: budget untouched but for that half hour's errors.
    expect(status!.alertState).toBe('ok');
    expect(status!.budgetRemaining).toBeGreaterThan(0.5);
    // Every chart step before it existed is a gap, not a measured zero.
    const before = series!.points.filter(p => Date.parse(p.at) < created.getTime() - 360 * MINUTE);
    expect(before.length).toBeGreaterThan(100);
    expect(before.every(p => p.budgetRemaining === null && p.burnRate === null)).toBe(true);
  });
});

const databaseIds: TestDatabaseId[] = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['SQLITE_3', 'POSTGRES_15']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids: databaseIds });

describe.each(databaseIds)('demoSloMeasurer on %s', databaseId => {
  it('starts the traffic of a component created after the demo began when it was first seen', async () => {
    const knex = await databases.init(databaseId);
    const store = await SloStatusStore.create(mockServices.database({ knex }));
    const measure = demoSloMeasurer((refs, at) => store.demoFirstSeen(refs, at));
    const start = new Date('2026-11-20T08:00:00Z');
    await measure([slo('cart-service')], start);
    // One minute later the catalog lists a service it was still reading: the demo's own.
    await measure([slo('cart-service'), slo('late-example')], new Date(start.getTime() + MINUTE));
    // A day later a service is created from a template.
    const created = new Date('2026-11-21T08:00:00Z');
    await measure([slo('cart-service'), slo('late-example'), slo('new-service')], created);
    const { measurements } = await measure(
      [slo('cart-service'), slo('late-example'), slo('new-service')],
      new Date(created.getTime() + 60 * MINUTE),
    );
    const pointsWithTraffic = (service: string) =>
      measurements
        .find(m => m.slo.entityRef === `component:default/${service}`)!
        .series!.points.filter(p => p.burnRate !== null).length;
    // 120 six-hour steps: the new service has traffic in the last one only.
    expect(pointsWithTraffic('new-service')).toBe(1);
    expect(pointsWithTraffic('late-example')).toBe(120);
    expect((await store.demoFirstSeen([], new Date())).get('component:default/new-service')).toEqual(created);
  });
});
