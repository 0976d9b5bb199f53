import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { componentWithOpenSlo } from '../__testUtils__/sloFixtures';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Knex from 'knex';
import { SloStatusStore } from '../database/SloStatusStore';
import {
  generateRequestCounters,
  RunningPrometheus,
  startPrometheusWith,
} from '@internal/prometheus-test-utils';
import { PrometheusHttpClient } from '@internal/prometheus-client';
import { measureSlos } from './measureSlos';
import { SloRefresher } from './SloRefresher';

jest.setTimeout(120_000);

const end = 1_764_000_000;

describe('SloRefresher: catalog → definitions → Prometheus → stored statuses', () => {
  let prometheus: RunningPrometheus;

  beforeAll(async () => {
    prometheus = await startPrometheusWith(
      generateRequestCounters(
        [
          { service: 'basket-service', requests: () => ({ total: 1000, failed: 0.2 }) },
          { service: 'checkout-service', requests: (t: number) => ({ total: 1000, failed: t > end - 1800 ? 50 : 0.2 }) },
        ],
        { start: end - 31 * 86_400, end, step: 300 },
      ),
    );
  });
  afterAll(() => prometheus?.stop());

  it('stores every SLO, and keeps the last good value with its age when Prometheus goes away', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'slo-refresh-'));
    const entities = [componentWithOpenSlo(root, 'basket-service'), componentWithOpenSlo(root, 'checkout-service')];
    const knex = Knex({ client: 'better-sqlite3', connection: ':memory:', useNullAsDefault: true });
    const store = await SloStatusStore.create(mockServices.database({ knex }));
    const refresher = (baseUrl: string) =>
      new SloRefresher({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        urlReader: mockServices.urlReader.mock(),
        store,
        measure: (slos, now) =>
          measureSlos({
            slos,
            clients: { default: new PrometheusHttpClient({ baseUrl, timeoutMs: 2000 }) },
            batchLabel: 'service',
            now,
          }),
        defaultPrometheus: 'default',
        logger: mockServices.logger.mock(),
      });

    const first = await refresher(prometheus.url).refresh(new Date(end * 1000));
    expect(first).toEqual({ slos: 2, measured: 2, failed: 0, requests: 18, definitionProblems: 0, freezesStarted: 0, freezesEnded: 0, durationMs: expect.any(Number) });
    const states = Object.fromEntries(
      (await store.list()).map(s => [s.definition.entityRef, s.status?.alertState]),
    );
    expect(states).toEqual({
      'component:default/basket-service': 'ok',
      'component:default/checkout-service': 'page',
    });

    // Prometheus is down at the next refresh: the last good statuses stay, with the reason.
    const later = new Date((end + 300) * 1000);
    const second = await refresher('http://127.0.0.1:9').refresh(later);
    expect(second.failed).toBe(2);
    const stored = await store.list({ entityRef: 'component:default/checkout-service' });
    expect(stored[0].status?.alertState).toBe('page');
    expect(stored[0].measuredAt?.getTime()).toBe(end * 1000);
    expect(stored[0].error).toMatch(/did not answer/);
    expect(stored[0].errorAt?.getTime()).toBe(later.getTime());
  });
});
