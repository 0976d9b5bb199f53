import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import {
  addDays,
  COST_UNIT_ANNOTATION,
  COST_UNIT_QUERY_ANNOTATION,
  daysBetween,
  MONTHLY_BUDGET_ANNOTATION,
} from '@internal/plugin-cost-common';
import { DEMO_SPIKE_EVERY_DAYS } from './demo/DemoCostSource';
import request from 'supertest';
import { costPlugin } from './plugin';

jest.setTimeout(60_000);

const group = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, annotations },
  spec: { type: 'team', children: [] },
});
const component = (
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', owner, lifecycle: 'production' },
});

const backends: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(backends.splice(0).map(b => b.stop()));
});

async function startWithDemo() {
  const backend = await startTestBackend({
    features: [
      costPlugin,
      catalogServiceMock.factory({
        entities: [
          group('payments', { [MONTHLY_BUDGET_ANNOTATION]: '100' }),
          group('checkout'),
          component('payments-service', 'payments'),
          component('cart-service', 'group:default/checkout', {
            [COST_UNIT_ANNOTATION]: 'requests',
            [COST_UNIT_QUERY_ANNOTATION]: 'sum(increase(http_requests_total[1d]))',
          }),
        ],
      }),
      // Runs the ingestion task (it has an initial delay) before the backend is up.
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
      mockServices.rootConfig.factory({
        // Long enough for four same-weekday days before each of the last 14.
        data: { cost: { demo: { enabled: true }, lookbackDays: 63 } },
      }),
    ],
  });
  backends.push(backend);
  return backend.server;
}

const get = (server: Awaited<ReturnType<typeof startWithDemo>>, path: string) =>
  request(server).get(path).set('Authorization', mockCredentials.user.header());

describe('the cost backend plugin', () => {
  it('serves demo facts for the catalog in the scorecards contract shape, labelled demo', async () => {
    const server = await startWithDemo();
    const res = await get(server, '/api/cost/facts');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ demo: true, lastError: null });
    expect(res.body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const refs = res.body.items
      .map((i: { entityRef: string }) => i.entityRef)
      .sort();
    expect(refs).toEqual([
      'component:default/cart-service',
      'component:default/payments-service',
      'group:default/checkout',
      'group:default/payments',
    ]);
    const payments = res.body.items.find(
      (i: { entityRef: string }) => i.entityRef === 'group:default/payments',
    );
    expect(Object.keys(payments).sort()).toEqual(
      [
        'entityRef',
        'forecastMonthUsd',
        'kind',
        'monthToDateUsd',
        'monthlyBudgetUsd',
        'overBudget',
      ].sort(),
    );
    expect(payments.monthlyBudgetUsd).toBe(100);
    // A demo service costs at least $15 a day: far over $100 by month end.
    expect(payments.overBudget).toBe(true);

    const overview = await get(server, '/api/cost/overview');
    expect(overview.body.demo).toBe(true);
    expect(overview.body.trend).toHaveLength(90);
    expect(overview.body.idle.last30DaysUsd).toBeGreaterThan(0);

    const service = await get(
      server,
      '/api/cost/services/default/cart-service',
    );
    expect(service.status).toBe(200);
    expect(service.body.service.teamRef).toBe('group:default/checkout');
  });

  it('names the field and the fix for a bad entity name, and 404s an unknown component', async () => {
    const server = await startWithDemo();
    const bad = await get(server, '/api/cost/services/default/no%20such');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /name "no such" is not an entity name/,
    );
    const missing = await get(server, '/api/cost/services/default/ghost');
    expect(missing.status).toBe(404);
  });

  it("serves the demo anomalies: cart-service's recent spike, for the service and its team", async () => {
    const server = await startWithDemo();
    const res = await get(server, '/api/cost/anomalies');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      demo: true,
      method: {
        weeks: 8,
        minObservations: 4,
        threshold: 3.5,
        minUsd: 5,
        minPercent: 10,
      },
    });
    expect(res.body.to).toBe(res.body.asOf);
    expect(addDays(res.body.from, 13)).toBe(res.body.to);
    // The demo spikes cart-service 2.6× on the recent days that are 5 mod 12 since the epoch.
    const spikeDays = daysBetween(res.body.from, res.body.to).filter(
      day =>
        Math.floor(Date.parse(day) / 86_400_000) % DEMO_SPIKE_EVERY_DAYS === 5,
    );
    expect(spikeDays.length).toBeGreaterThan(0);
    const cart = res.body.anomalies.filter(
      (a: { entityRef: string }) =>
        a.entityRef === 'component:default/cart-service',
    );
    expect(cart.map((a: { day: string }) => a.day).sort()).toEqual(spikeDays);
    for (const anomaly of cart) {
      expect(anomaly.direction).toBe('spike');
      // 2.6× the usual spend, give or take the ±3% daily noise and slow growth.
      expect(anomaly.jumpPercent).toBeGreaterThan(100);
      expect(anomaly.teamRef).toBe('group:default/checkout');
    }
    expect(
      res.body.anomalies.some(
        (a: { entityRef: string; day: string }) =>
          a.entityRef === 'group:default/checkout' && a.day === spikeDays[0],
      ),
    ).toBe(true);

    const one = await get(
      server,
      `/api/cost/anomalies?from=${res.body.from}&to=${res.body.to}&entityRef=Component:default/cart-service`,
    );
    expect(one.status).toBe(200);
    expect(one.body.anomalies).toEqual(cart);
  });

  it('names the field and the fix for bad anomaly queries', async () => {
    const server = await startWithDemo();
    const badDay = await get(server, '/api/cost/anomalies?from=2026-02-30');
    expect(badDay.status).toBe(400);
    expect(badDay.body.error.message).toMatch(
      /from "2026-02-30" is not a day; write it as YYYY-MM-DD/,
    );
    const reversed = await get(
      server,
      '/api/cost/anomalies?from=2026-11-20&to=2026-11-10',
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toMatch(/from 2026-11-20 is after to/);
    const badRef = await get(
      server,
      '/api/cost/anomalies?entityRef=api:default/orders',
    );
    expect(badRef.status).toBe(400);
    expect(badRef.body.error.message).toMatch(
      /entityRef "api:default\/orders" is not a team or service ref/,
    );
  });
  it('serves the demo cost per 1,000 requests and names the field and the fix for a bad unit query', async () => {
    const server = await startWithDemo();
    const week = await get(server, '/api/cost/unit-cost?unit=requests');
    expect(week.status).toBe(200);
    expect(week.body).toMatchObject({ demo: true, unit: 'requests', services: ['component:default/cart-service'] });
    expect(week.body.countedDays).toHaveLength(7);
    expect(week.body.units).toBeGreaterThan(0);
    expect(week.body.costPerThousandUsd).toBeCloseTo((week.body.costUsd / week.body.units) * 1000, 3);

    const missing = await get(server, '/api/cost/unit-cost');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/unit is missing; give the unit components declare in devportal.io\/cost-unit/);
    const badDay = await get(server, '/api/cost/unit-cost?unit=orders&to=2026-13-01');
    expect(badDay.status).toBe(400);
    expect(badDay.body.error.message).toMatch(/to "2026-13-01" is not a day/);
  });
});
