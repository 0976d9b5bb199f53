import { PLUGIN_NOT_RUNNING_ERROR, PluginNotRunningError } from '@internal/portal-common';

/**
 * What went wrong with a call to one of the portal's plugins, for the error state of a card or
 * page. `not-running`: the plugin did not start (a bad setting) and said why; `failed`:
 * anything else. One place to classify, so cards need no per-plugin logic (retries can add
 * their own kind here).
 */
export type PluginErrorKind =
  | { kind: 'not-running'; pluginId: string; message: string; reason: string; setting?: string }
  | { kind: 'failed'; message: string };

/**
 * Reads a ResponseError (as the plugins' API clients throw) without depending on its class:
 * the server's error is in `body.error` (and `cause`), Backstage's error body.
 */
function remoteError(error: unknown): Partial<PluginNotRunningError> | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { body, cause } = error as { body?: { error?: unknown }; cause?: unknown };
  const remote = body?.error ?? cause;
  return remote && typeof remote === 'object' ? (remote as Partial<PluginNotRunningError>) : undefined;
}

export function classifyPluginError(error: unknown): PluginErrorKind {
  const remote = remoteError(error);
  if (remote?.name === PLUGIN_NOT_RUNNING_ERROR && remote.pluginId && remote.message && remote.reason) {
    return {
      kind: 'not-running',
      pluginId: remote.pluginId,
      message: remote.message,
      reason: remote.reason,
      setting: remote.setting,
    };
  }
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
}

/** One line for places too small for a panel: "slo is not running: …", else the error's message. */
export function pluginErrorMessage(error: unknown): string {
  return classifyPluginError(error).message;
}
