import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { readPluginFacts } from '@internal/plugin-scorecards-node';

/** What reading another plugin gave: its body, or why the figures it feeds are unknown. */
export type SourceResult<T> = { ok: true; body: T } | { ok: false; reason: string };

/** Reads other backend plugins' JSON endpoints; an interface so tests can count calls. */
export interface PluginApi {
  get<T>(pluginId: string, path: string): Promise<SourceResult<T>>;
}

/**
 * Reads with a service token (scorecards-node's readPluginFacts). A 404 means the plugin or
 * endpoint is not installed yet (e.g. `/api/slo/freezes` before that work merges): the
 * indicator says "not available" instead of failing the week.
 */
export class ServiceTokenPluginApi implements PluginApi {
  constructor(private readonly deps: { discovery: DiscoveryService; auth: AuthService; timeoutMs?: number }) {}

  async get<T>(pluginId: string, path: string): Promise<SourceResult<T>> {
    try {
      const body = await readPluginFacts<T>({ ...this.deps, pluginId, path });
      return { ok: true, body };
    } catch (error) {
      if (isError(error) && error.name === 'NotFoundError') {
        return { ok: false, reason: `the ${pluginId} plugin does not serve ${path.split('?')[0]} here (404)` };
      }
      return { ok: false, reason: `the ${pluginId} plugin did not answer ${path.split('?')[0]}: ${isError(error) ? error.message : String(error)}` };
    }
  }
}
