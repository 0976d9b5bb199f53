import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { pluginStartupServiceRef } from '@internal/portal-node';
import { FalcoEventStore } from './database/FalcoEventStore';
import { DemoEventFeeder } from './demo/DemoEventFeeder';
import { FalcoIngestor } from './ingest/FalcoIngestor';
import { readMappableComponents } from './mapping/CatalogComponentSource';
import { MappingCache } from './mapping/MappingCache';
import { createRouter } from './service/createRouter';
import { firstDayOf } from './service/days';
import { readFalcoConfig } from './service/readFalcoConfig';

/** Falco runtime-security alerts; see config.d.ts and the README. */
export const falcoPlugin = createBackendPlugin({
  pluginId: 'falco',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        startup: pluginStartupServiceRef,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ config, database, scheduler, startup, httpAuth, logger, auth, catalog }) {
        // A bad setting stops this plugin only: it answers 503 with the reason (@internal/portal-node).
        await startup.run(async httpRouter => {
          const settings = readFalcoConfig(config);
          const store = await FalcoEventStore.create(database);
          const mapping = new MappingCache(() => readMappableComponents({ catalog, auth }));
          const eventRetentionMs = durationToMilliseconds(settings.eventRetention);
          const ingestor = new FalcoIngestor({ store, mapping, maxBatchSize: settings.maxBatchSize, eventRetentionMs, logger });

          // Each replica keeps its own mapping in memory, so each refreshes its own.
          await scheduler.scheduleTask({
            id: 'falco-mapping-refresh',
            scope: 'local',
            frequency: settings.mappingFrequency,
            timeout: { minutes: 5 },
            fn: async () => {
              if (!(await mapping.reload())) {
                logger.warn(`Falco mapping kept from the last good load: ${mapping.status().lastError}`);
                return;
              }
              const remapped = await store.remapUnmapped(mapping.current(), new Date(Date.now() - eventRetentionMs));
              if (remapped > 0) logger.info(`Falco: mapped ${remapped} earlier unmapped events to components`);
            },
          });

          await scheduler.scheduleTask({
            id: 'falco-retention',
            frequency: settings.retentionFrequency,
            timeout: { minutes: 10 },
            initialDelay: { minutes: 1 },
            fn: async () => {
              const now = new Date();
              const deleted = await store.deleteOld({
                eventsBefore: new Date(now.getTime() - eventRetentionMs),
                countsBeforeDay: firstDayOf(now, Math.ceil(durationToMilliseconds(settings.dailyCountRetention) / 86_400_000)),
              });
              if (deleted.events + deleted.counts > 0) {
                logger.info(`Falco retention: deleted ${deleted.events} events and ${deleted.counts} daily counts`);
              }
            },
          });

          if (settings.demoEnabled) {
            const feeder = new DemoEventFeeder({
              ingestor,
              firstSeen: (entityRefs, at) => store.demoFirstSeen(entityRefs, at),
              mapping,
              maxBatchSize: settings.maxBatchSize,
              logger,
            });
            await scheduler.scheduleTask({
              id: 'falco-demo-events',
              frequency: { minutes: 1 },
              timeout: { minutes: 5 },
              initialDelay: { seconds: 10 },
              fn: async () => {
                await feeder.feed();
              },
            });
          }
          if (!settings.ingestToken) {
            logger.info('Falco ingest is off until falco.ingest.token is set');
          }

          // Falcosidekick and Falco are not Backstage users: the route checks its own token.
          httpRouter.addAuthPolicy({ path: '/events', allow: 'unauthenticated' });
          httpRouter.use(
            createRouter({
              store,
              ingestor,
              mapping,
              httpAuth,
              ingestToken: settings.ingestToken,
              maxBodySize: settings.maxBodySize,
              demo: settings.demoEnabled,
              eventRetentionMs,
            }),
          );
        });
      },
    });
  },
});
