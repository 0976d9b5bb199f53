import {
  notRunningMessage,
  PLUGIN_NOT_RUNNING_ERROR,
  PluginNotRunningError,
  PluginStatus,
} from '@internal/portal-common';
import express from 'express';

/**
 * `GET /health` (200 running, 503 not running, with the reason), then, while the plugin is
 * not running, 503 for every other route with Backstage's error body whose `error` is a
 * PluginNotRunningError; while it runs, everything else goes to `routes`.
 */
export function createPluginStatusRouter(options: {
  pluginId: string;
  status: () => PluginStatus | undefined;
  routes: express.Handler;
}): express.Router {
  const { pluginId, status, routes } = options;
  const router = express.Router();
  router.get('/health', (_req, res) => {
    const current = status() ?? {
      pluginId,
      status: 'not running',
      reason: 'still starting',
      since: new Date().toISOString(),
    };
    res.status(current.status === 'running' ? 200 : 503).json(current);
  });
  router.use((req, res, next) => {
    const current = status();
    if (current?.status !== 'not running') {
      routes(req, res, next);
      return;
    }
    const reason = current.reason ?? 'it failed to start; see the backend log';
    const error: PluginNotRunningError = {
      name: PLUGIN_NOT_RUNNING_ERROR,
      message: notRunningMessage(pluginId, reason),
      pluginId,
      reason,
      ...(current.setting ? { setting: current.setting } : {}),
    };
    res.status(503).json({
      error,
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: 503 },
    });
  });
  return router;
}
