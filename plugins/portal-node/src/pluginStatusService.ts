import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { PluginStatus } from '@internal/portal-common';

/** Which of the portal's own plugins (and modules) started, and why the others did not. */
export interface PluginStatusService {
  reportRunning(id: { pluginId: string; moduleId?: string }): void;
  reportNotRunning(status: {
    pluginId: string;
    moduleId?: string;
    reason: string;
    setting?: string;
  }): void;
  get(pluginId: string, moduleId?: string): PluginStatus | undefined;
  list(): PluginStatus[];
}

const keyOf = (pluginId: string, moduleId?: string) =>
  moduleId ? `${pluginId}/${moduleId}` : pluginId;

class InMemoryPluginStatusService implements PluginStatusService {
  private readonly statuses = new Map<string, PluginStatus>();

  reportRunning(id: { pluginId: string; moduleId?: string }) {
    this.set({ ...id, status: 'running', since: new Date().toISOString() });
  }

  reportNotRunning(status: {
    pluginId: string;
    moduleId?: string;
    reason: string;
    setting?: string;
  }) {
    this.set({
      ...status,
      status: 'not running',
      since: new Date().toISOString(),
    });
  }

  get(pluginId: string, moduleId?: string) {
    return this.statuses.get(keyOf(pluginId, moduleId));
  }

  list() {
    return [...this.statuses.values()];
  }

  private set(status: PluginStatus) {
    this.statuses.set(keyOf(status.pluginId, status.moduleId), status);
  }
}

/**
 * One per backend: each plugin's start-up reports to it (see pluginStartupServiceRef), and
 * the readiness endpoint reads it (portalRootHealthServiceFactory).
 */
export const pluginStatusServiceRef = createServiceRef<PluginStatusService>({
  id: 'portal.plugin-status',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {},
      factory: () => new InMemoryPluginStatusService(),
    }),
});
