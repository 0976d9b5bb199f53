import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { sloPermissions } from '@internal/plugin-slo-common';
import { pluginStartupServiceRef } from '@internal/portal-node';
import { SloStatusStore } from './database/SloStatusStore';
import { demoSloMeasurer } from './refresh/measureDemoSlos';
import { measureSlos } from './refresh/measureSlos';
import { SloRefresher } from './refresh/SloRefresher';
import { createFreezeRouter } from './service/createFreezeRouter';
import { createGateOverrideRouter } from './service/createGateOverrideRouter';
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
        startup: pluginStartupServiceRef,
        logger: coreServices.logger,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        // A bad setting stops this plugin only: it answers 503 with the reason (@internal/portal-node).
        await deps.startup.run(async httpRouter => {
          const { config, database, scheduler, logger, auth, urlReader, catalog } = deps;
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
              ? demoSloMeasurer((entityRefs, at) => store.demoFirstSeen(entityRefs, at))
              : (slos, now) =>
                  measureSlos({ slos, clients: settings.clients, batchLabel: settings.batchLabel, now }),
            defaultPrometheus: settings.defaultPrometheus,
            logger,
            freezePolicy: settings.freezePolicy,
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
          deps.permissionsRegistry.addPermissions(sloPermissions);
          httpRouter.use(createRouter({ store, demo: settings.demo }));
          httpRouter.use(
            createFreezeRouter({
              store,
              demo: settings.demo,
              policy: settings.freezePolicy,
              maxMeasurementAgeMs: settings.maxMeasurementAgeMs,
              httpAuth: deps.httpAuth,
              permissions: deps.permissions,
              logger,
            }),
          );
          httpRouter.use(
            createGateOverrideRouter({
              store,
              maxMeasurementAgeMs: settings.maxMeasurementAgeMs,
              httpAuth: deps.httpAuth,
              logger,
            }),
          );
        });
      },
    });
  },
});
