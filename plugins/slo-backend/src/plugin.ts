import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { SloStatusStore } from './database/SloStatusStore';
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
        const refresher = new SloRefresher({
          catalog,
          auth,
          urlReader,
          store,
          clients: settings.clients,
          defaultPrometheus: settings.defaultPrometheus,
          batchLabel: settings.batchLabel,
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
        httpRouter.use(createRouter({ store }));
      },
    });
  },
});
