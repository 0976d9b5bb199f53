import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import path from 'node:path';
import { createPublishLocalAction } from './actions/createPublishLocalAction';
import { createRegisterLocalAction } from './actions/createRegisterLocalAction';
import { createValidateAction } from './actions/createValidateAction';
import { readGoldenPathSettings } from './values/goldenPathSettings';

/** The golden-path templates' actions; see config.d.ts for `goldenPath`. */
export const scaffolderModuleGoldenPath = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'golden-path',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        scaffolder: scaffolderActionsExtensionPoint,
        catalog: catalogServiceRef,
      },
      async init({ config, scaffolder, catalog }) {
        scaffolder.addActions(
          createValidateAction({ catalog, settings: readGoldenPathSettings(config) }),
          createRegisterLocalAction({ catalog }),
        );
        const localDirectory = config.getOptionalString(
          'goldenPath.localPublisher.directory',
        );
        if (localDirectory) {
          scaffolder.addActions(
            createPublishLocalAction({ directory: path.resolve(localDirectory) }),
          );
        }
      },
    });
  },
});
