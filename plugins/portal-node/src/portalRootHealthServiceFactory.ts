import {
  coreServices,
  createServiceFactory,
  RootHealthService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { PluginStatus, PortalReadinessPayload } from '@internal/portal-common';
import { pluginStatusServiceRef } from './pluginStatusService';

/**
 * The plugins `backend.startup.plugins.<id>.onPluginBootFailure: continue` lets fail alone:
 * the portal's own. Backstage still aborts the start when any other plugin fails.
 */
export function optionalPluginIds(config: Config): string[] {
  const plugins = config.getOptionalConfig('backend.startup.plugins');
  return (plugins?.keys() ?? []).filter(
    id =>
      plugins!.getOptionalString(`${id}.onPluginBootFailure`) === 'continue',
  );
}

/**
 * Backstage's readiness and liveness, with the plugins in the readiness payload: which run,
 * and which of the portal's optional plugins did not start, with the reason. Readiness stays
 * 200 while one of those is not running: the catalog and the other plugins serve, and
 * taking the replica out of rotation would not bring the plugin back.
 */
export const portalRootHealthServiceFactory = createServiceFactory({
  service: coreServices.rootHealth,
  deps: {
    lifecycle: coreServices.rootLifecycle,
    config: coreServices.rootConfig,
    instance: coreServices.rootInstanceMetadata,
    status: pluginStatusServiceRef,
  },
  async factory({
    lifecycle,
    config,
    instance,
    status,
  }): Promise<RootHealthService> {
    let state: 'init' | 'up' | 'down' = 'init';
    lifecycle.addStartupHook(() => {
      state = 'up';
    });
    lifecycle.addBeforeShutdownHook(() => {
      state = 'down';
    });
    const optional = optionalPluginIds(config);
    return {
      async getLiveness() {
        return { status: 200, payload: { status: 'ok' } };
      },
      async getReadiness() {
        if (state !== 'up') {
          const payload: PortalReadinessPayload = {
            status: 'error',
            message:
              state === 'init'
                ? 'Backend has not started yet'
                : 'Backend is shutting down',
          };
          return { status: 503, payload };
        }
        const reported = status.list();
        const notRunning: PluginStatus[] = reported.filter(
          s => s.status === 'not running',
        );
        // An optional plugin that never reported failed before its start-up ran (one of its
        // services did not start); Backstage logged why and let the backend go on.
        for (const pluginId of optional) {
          if (!reported.some(s => s.pluginId === pluginId && !s.moduleId)) {
            notRunning.push({
              pluginId,
              status: 'not running',
              reason: `${pluginId} failed before its start-up ran; see the backend log ("Plugin '${pluginId}' threw an error during startup")`,
              since: new Date().toISOString(),
            });
          }
        }
        const down = new Set(
          notRunning.filter(s => !s.moduleId).map(s => s.pluginId),
        );
        const installed = (await instance.getInstalledPlugins()).map(
          p => p.pluginId,
        );
        const payload: PortalReadinessPayload = {
          status: 'ok',
          plugins: {
            running: installed.filter(id => !down.has(id)).sort(),
            notRunning,
          },
        };
        return { status: 200, payload };
      },
    };
  },
});
