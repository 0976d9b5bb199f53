import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scorecardsPermissions } from '@internal/plugin-scorecards-common';
import { pluginStartupServiceRef } from '@internal/portal-node';
import {
  ScorecardFactRetriever,
  scorecardsFactsExtensionPoint,
} from '@internal/plugin-scorecards-node';
import { ScorecardStore } from './database/ScorecardStore';
import { DefinitionsSource } from './definitions/DefinitionsSource';
import { ScorecardEvaluator } from './evaluation/ScorecardEvaluator';
import { createCatalogFactRetriever } from './facts/catalogFactRetriever';
import { readScorecardsConfig } from './readScorecardsConfig';
import { createRouter } from './service/router';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Scorecards over catalog metadata and the facts modules contribute; see README.md. */
export const scorecardsPlugin = createBackendPlugin({
  pluginId: 'scorecards',
  register(env) {
    const retrievers: ScorecardFactRetriever[] = [];
    env.registerExtensionPoint(scorecardsFactsExtensionPoint, {
      addFactRetriever(...added) {
        for (const retriever of added) {
          for (const fact of Object.keys(retriever.facts)) {
            const owner = retrievers.find(r => fact in r.facts);
            if (owner) {
              throw new Error(`Scorecard fact ${fact} from ${retriever.id} is already provided by ${owner.id}`);
            }
          }
          retrievers.push(retriever);
        }
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        startup: pluginStartupServiceRef,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        // A bad setting stops this plugin only: it answers 503 with the reason (@internal/portal-node).
        await deps.startup.run(async httpRouter => {
          const { config, database, scheduler, httpAuth, logger, auth, permissions, catalog } = deps;
          const settings = readScorecardsConfig(config);
          deps.permissionsRegistry.addPermissions(scorecardsPermissions);
          const store = await ScorecardStore.create(database);
          const definitions = new DefinitionsSource({ store, file: settings.definitionsFile });
          await definitions.checkFile();
          const allRetrievers = [createCatalogFactRetriever({ catalog, auth }), ...retrievers];
          const evaluator = new ScorecardEvaluator({
            catalog,
            auth,
            retrievers: allRetrievers,
            definitions,
            store,
            logger,
            entityKinds: settings.entityKinds,
            factTimeoutMs: settings.factTimeoutMs,
          });
          // The scheduler runs this once across all replicas per interval.
          await scheduler.scheduleTask({
            id: 'scorecards-evaluate',
            frequency: settings.frequency,
            timeout: settings.timeout,
            initialDelay: settings.initialDelay,
            fn: async () => {
              await evaluator.evaluate('schedule');
              await store.prune(new Date(Date.now() - settings.historyDays * DAY_MS));
            },
          });
          httpRouter.use(
            createRouter({
              store,
              definitions,
              evaluator,
              retrievers: allRetrievers,
              httpAuth,
              permissions,
              logger,
              platformGroup: settings.platformGroup,
              trendDays: settings.historyDays,
            }),
          );
        });
      },
    });
  },
});
