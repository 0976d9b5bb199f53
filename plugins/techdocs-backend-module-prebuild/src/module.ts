import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { prebuildAllDocs } from './prebuildAllDocs';

/** See config.d.ts: `techdocs.prebuild`. */
export const techdocsModulePrebuild = createBackendModule({
  pluginId: 'techdocs',
  moduleId: 'prebuild',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        logger: coreServices.logger,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        catalog: catalogServiceRef,
      },
      async init({ config, scheduler, logger, auth, discovery, catalog }) {
        const scheduleConfig = config.getOptionalConfig('techdocs.prebuild.schedule');
        await scheduler.scheduleTask({
          id: 'techdocs-prebuild',
          ...(scheduleConfig
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
            : {
                frequency: { minutes: 30 },
                timeout: { minutes: 10 },
                initialDelay: { seconds: 10 },
              }),
          fn: async () => {
            await prebuildAllDocs({ catalog, auth, discovery, logger });
          },
        });
      },
    });
  },
});
