import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import path from 'node:path';
import { LocalRepositoriesProvider } from './LocalRepositoriesProvider';

/**
 * Active when `goldenPath.localPublisher.directory` is set (the embedded default):
 * repositories published there appear in the catalog within a few seconds.
 */
export const catalogModuleLocalRepositories = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'local-repositories',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        catalog: catalogProcessingExtensionPoint,
        scheduler: coreServices.scheduler,
        logger: coreServices.logger,
      },
      async init({ config, catalog, scheduler, logger }) {
        const directory = config.getOptionalString('goldenPath.localPublisher.directory');
        if (!directory) return;
        const provider = new LocalRepositoriesProvider(path.resolve(directory), logger);
        catalog.addEntityProvider(provider);
        await scheduler.scheduleTask({
          id: 'golden-path-local-repositories',
          // Cheap (one directory listing) and what a newcomer waits on after "Create".
          frequency: { seconds: 3 },
          timeout: { seconds: 30 },
          fn: async () => {
            await provider.refresh();
          },
        });
      },
    });
  },
});
