/**
 * The `name` of the error a plugin that did not start answers every request with (HTTP 503,
 * Backstage's error body), so a browser or another plugin can tell "not running" from an
 * outage or a bug.
 */
export const PLUGIN_NOT_RUNNING_ERROR = 'PluginNotRunningError';

/** Whether one of the portal's own plugins (or a module of a plugin) runs, and if not, why. */
// Types, not interfaces: they are JSON payloads (assignable to Backstage's JsonObject).
export type PluginStatus = {
  pluginId: string;
  /** Set for a backend module, e.g. scaffolder's `golden-path`. */
  moduleId?: string;
  status: 'running' | 'not running';
  /** Why it did not start, naming what to fix; only when not running. */
  reason?: string;
  /** The configuration key to fix, e.g. `slo.prometheus`, when one is at fault. */
  setting?: string;
  /** When it started, or failed to, ISO 8601. */
  since: string;
};

/** The `error` of the 503 body every route of a not-running plugin answers with. */
export interface PluginNotRunningError {
  name: typeof PLUGIN_NOT_RUNNING_ERROR;
  /** `<plugin> is not running: <reason>`, ready to show. */
  message: string;
  pluginId: string;
  reason: string;
  setting?: string;
}

/** `GET /api/<plugin>/health` of the portal's own plugins: 200 running, 503 not running. */
export type PluginHealthResponse = PluginStatus;

/**
 * The readiness endpoint's payload (`/.backstage/health/v1/readiness`). The backend is ready
 * while any of the portal's optional plugins is not running: the catalog and every other
 * plugin serve, and `plugins.notRunning` says which did not start.
 */
export type PortalReadinessPayload = {
  status: 'ok' | 'error';
  message?: string;
  plugins?: {
    running: string[];
    notRunning: PluginStatus[];
  };
};

/** The one wording for a plugin that did not start, in logs, responses and pages. */
export function notRunningMessage(name: string, reason: string): string {
  return `${name} is not running: ${reason}`;
}
