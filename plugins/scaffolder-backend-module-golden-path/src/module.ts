import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderTemplatingExtensionPoint } from '@backstage/plugin-scaffolder-node/alpha';
import { GOLDEN_PATH_ENCODERS } from '@internal/plugin-golden-path-common';
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
        templating: scaffolderTemplatingExtensionPoint,
        catalog: catalogServiceRef,
      },
      async init({ config, scaffolder, templating, catalog }) {
        // The skeletons pass every value through one of these (`${{ values.x | yaml }}`).
        templating.addTemplateFilters(
          Object.fromEntries(
            Object.entries(GOLDEN_PATH_ENCODERS).map(([name, encode]) => [
              name,
              (value: unknown) => encode(value),
            ]),
          ),
        );
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
