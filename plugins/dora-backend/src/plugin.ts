import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { DefaultGithubCredentialsProvider, ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { PluginConfigError, pluginStartupServiceRef } from '@internal/portal-node';
import { DORA_TREND_WEEKS, DORA_WINDOWS } from '@internal/plugin-dora-common';
import { DoraStore } from './database/DoraStore';
import { OctokitDeploymentsClient } from './github/OctokitDeploymentsClient';
import { DoraRefresher } from './ingest/DoraRefresher';
import { createRouter } from './service/createRouter';
import { DoraReadModel } from './service/DoraReadModel';
import { readDoraConfig } from './service/readDoraConfig';

/** DORA metrics from GitHub deployments for every component with a project slug; see config.d.ts. */
export const doraPlugin = createBackendPlugin({
  pluginId: 'dora',
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
      async init({ config, database, scheduler, startup, logger, auth, catalog }) {
        // A bad setting stops this plugin only: it answers 503 with the reason (@internal/portal-node).
        await startup.run(async httpRouter => {
          const settings = readDoraConfig(config);
          if (settings.timeZoneProblem) logger.warn(settings.timeZoneProblem);
          let client: OctokitDeploymentsClient | undefined;
          let webBaseUrl = `https://${settings.host}`;
          if (!settings.demo) {
            const integrations = ScmIntegrations.fromConfig(config);
            const integration = integrations.github.byHost(settings.host);
            if (!integration) {
              throw new PluginConfigError(
                'dora.github.host',
                `dora.github.host is "${settings.host}", which has no integrations.github entry; add one with a token or GitHub App`,
              );
            }
            webBaseUrl = integration.config.host === 'github.com' ? 'https://github.com' : `https://${integration.config.host}`;
            client = new OctokitDeploymentsClient({
              apiBaseUrl: integration.config.apiBaseUrl ?? 'https://api.github.com',
              host: settings.host,
              credentials: DefaultGithubCredentialsProvider.fromIntegrations(integrations),
              logger,
              timeoutMs: settings.requestTimeoutMs,
              maxRateLimitWaitSeconds: settings.maxRateLimitWaitSeconds,
            });
          }
          // Settings first: a bad one stops the plugin before it creates tables.
          const store = await DoraStore.create(database);
          const refresher = new DoraRefresher({
            catalog,
            auth,
            store,
            logger,
            client,
            environment: settings.environment,
            workflow: settings.deployWorkflow,
            runFilter: settings.runFilter,
            concurrency: settings.concurrency,
            // The longest metrics window, and the trend's 13 weeks plus the partial first one.
            historyDays: Math.max(...Object.values(DORA_WINDOWS), DORA_TREND_WEEKS * 7 + 7),
          });
          // The scheduler runs this once across all replicas per interval.
          await scheduler.scheduleTask({
            id: 'dora-refresh',
            frequency: settings.frequency,
            timeout: settings.timeout,
            initialDelay: { seconds: 5 },
            fn: async () => {
              await refresher.refresh();
            },
          });
          httpRouter.use(
            createRouter({
              store,
              readModel: new DoraReadModel({ store, webBaseUrl, demo: settings.demo, timeZone: settings.timeZone }),
            }),
          );
        });
      },
    });
  },
});
