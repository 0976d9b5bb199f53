import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import {
  NotFoundError,
  ResponseError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { PLUGIN_NOT_RUNNING_ERROR } from '@internal/portal-common';

/**
 * GETs another backend plugin's JSON endpoint (e.g. `slo` + `/slos`) with a service token,
 * the way every scorecards fact module reads its source plugin. Throws on any non-2xx
 * answer or after `timeoutMs`, which marks the module's facts unavailable; a 404 (plugin or
 * endpoint not installed) throws `NotFoundError`, so callers can tell it from an outage, and
 * a plugin that did not start throws `ServiceUnavailableError` with its own words
 * ("slo is not running: <reason>").
 */
export async function readPluginFacts<T>(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  pluginId: string;
  path: string;
  timeoutMs?: number;
}): Promise<T> {
  const { discovery, auth, pluginId, path } = options;
  const baseUrl = await discovery.getBaseUrl(pluginId);
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: await auth.getOwnServiceCredentials(),
    targetPluginId: pluginId,
  });
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  if (response.status === 404) {
    throw new NotFoundError(
      `the ${pluginId} plugin is not installed in this backend (404 from ${baseUrl}${path})`,
    );
  }
  if (!response.ok) {
    const error = await ResponseError.fromResponse(response);
    if (error.cause.name === PLUGIN_NOT_RUNNING_ERROR) {
      throw new ServiceUnavailableError(error.cause.message);
    }
    throw error;
  }
  return (await response.json()) as T;
}
