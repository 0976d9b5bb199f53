import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { pluginStartupServiceRef } from '@internal/portal-node';
import { createKubernetesApiRouter } from './kubernetes/createKubernetesApiRouter';
import { createCatalogWorkloadSource } from './workloads/createCatalogWorkloadSource';

/**
 * A fixture Kubernetes API server under `/api/demo-cluster`, for the embedded default
 * only: app-config.yaml points the Kubernetes plugin's one cluster at it. Production
 * configuration leaves this plugin out (see packages/backend/src/index.ts).
 */
export const demoClusterPlugin = createBackendPlugin({
  pluginId: 'demo-cluster',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        startup: pluginStartupServiceRef,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ config, startup, logger, auth, catalog }) {
        // A bad setting stops this plugin only: it answers 503 with the reason (@internal/portal-node).
        await startup.run(async httpRouter => {
          if (!config.getOptionalBoolean('demoCluster.enabled')) {
            logger.info('demo cluster disabled (demoCluster.enabled is not true)');
            return;
          }
          httpRouter.use(
            createKubernetesApiRouter({
              source: createCatalogWorkloadSource({ catalog, auth, logger }),
            }),
          );
          // The Kubernetes plugin calls this like any cluster, with the cluster's own
          // service-account token rather than a Backstage token. It serves fixtures only.
          httpRouter.addAuthPolicy({ path: '/', allow: 'unauthenticated' });
        });
      },
    });
  },
});
