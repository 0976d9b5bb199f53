import { DatabaseManager } from '@backstage/backend-defaults/database';
import { coreServices, createServiceFactory } from '@backstage/backend-plugin-api';
import { serializeMigrations } from './serializedMigrations';

/**
 * Backstage's database service, with every plugin's (and core service's) migrations
 * serialized across replicas; see serializeMigrations. Replaces the default factory.
 */
export const serializedMigrationsDatabaseServiceFactory = createServiceFactory({
  service: coreServices.database,
  deps: {
    config: coreServices.rootConfig,
    lifecycle: coreServices.lifecycle,
    logger: coreServices.logger,
    pluginMetadata: coreServices.pluginMetadata,
    rootLifecycle: coreServices.rootLifecycle,
    rootLogger: coreServices.rootLogger,
  },
  async createRootContext({ config, rootLifecycle, rootLogger }) {
    return DatabaseManager.fromConfig(config, { rootLifecycle, rootLogger });
  },
  async factory({ pluginMetadata, lifecycle, logger }, manager) {
    const database = manager.forPlugin(pluginMetadata.getId(), { lifecycle, logger });
    return {
      migrations: database.migrations,
      getClient: async () => serializeMigrations(await database.getClient()),
    };
  },
});
