import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { componentWithOpenSlo } from './__testUtils__/sloFixtures';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  generateRequestCounters,
  RunningPrometheus,
  startPrometheusWith,
} from '@internal/prometheus-test-utils';
import { sloPlugin } from './plugin';

jest.setTimeout(120_000);

describe('the slo backend plugin', () => {
  let prometheus: RunningPrometheus;
  const step = 300;
  const end = Math.floor(Date.now() / 1000 / step) * step;

  beforeAll(async () => {
    prometheus = await startPrometheusWith(
      generateRequestCounters(
        [
          { service: 'basket-service', requests: () => ({ total: 1000, failed: 0.2 }) },
          { service: 'checkout-service', requests: (t: number) => ({ total: 1000, failed: t > end - 3600 ? 50 : 0.2 }) },
        ],
        { start: end - 31 * 86_400, end, step },
      ),
    );
  });
  afterAll(() => prometheus?.stop());

  it('measures SLOs on start-up and serves them, with their age, from /api/slo/slos', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'slo-plugin-'));
    const { server } = await startTestBackend({
      features: [
        sloPlugin,
        catalogServiceMock.factory({
          entities: [componentWithOpenSlo(root, 'basket-service'), componentWithOpenSlo(root, 'checkout-service')],
        }),
        mockServices.rootConfig.factory({
          data: { slo: { prometheus: { default: { baseUrl: prometheus.url } } } },
        }),
      ],
    });

    const res = await request(server).get('/api/slo/slos').set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    const byEntity = Object.fromEntries(
      res.body.items.map((i: { entityRef: string }) => [i.entityRef, i]),
    );
    expect(byEntity['component:default/basket-service']).toMatchObject({
      name: 'basket-service-availability',
      target: 0.999,
      status: { alertState: 'ok' },
      error: null,
    });
    expect(byEntity['component:default/checkout-service'].status.alertState).toBe('page');
    expect(byEntity['component:default/checkout-service'].ageSeconds).toBeLessThan(120);

    const one = await request(server)
      .get('/api/slo/slos?entityRef=component:default/basket-service')
      .set('Authorization', mockCredentials.user.header());
    expect(one.body.items).toHaveLength(1);
  });

  it('measures demo traffic for the embedded default, says so, and charts one entity', async () => {
    const cart = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'cart-service',
        annotations: {
          'slo.devportal.io/availability.target': '99.5%',
          'slo.devportal.io/availability.bad': 'http_requests_total{service="cart-service",code=~"5.."}',
          'slo.devportal.io/availability.total': 'http_requests_total{service="cart-service"}',
        },
      },
      spec: { type: 'service', owner: 'checkout', lifecycle: 'production' },
    };
    const { server } = await startTestBackend({
      features: [
        sloPlugin,
        catalogServiceMock.factory({ entities: [cart] }),
        mockServices.rootConfig.factory({ data: { slo: { demo: { enabled: true } } } }),
      ],
    });
    const auth = mockCredentials.user.header();

    const all = await request(server).get('/api/slo/slos').set('Authorization', auth);
    expect(all.body.demo).toBe(true);
    expect(all.body.items).toEqual([
      expect.objectContaining({ entityRef: 'component:default/cart-service', name: 'availability', target: 0.995 }),
    ]);
    expect(all.body.items[0].series).toBeUndefined();

    const one = await request(server)
      .get('/api/slo/slos?entityRef=Component:cart-service')
      .set('Authorization', auth);
    expect(one.body.items[0].status.budgetRemaining).toEqual(expect.any(Number));
    expect(one.body.items[0].series.points).toHaveLength(120);

    const bad = await request(server).get('/api/slo/slos?entityRef=').set('Authorization', auth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/kind:namespace\/name/);
  });

  it('does not run without a Prometheus, and says so naming the config key, leaving the backend up', async () => {
    const { server } = await startTestBackend({
      features: [sloPlugin, catalogServiceMock.factory(), mockServices.rootConfig.factory({ data: { slo: { prometheus: {} } } })],
    });
    const res = await request(server).get('/api/slo/slos');
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ name: 'PluginNotRunningError', setting: 'slo.prometheus' });
    expect(res.body.error.message).toMatch(/^slo is not running: slo\.prometheus lists no Prometheus/);
  });

  it('does not run with a Prometheus URL that is not one, naming its key', async () => {
    const { server } = await startTestBackend({
      features: [
        sloPlugin,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({ data: { slo: { prometheus: { eu: { baseUrl: 'prometheus:9090' } } } } }),
      ],
    });
    const res = await request(server).get('/api/slo/health');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      status: 'not running',
      setting: 'slo.prometheus.eu.baseUrl',
      reason: expect.stringMatching(/^slo\.prometheus\.eu\.baseUrl is "prometheus:9090", which is not an http\(s\) URL/),
    });
  });
});
