import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { CostReport } from './CostReport';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/;

function entityRefFrom(
  kind: 'group' | 'component',
  params: { namespace: string; name: string },
): string {
  for (const field of ['namespace', 'name'] as const) {
    if (!NAME.test(params[field])) {
      throw new InputError(
        `${field} "${
          params[field]
        }" is not an entity ${field}; use letters, digits, '.', '_' and '-', e.g. /${
          kind === 'group' ? 'teams' : 'services'
        }/default/checkout`,
      );
    }
  }
  return `${kind}:${params.namespace.toLowerCase()}/${params.name.toLowerCase()}`;
}

/**
 * Read-only routes over the stored history; see README.md for the shapes.
 * httpRouter's default policy admits signed-in users and backend services (scorecards).
 */
export function createRouter(deps: { report: CostReport }): express.Router {
  const router = Router();
  router.get('/overview', async (_req, res) => {
    res.json(
      await deps.report.cached('overview', () => deps.report.overview()),
    );
  });
  router.get('/teams/:namespace/:name', async (req, res) => {
    const ref = entityRefFrom('group', req.params);
    res.json(await deps.report.cached(ref, () => deps.report.team(ref)));
  });
  router.get('/services/:namespace/:name', async (req, res) => {
    const ref = entityRefFrom('component', req.params);
    res.json(await deps.report.cached(ref, () => deps.report.service(ref)));
  });
  router.get('/facts', async (_req, res) => {
    res.json(await deps.report.cached('facts', () => deps.report.facts()));
  });
  return router;
}
