import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { SloItem, SloListResponse } from '@internal/plugin-slo-common';
import express from 'express';
import Router from 'express-promise-router';
import { SloStatusStore } from '../database/SloStatusStore';

/**
 * `GET /slos[?entityRef=component:default/x]`: every stored SLO with its last good status,
 * when it was measured, and why the latest refresh failed if it did; for one entity also
 * its burn and budget series. Reads the store only: pages never wait on Prometheus.
 */
export function createRouter(deps: {
  store: SloStatusStore;
  demo: boolean;
  clock?: () => Date;
}): express.Router {
  const clock = deps.clock ?? (() => new Date());
  const router = Router();
  router.get('/slos', async (req, res) => {
    let entityRef: string | undefined;
    if (req.query.entityRef !== undefined) {
      try {
        entityRef = stringifyEntityRef(parseEntityRef(String(req.query.entityRef)));
      } catch {
        throw new InputError(
          `entityRef "${req.query.entityRef}" is not an entity reference; use kind:namespace/name, e.g. component:default/checkout-service`,
        );
      }
    }
    const now = clock().getTime();
    const stored = await deps.store.list({ entityRef, withSeries: entityRef !== undefined });
    const items: SloItem[] = stored.map(slo => ({
      ...slo.definition,
      status: slo.status ?? null,
      ...(entityRef !== undefined ? { series: slo.series ?? null } : {}),
      measuredAt: slo.measuredAt?.toISOString() ?? null,
      ageSeconds: slo.measuredAt ? Math.round((now - slo.measuredAt.getTime()) / 1000) : null,
      error: slo.error ?? null,
      errorAt: slo.errorAt?.toISOString() ?? null,
    }));
    const body: SloListResponse = { demo: deps.demo, items };
    res.json(body);
  });
  return router;
}
