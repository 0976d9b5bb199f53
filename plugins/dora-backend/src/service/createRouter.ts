import { InputError, NotFoundError } from '@backstage/errors';
import { DEFAULT_DORA_WINDOW, DORA_WINDOWS, DoraWindow, GITHUB_PROJECT_SLUG_ANNOTATION, parseDoraWindow } from '@internal/plugin-dora-common';
import express from 'express';
import Router from 'express-promise-router';
import { DoraStore } from '../database/DoraStore';
import { DoraReadModel } from './DoraReadModel';

// How far apart `since` and `until` of /deployments may be (the store keeps about 100 days).
const MAX_DEPLOYMENTS_RANGE_DAYS = 120;

// Backstage entity namespace and name rules (letters, digits, - _ . ; at most 63).
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

function entityRefFrom(req: express.Request, kind: 'component' | 'group'): string {
  const { namespace, name } = req.params;
  for (const [field, value] of [['namespace', namespace], ['name', name]] as const) {
    if (!NAME.test(value)) {
      throw new InputError(`${field} "${value}" is not an entity ${field}: use letters, digits, "-", "_" and "." (at most 63)`);
    }
  }
  // As stringifyEntityRef writes it, which is how the store keys services and owners.
  return `${kind}:${namespace}/${name}`;
}

/** `?window=30d|90d`, 90 days when absent. */
function windowFrom(req: express.Request): DoraWindow {
  const raw = req.query.window;
  if (raw === undefined || raw === '') return DEFAULT_DORA_WINDOW;
  const window = parseDoraWindow(raw);
  if (!window) {
    throw new InputError(`Query parameter window is "${String(raw)}"; use one of ${Object.keys(DORA_WINDOWS).join(', ')}`);
  }
  return window;
}

/**
 * Reads the store only, so pages never wait on GitHub (`?window=30d|90d` on the first three):
 * - `GET /services/:namespace/:name`: one component's metrics, weekly trend, latest deployments;
 * - `GET /teams/:namespace/:name`: a group's services and its own figures;
 * - `GET /overview`: services and teams ranked by tier;
 * - `GET /facts`: the scorecards facts contract;
 * - `GET /deployments?since=&until=`: finished deployments in a range, for the weekly platform review.
 */
export function createRouter(deps: { store: DoraStore; readModel: DoraReadModel; clock?: () => Date }): express.Router {
  const clock = deps.clock ?? (() => new Date());
  const router = Router();

  router.get('/services/:namespace/:name', async (req, res) => {
    const entityRef = entityRefFrom(req, 'component');
    const service = await deps.store.getService(entityRef);
    if (!service) {
      throw new NotFoundError(
        `${entityRef} has no DORA data: give the component a ${GITHUB_PROJECT_SLUG_ANNOTATION} annotation (owner/repository) and wait for the next refresh`,
      );
    }
    res.json(await deps.readModel.service(service, clock(), windowFrom(req)));
  });

  router.get('/teams/:namespace/:name', async (req, res) => {
    const entityRef = entityRefFrom(req, 'group');
    const window = windowFrom(req);
    const services = await deps.store.listServices({ ownerRef: entityRef });
    res.json(await deps.readModel.team(entityRef, services, clock(), window));
  });

  router.get('/overview', async (req, res) => {
    const window = windowFrom(req);
    res.json(await deps.readModel.overview(await deps.store.listServices(), clock(), window));
  });

  router.get('/facts', async (_req, res) => {
    res.json(await deps.readModel.facts(await deps.store.listServices(), clock()));
  });

  router.get('/deployments', async (req, res) => {
    const now = clock();
    const until = timeParam(req, 'until') ?? now;
    const since = timeParam(req, 'since');
    if (!since) throw new InputError('Query parameter since is required, an ISO 8601 time such as 2026-09-01T00:00:00Z');
    if (since.getTime() >= until.getTime()) throw new InputError('Query parameter since must be before until');
    if (until.getTime() - since.getTime() > MAX_DEPLOYMENTS_RANGE_DAYS * 86_400_000) {
      throw new InputError(`Query parameters since and until may be at most ${MAX_DEPLOYMENTS_RANGE_DAYS} days apart`);
    }
    res.json(await deps.readModel.deployments(await deps.store.listServices(), since, until));
  });

  return router;
}

function timeParam(req: express.Request, name: string): Date | undefined {
  const raw = req.query[name];
  if (raw === undefined || raw === '') return undefined;
  const value = typeof raw === 'string' ? new Date(raw) : new Date(NaN);
  if (Number.isNaN(value.getTime())) {
    throw new InputError(`Query parameter ${name} must be one ISO 8601 time such as 2026-09-01T00:00:00Z`);
  }
  return value;
}
