import express from 'express';
import Router from 'express-promise-router';
import { SloStatusStore } from '../database/SloStatusStore';

/**
 * `GET /slos[?entityRef=component:default/x]`: every stored SLO with its last good status,
 * when it was measured, and why the latest refresh failed if it did. Reads the store only:
 * pages never wait on Prometheus.
 */
export function createRouter(deps: { store: SloStatusStore; clock?: () => Date }): express.Router {
  const clock = deps.clock ?? (() => new Date());
  const router = Router();
  router.get('/slos', async (req, res) => {
    const entityRef = typeof req.query.entityRef === 'string' ? req.query.entityRef : undefined;
    const now = clock().getTime();
    const items = (await deps.store.list({ entityRef })).map(stored => ({
      ...stored.definition,
      status: stored.status ?? null,
      measuredAt: stored.measuredAt?.toISOString() ?? null,
      ageSeconds: stored.measuredAt ? Math.round((now - stored.measuredAt.getTime()) / 1000) : null,
      error: stored.error ?? null,
      errorAt: stored.errorAt?.toISOString() ?? null,
    }));
    res.json({ items });
  });
  return router;
}
