import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { pluginStartupServiceRef } from '@internal/portal-node';
import { readReviewConfig } from './readReviewConfig';
import { WeeklyReviewService } from './review/WeeklyReviewService';
import { createRouter } from './service/router';
import { ServiceTokenPluginApi } from './sources/PluginApi';

/** The platform team's weekly review, read from the other plugins' APIs; see config.d.ts. */
export const platformReviewPlugin = createBackendPlugin({
  pluginId: 'platform-review',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        startup: pluginStartupServiceRef,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ config, startup, discovery, auth, catalog }) {
        // A bad setting stops this plugin only: it answers 503 with the reason (@internal/portal-node).
        await startup.run(async httpRouter => {
          const settings = readReviewConfig(config);
          const owners = async () => {
            const { items } = await catalog.getEntities(
              { filter: { kind: 'component' }, fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.owner'] },
              { credentials: await auth.getOwnServiceCredentials() },
            );
            const map = new Map<string, string>();
            for (const entity of items) {
              const owner = entity.spec?.owner;
              if (typeof owner !== 'string') continue;
              const namespace = entity.metadata.namespace ?? 'default';
              map.set(
                stringifyEntityRef({ kind: 'component', namespace, name: entity.metadata.name }),
                stringifyEntityRef(parseEntityRef(owner, { defaultKind: 'group', defaultNamespace: namespace })),
              );
            }
            return map;
          };
          const reviews = new WeeklyReviewService({ settings, api: new ServiceTokenPluginApi({ discovery, auth, timeoutMs: 20_000 }), owners });
          httpRouter.use(createRouter({ reviews }));
        });
      },
    });
  },
});
