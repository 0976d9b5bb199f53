import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { MONTHLY_BUDGET_ANNOTATION } from '@internal/plugin-cost-common';
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
const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
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
          component('cart-service', 'group:default/checkout'),
        ],
      }),
      // Runs the ingestion task (it has an initial delay) before the backend is up.
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
      mockServices.rootConfig.factory({
        data: { cost: { demo: { enabled: true }, lookbackDays: 35 } },
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
});
