import { mockCredentials, mockServices, startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { computeSloStatus, SLO_REPORTING_WINDOWS, SloStatus } from '@internal/plugin-slo-common';
import { Knex } from 'knex';
import { SloStatusStore } from '../database/SloStatusStore';
import { sloPlugin } from '../plugin';
import { SloRefresher } from '../refresh/SloRefresher';

/** A component with one 99.9% availability SLO in the annotation short form. */
export function serviceWithSlo(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'slo.devportal.io/availability.target': '99.9%',
        'slo.devportal.io/availability.bad': `http_requests_total{service="${name}",code=~"5.."}`,
        'slo.devportal.io/availability.total': `http_requests_total{service="${name}"}`,
      },
    },
    spec: { type: 'service', owner: 'checkout', lifecycle: 'production' },
  };
}

/**
 * The status of a 99.9% SLO burning `burn`× over every window (error ratio burn × 0.1%),
 * with `wholeWindowBurn`× over its 30 days (above 1 the budget is exhausted).
 */
export function burning(burn: number, wholeWindowBurn = 0.5): SloStatus {
  return computeSloStatus({
    target: 0.999,
    window: '30d',
    measured: {
      byWindow: Object.fromEntries(SLO_REPORTING_WINDOWS.map(w => [w, burn * 0.001])) as any,
      wholeWindow: wholeWindowBurn * 0.001,
    },
  });
}

/**
 * The slo plugin in a test backend, with its scheduled refresh off: tests drive a refresher
 * on the same database whose measurer answers what `measured` holds (a status, or an error).
 */
export async function startFreezeBackend(options: {
  services: string[];
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  extraFeatures?: Parameters<typeof startTestBackend>[0]['features'];
  extraConfig?: Record<string, unknown>;
  /** TestDatabases.create() at the top of the test file (it registers hooks). */
  databases: TestDatabases;
}): Promise<{
  server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  store: SloStatusStore;
  refresher: SloRefresher;
  /** What the next refresh measures, by service name: a status, or why it failed. */
  measured: Map<string, SloStatus | string>;
  knex: Knex;
}> {
  const knex = await options.databases.init('SQLITE_3');
  const entities = options.services.map(serviceWithSlo);
  const backend = await startTestBackend({
    features: [
      sloPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.database.factory({ knex }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      // Requests without credentials are anonymous, as in production (the mock default is a user).
      mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      mockServices.permissions.factory({ result: options.permission ?? AuthorizeResult.ALLOW }),
      mockServices.rootConfig.factory({
        data: { slo: { prometheus: { default: { baseUrl: 'http://127.0.0.1:9' } } }, ...options.extraConfig },
      }),
      ...(options.extraFeatures ?? []),
    ],
  });
  const store = await SloStatusStore.create(mockServices.database({ knex }));
  const measured = new Map<string, SloStatus | string>();
  const refresher = new SloRefresher({
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    urlReader: mockServices.urlReader.mock(),
    store,
    logger: mockServices.logger.mock(),
    defaultPrometheus: 'default',
    measure: async slos => ({
      requests: 0,
      measurements: slos.map(slo => {
        const value = measured.get(slo.entityRef.replace('component:default/', ''));
        if (value === undefined) return { slo, error: 'no figures in this test' };
        return typeof value === 'string' ? { slo, error: value } : { slo, status: value };
      }),
    }),
  });
  return { server: backend.server, store, refresher, measured, knex };
}
