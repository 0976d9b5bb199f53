import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DoraFactsResponse, tierRank } from '@internal/plugin-dora-common';
import request from 'supertest';
import { doraPlugin } from './plugin';

jest.setTimeout(60_000);

const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations: { 'github.com/project-slug': `harbor-market/${name}` } },
  spec: { type: 'service', lifecycle: 'production', owner },
});
const entities = [
  component('checkout-service', 'checkout'),
  component('payments-service', 'group:default/payments'),
  component('search-service', 'search'),
  component('cart-service', 'checkout'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'no-repository', namespace: 'default' },
    spec: { type: 'service', lifecycle: 'production', owner: 'checkout' },
  },
];

async function startDemoBackend() {
  const { server } = await startTestBackend({
    features: [
      doraPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.scheduler.factory({ includeInitialDelayedTasksOnStartup: true }),
      mockServices.rootConfig.factory({ data: { dora: { demo: { enabled: true } } } }),
    ],
  });
  const get = (path: string) => request(server).get(path).set('Authorization', mockCredentials.user.header());
  return { server, get };
}

describe('the dora backend plugin in demo mode', () => {
  it('serves the facts contract for every component with a repository, labelled demo', async () => {
    const { get } = await startDemoBackend();
    const res = await get('/api/dora/facts');
    expect(res.status).toBe(200);
    const body = res.body as DoraFactsResponse;
    expect(Object.keys(body).sort()).toEqual(['asOf', 'demo', 'items', 'lastError']);
    expect(body.demo).toBe(true);
    expect(body.lastError).toBeNull();
    expect(body.items.map(i => i.entityRef)).toEqual([
      'component:default/cart-service',
      'component:default/checkout-service',
      'component:default/payments-service',
      'component:default/search-service',
    ]);
    for (const item of body.items) {
      expect(Object.keys(item).sort()).toEqual(['deploysLast7Days', 'deploysPerWeek28d', 'entityRef', 'lastDeployAt', 'tier']);
      expect(['elite', 'high', 'medium', 'low', null]).toContain(item.tier);
    }
  });

  it('serves a service with its trend and latest deployments, a team and the ranking', async () => {
    const { get } = await startDemoBackend();
    const service = await get('/api/dora/services/default/checkout-service');
    expect(service.status).toBe(200);
    expect(service.body).toMatchObject({ demo: true, repository: 'harbor-market/checkout-service', environment: 'production' });
    expect(service.body.weekly).toHaveLength(13);
    expect(service.body).toMatchObject({ window: '90d', timeZone: 'Europe/Berlin', history: { complete: true }, stale: false });
    const month = await get('/api/dora/services/default/checkout-service?window=30d');
    expect(month.body.metrics.windowDays).toBe(30);
    expect(service.body.latest.length).toBeGreaterThan(0);

    const team = await get('/api/dora/teams/default/checkout');
    expect(team.body.services.map((s: { entityRef: string }) => s.entityRef).sort()).toEqual([
      'component:default/cart-service',
      'component:default/checkout-service',
    ]);

    const overview = await get('/api/dora/overview');
    const ranks = overview.body.services.map((s: { metrics: { tier: null } }) => tierRank(s.metrics.tier));
    expect(overview.body).toMatchObject({ window: '90d', windowDays: 90, servicesReading: 0, servicesStale: 0 });
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(overview.body.teams.map((t: { entityRef: string }) => t.entityRef).sort()).toEqual([
      'group:default/checkout',
      'group:default/payments',
      'group:default/search',
    ]);
  });

  it('names the field in bad input and explains a component without data', async () => {
    const { get } = await startDemoBackend();
    const bad = await get('/api/dora/services/default/not%20a%20name');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/name "not a name" is not an entity name/);
    const window = await get('/api/dora/overview?window=7d');
    expect(window.status).toBe(400);
    expect(window.body.error.message).toBe('Query parameter window is "7d"; use one of 30d, 90d');
    const missing = await get('/api/dora/services/default/no-repository');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/github\.com\/project-slug/);
  });
});

describe('the dora backend plugin against GitHub', () => {
  it('does not run without an integration for its host, and says so naming the key', async () => {
    const { server } = await startTestBackend({
      features: [
        doraPlugin,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({ data: { dora: { github: { host: 'github.example.com' } } } }),
      ],
    });
    const res = await request(server).get('/api/dora/overview');
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ name: 'PluginNotRunningError', pluginId: 'dora', setting: 'dora.github.host' });
  });
});
