import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { SloItem, SloListResponse } from '@internal/plugin-slo-common';
import express from 'express';
import Router from 'express-promise-router';
import { SloStatusStore, StoredSlo } from '../database/SloStatusStore';

function toItem(slo: StoredSlo, now: number): SloItem {
  return {
    ...slo.definition,
    status: slo.status ?? null,
    measuredAt: slo.measuredAt?.toISOString() ?? null,
    ageSeconds: slo.measuredAt ? Math.round((now - slo.measuredAt.getTime()) / 1000) : null,
    error: slo.error ?? null,
    errorAt: slo.errorAt?.toISOString() ?? null,
  };
}

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
  // The full list is read on every overview and home page; it only changes when a refresh
  // stores something, so it is built once per store version.
  let cachedList: { version: string; items: SloItem[]; builtAt: number } | undefined;
  const listAll = async (now: number): Promise<SloItem[]> => {
    const version = await deps.store.version();
    if (cachedList?.version !== version) {
      const stored = await deps.store.list();
      cachedList = { version, items: stored.map(slo => toItem(slo, now)), builtAt: now };
    }
    // Ages move on while the cached items stay.
    const elapsed = Math.round((now - cachedList.builtAt) / 1000);
    return elapsed === 0
      ? cachedList.items
      : cachedList.items.map(item => ({
          ...item,
          ageSeconds: item.ageSeconds === null ? null : item.ageSeconds + elapsed,
        }));
  };
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
    const items =
      entityRef === undefined
        ? await listAll(now)
        : (await deps.store.list({ entityRef, withSeries: true })).map(slo => ({
            ...toItem(slo, now),
            series: slo.series ?? null,
          }));
    const body: SloListResponse = { demo: deps.demo, items };
    res.json(body);
  });
  return router;
}
