import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { pluginStartupServiceRef } from '@internal/portal-node';
import { CostStore } from './database/CostStore';
import { DemoCostSource } from './demo/DemoCostSource';
import { CostIngester } from './ingest/CostIngester';
import { CostEntity, readCostEntities } from './ingest/readCostEntities';
import { CostReport } from './service/CostReport';
import { createRouter } from './service/createRouter';
import { readCostConfig } from './service/readCostConfig';

/** Cost per team and service, ingested daily; see config.d.ts and README.md. */
export const costPlugin = createBackendPlugin({
  pluginId: 'cost',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        startup: pluginStartupServiceRef,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        database,
        scheduler,
        startup,
        logger,
        auth,
        catalog,
      }) {
        // A bad setting stops this plugin only: it answers 503 with the reason (@internal/portal-node).
        await startup.run(async httpRouter => {
          const settings = readCostConfig(config);
          const store = await CostStore.create(database);
          let latestEntities: CostEntity[] = [];
          const demo = settings.demo
            ? new DemoCostSource({
                entities: () => latestEntities,
                firstSeen: () => store.firstSeenTimes(),
              })
            : undefined;
          const sources = demo ? [...settings.sources, demo] : settings.sources;
          const ingester = new CostIngester({
            store,
            sources,
            readEntities: async () => {
              latestEntities = await readCostEntities({
                catalog,
                auth,
                logger,
                budgetsFromConfig: settings.budgets,
              });
              return latestEntities;
            },
            throughput: settings.throughput ?? demo,
            lookbackDays: settings.lookbackDays,
            logger,
          });
          if (sources.length === 0) {
            logger.info(
              'No cost source is configured (cost.kubecost, cost.aws or cost.demo.enabled); cost pages will be empty',
            );
          } else {
            // The scheduler runs this once across all replicas per interval.
            await scheduler.scheduleTask({
              id: 'cost-ingest',
              frequency: settings.frequency,
              timeout: settings.timeout,
              initialDelay: settings.initialDelay,
              fn: async () => {
                await ingester.run();
              },
            });
          }
          httpRouter.use(
            createRouter({
              report: new CostReport(store, {
                sources: sources.map(source => source.name),
              }),
              anomalyMethod: settings.anomalies,
            }),
          );
        });
      },
    });
  },
});
