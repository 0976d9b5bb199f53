import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  createTemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import { scaffolderTemplatingExtensionPoint } from '@backstage/plugin-scaffolder-node/alpha';
import { GOLDEN_PATH_ENCODERS } from '@internal/plugin-golden-path-common';
import { notRunningMessage } from '@internal/portal-common';
import { pluginStatusServiceRef, settingOf } from '@internal/portal-node';
import path from 'node:path';
import { createPublishLocalAction } from './actions/createPublishLocalAction';
import { createRegisterLocalAction } from './actions/createRegisterLocalAction';
import { createValidateAction } from './actions/createValidateAction';
import { readGoldenPathSettings } from './values/goldenPathSettings';

/**
 * The golden-path templates' actions; see config.d.ts for `goldenPath`. A bad `goldenPath`
 * setting leaves the scaffolder running: `golden-path:validate`, every golden path's first
 * step, then fails with the reason before anything is created, and readiness lists
 * `scaffolder/golden-path` as not running.
 */
export const scaffolderModuleGoldenPath = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'golden-path',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scaffolder: scaffolderActionsExtensionPoint,
        templating: scaffolderTemplatingExtensionPoint,
        catalog: catalogServiceRef,
        status: pluginStatusServiceRef,
      },
      async init({ config, logger, scaffolder, templating, catalog, status }) {
        // The skeletons pass every value through one of these (`${{ values.x | yaml }}`).
        templating.addTemplateFilters(
          Object.fromEntries(
            Object.entries(GOLDEN_PATH_ENCODERS).map(([name, encode]) => [
              name,
              (value: unknown) => encode(value),
            ]),
          ),
        );
        const id = { pluginId: 'scaffolder', moduleId: 'golden-path' };
        try {
          const settings = readGoldenPathSettings(config);
          scaffolder.addActions(createValidateAction({ catalog, settings }));
          status.reportRunning(id);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          const setting = settingOf(error);
          status.reportNotRunning({ ...id, reason, setting });
          const message = notRunningMessage('golden-path', reason);
          logger.error(
            `${message} (fix ${setting ?? 'goldenPath'} and restart); golden-path templates fail at their first step until then`,
          );
          scaffolder.addActions(
            createTemplateAction({
              id: 'golden-path:validate',
              description: message,
              async handler() {
                throw new ServiceUnavailableError(message);
              },
            }),
          );
        }
        scaffolder.addActions(createRegisterLocalAction({ catalog }));
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
