import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { SloStatusStore } from './database/SloStatusStore';
import { measureDemoSlos } from './refresh/measureDemoSlos';
import { measureSlos } from './refresh/measureSlos';
import { SloRefresher } from './refresh/SloRefresher';
import { createRouter } from './service/createRouter';
import { readSloConfig } from './service/readSloConfig';

/** SLO burn for every component with an OpenSLO document; see config.d.ts. */
export const sloPlugin = createBackendPlugin({
  pluginId: 'slo',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        auth: coreServices.auth,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
      },
      async init({ config, database, scheduler, httpRouter, logger, auth, urlReader, catalog }) {
        const settings = readSloConfig(config);
        const store = await SloStatusStore.create(database);
        if (settings.demo) {
          logger.info('SLOs are measured from demo traffic (slo.demo.enabled), not Prometheus');
        }
        const refresher = new SloRefresher({
          catalog,
          auth,
          urlReader,
          store,
          measure: settings.demo
            ? measureDemoSlos
            : (slos, now) =>
                measureSlos({ slos, clients: settings.clients, batchLabel: settings.batchLabel, now }),
          defaultPrometheus: settings.defaultPrometheus,
          logger,
        });
        // The scheduler runs this once across all replicas per interval.
        await scheduler.scheduleTask({
          id: 'slo-refresh',
          frequency: settings.frequency,
          timeout: settings.timeout,
          fn: async () => {
            await refresher.refresh();
          },
        });
        httpRouter.use(createRouter({ store, demo: settings.demo }));
      },
    });
  },
});
