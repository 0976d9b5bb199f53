import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { AnomalyMethod } from '@internal/plugin-cost-common';
import { CostReport } from './CostReport';
import { parseAnomalyQuery } from './parseAnomalyQuery';
import { parseUnitCostQuery } from './parseUnitCostQuery';

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
export function createRouter(deps: {
  report: CostReport;
  anomalyMethod: AnomalyMethod;
}): express.Router {
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
  router.get('/anomalies', async (req, res) => {
    const query = parseAnomalyQuery(req.query);
    // Computed for every team and service once per range and data version; a card asking
    // for one entity filters the cached answer.
    const all = await deps.report.cached(
      `anomalies:${query.from ?? ''}:${query.to ?? ''}`,
      () => deps.report.anomalies(query, deps.anomalyMethod),
    );
    res.json(
      query.entityRef
        ? {
            ...all,
            anomalies: all.anomalies.filter(
              a => a.entityRef === query.entityRef,
            ),
          }
        : all,
    );
  });
  router.get('/unit-cost', async (req, res) => {
    const query = parseUnitCostQuery(req.query);
    res.json(
      await deps.report.cached(
        `unit-cost:${query.unit}:${query.from ?? ''}:${query.to ?? ''}`,
        () => deps.report.unitCost(query),
      ),
    );
  });
  return router;
}
