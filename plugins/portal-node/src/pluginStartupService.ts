import {
  coreServices,
  createServiceFactory,
  createServiceRef,
  HttpRouterService,
} from '@backstage/backend-plugin-api';
import { notRunningMessage } from '@internal/portal-common';
import express from 'express';
import { createPluginStatusRouter } from './createPluginStatusRouter';
import { settingOf } from './PluginConfigError';
import { pluginStatusServiceRef } from './pluginStatusService';

/** Runs one of the portal's own plugins' start-up so that its failure stays its own. */
export interface PluginStartupService {
  /**
   * Runs `start` with a router to add the plugin's routes to. If it throws (a missing or
   * malformed setting, a failed migration), the plugin does not run and the backend goes on:
   * one error log line names the reason and the setting, every route of the plugin answers
   * 503 with them, `/health` says so, and so does readiness. Read and check the plugin's
   * configuration first in `start`, before creating tables or scheduling tasks.
   */
  run(start: (router: HttpRouterService) => Promise<void>): Promise<void>;
}

/**
 * Plugin-scoped: `deps: { startup: pluginStartupServiceRef }` in a plugin's registerInit.
 * The plugin's `/health` route is open to unauthenticated probes, like readiness.
 */
export const pluginStartupServiceRef = createServiceRef<PluginStartupService>({
  id: 'portal.plugin-startup',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        plugin: coreServices.pluginMetadata,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        status: pluginStatusServiceRef,
      },
      factory({ plugin, httpRouter, logger, status }) {
        const pluginId = plugin.getId();
        // Routes the plugin adds land here, behind the status router, so a start-up that
        // fails half-way never serves the routes it managed to add.
        const routes = express.Router();
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        httpRouter.use(
          createPluginStatusRouter({
            pluginId,
            status: () => status.get(pluginId),
            routes,
          }),
        );
        const pluginRouter: HttpRouterService = {
          use: handler => routes.use(handler),
          addAuthPolicy: policy => httpRouter.addAuthPolicy(policy),
          addWebSocketHandler: options =>
            httpRouter.addWebSocketHandler(options),
        };
        return {
          async run(start) {
            try {
              await start(pluginRouter);
              status.reportRunning({ pluginId });
            } catch (error) {
              const reason =
                error instanceof Error ? error.message : String(error);
              const setting = settingOf(error);
              status.reportNotRunning({ pluginId, reason, setting });
              const fix = setting
                ? `fix ${setting} and restart`
                : 'see the error below';
              const line = `${notRunningMessage(
                pluginId,
                reason,
              )} (${fix}); the rest of the portal runs without ${pluginId}`;
              // A setting explains itself; anything else needs its stack.
              if (setting) logger.error(line, { setting });
              else
                logger.error(line, error instanceof Error ? error : undefined);
            }
          },
        };
      },
    }),
});
