import { HttpAuthService, LoggerService, PermissionsService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult, BasicPermission } from '@backstage/plugin-permission-common';
import {
  DefinitionsResponse,
  EntityResponse,
  EvaluationRun,
  OverviewResponse,
  scorecardsDefinitionsUpdatePermission,
  scorecardsEvaluatePermission,
  TeamRollup,
  TeamsResponse,
} from '@internal/plugin-scorecards-common';
import { ScorecardFactRetriever } from '@internal/plugin-scorecards-node';
import express from 'express';
import Router from 'express-promise-router';
import { ScorecardStore } from '../database/ScorecardStore';
import { DefinitionsSource } from '../definitions/DefinitionsSource';
import { ALL_SCOPE, ScorecardEvaluator } from '../evaluation/ScorecardEvaluator';
import { rollUp } from '../evaluation/rollUp';
import { buildOverviewRows, filterResults, filterValues, OverviewFilter } from './buildOverview';
import { BoundedCache } from './BoundedCache';
import { LatestResults } from './LatestResults';
import { overviewCsv } from './overviewCsv';

export interface RouterDeps {
  store: ScorecardStore;
  definitions: DefinitionsSource;
  evaluator: ScorecardEvaluator;
  retrievers: ScorecardFactRetriever[];
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  /** Named in the denial message, e.g. group:default/platform. */
  platformGroup: string;
  trendDays: number;
  clock?: () => Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function listParam(query: express.Request['query'], name: string, kind?: string): string[] | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const values = (Array.isArray(raw) ? raw : [raw]).flatMap(v => {
    if (typeof v !== 'string') throw new InputError(`Query parameter "${name}" must be text, e.g. ?${name}=checkout`);
    return v.split(',').map(s => s.trim()).filter(Boolean);
  });
  if (!kind) return values;
  return values.map(value => normalizeRef(value, kind, name));
}

function normalizeRef(value: string, defaultKind: string, field: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(value, { defaultKind, defaultNamespace: 'default' })).toLocaleLowerCase(
      'en-US',
    );
  } catch {
    throw new InputError(
      `Query parameter "${field}" must be an entity ref such as ${defaultKind}:default/name or a plain name; got "${value}"`,
    );
  }
}

/**
 * Reads for everyone signed in (`/definitions`, `/overview`, `/overview.csv`, `/entity`,
 * `/teams`, `/runs/latest`); `POST /evaluate` and `PUT /definitions` need the
 * scorecards permissions (granted to the platform group by PlatformTeamScorecardsPolicy).
 */
export function createRouter(deps: RouterDeps): express.Router {
  const { store, definitions, evaluator, httpAuth, permissions } = deps;
  const clock = deps.clock ?? (() => new Date());
  const latest = new LatestResults(store);
  const overviewCache = new BoundedCache<string>(50);
  const router = Router();
  router.use(express.json({ limit: '1mb' }));

  async function requireDefinitions() {
    const current = await definitions.current();
    if (!current) {
      throw new NotFoundError(
        'No scorecard definitions: set scorecards.definitionsFile in app-config.yaml or save definitions from the portal',
      );
    }
    return current;
  }

  async function runInfo() {
    const { run, results } = await latest.get();
    const sources = run?.sources ?? [];
    return { run, results, sources, demo: sources.some(s => s.demo) };
  }

  async function authorizeUser(req: express.Request, permission: BasicPermission, action: string) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [decision] = await permissions.authorize([{ permission }], { credentials });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Only members of ${deps.platformGroup} may ${action}`);
    }
    return credentials.principal.userEntityRef;
  }

  router.get('/definitions', async (_req, res) => {
    const current = await requireDefinitions();
    const facts = deps.retrievers.flatMap(r =>
      Object.entries(r.facts).map(([name, schema]) => ({ name, source: r.id, ...schema })),
    );
    const provided = new Set(facts.map(f => f.name));
    const used = current.definitions.scorecards.flatMap(s => s.checks.map(c => c.fact));
    const body: DefinitionsResponse = {
      ...current,
      facts,
      missingFacts: [...new Set(used.filter(f => !provided.has(f)))].sort(),
    };
    res.json(body);
  });

  router.put('/definitions', async (req, res) => {
    const userRef = await authorizeUser(req, scorecardsDefinitionsUpdatePermission, 'change scorecard definitions');
    const updated = await definitions.update(req.body?.yaml, userRef, clock());
    // Evaluating thousands of entities can take minutes (the Kubernetes facts ask once per
    // component): answer now, the new results follow.
    evaluator.evaluate('definitions', userRef).catch(error =>
      deps.logger.error(`Scorecard evaluation after a definitions change failed: ${error}`),
    );
    res.json(updated);
  });

  router.post('/evaluate', async (req, res) => {
    const userRef = await authorizeUser(req, scorecardsEvaluatePermission, 'trigger a scorecard evaluation');
    const run: EvaluationRun | undefined = await evaluator.evaluate('manual', userRef);
    if (!run) throw new NotFoundError('No scorecard definitions to evaluate');
    res.json({ run });
  });

  router.get('/runs/latest', async (_req, res) => {
    res.json({ run: (await store.getLatestRun()) ?? null });
  });

  async function overview(req: express.Request) {
    const current = await requireDefinitions();
    const filter: OverviewFilter = {
      owners: listParam(req.query, 'owner', 'group'),
      systems: listParam(req.query, 'system', 'system'),
      lifecycles: listParam(req.query, 'lifecycle'),
    };
    const info = await runInfo();
    return { current, info, filter, rows: () => buildOverviewRows(current.definitions, filterResults(info.results, filter)) };
  }

  router.get('/overview', async (req, res) => {
    const { current, info, filter, rows } = await overview(req);
    // The grid only changes with a new run or new definitions: build each filtered view
    // once, not once per request (the whole grid is about 1 KB per entity).
    const key = JSON.stringify([info.run?.id ?? null, current.source, current.updatedAt, filter]);
    let body = overviewCache.get(key);
    if (!body) {
      const response: OverviewResponse = {
        run: info.run,
        sources: info.sources,
        demo: info.demo,
        levels: current.definitions.levels,
        scorecards: current.definitions.scorecards.map(s => ({
          id: s.id,
          title: s.title,
          description: s.description,
          checks: s.checks.map(c => ({ id: c.id, title: c.title, level: c.level, fact: c.fact })),
        })),
        rows: rows(),
        filters: filterValues(info.results),
      };
      body = JSON.stringify(response);
      overviewCache.set(key, body);
    }
    res.type('application/json').send(body);
  });

  router.get('/overview.csv', async (req, res) => {
    const { current, rows } = await overview(req);
    res
      .type('text/csv; charset=utf-8')
      .attachment('scorecards.csv')
      .send(overviewCsv(current.definitions, rows()));
  });

  router.get('/entity', async (req, res) => {
    const raw = req.query.entityRef;
    if (typeof raw !== 'string' || raw === '') {
      throw new InputError('Query parameter "entityRef" is required, e.g. ?entityRef=component:default/checkout-service');
    }
    const entityRef = normalizeRef(raw, 'component', 'entityRef');
    const current = await requireDefinitions();
    const info = await runInfo();
    const result = info.results.find(r => r.entityRef.toLocaleLowerCase('en-US') === entityRef) ?? null;
    const body: EntityResponse = {
      run: info.run,
      sources: info.sources,
      demo: info.demo,
      levels: current.definitions.levels,
      definitions: current.definitions,
      result,
      history: result ? await store.getHistory(result.entityRef) : [],
    };
    res.json(body);
  });

  router.get('/teams', async (req, res) => {
    const current = await requireDefinitions();
    const owners = listParam(req.query, 'owner', 'group');
    if (owners && owners.length > 1) throw new InputError('Query parameter "owner" takes one team, e.g. ?owner=checkout');
    const info = await runInfo();
    const results = filterResults(info.results, { owners });
    const { rows, entityCounts } = rollUp(
      current.definitions.levels,
      results.map(r => ({ entity: r, scorecards: r.scorecards })),
      entity => (entity.owner ? [entity.owner] : []),
    );
    const teams: TeamRollup[] = [...entityCounts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([owner, entityCount]) => ({
        owner,
        entityCount,
        scorecards: rows
          .filter(row => row.scope === owner)
          .map(({ scope: _scope, ...row }) => row),
      }));
    const since = new Date(clock().getTime() - deps.trendDays * DAY_MS);
    const body: TeamsResponse = {
      run: info.run,
      sources: info.sources,
      demo: info.demo,
      levels: current.definitions.levels,
      scorecards: current.definitions.scorecards.map(s => ({ id: s.id, title: s.title })),
      teams,
      trend: await store.getTrend(owners?.[0] ?? ALL_SCOPE, since),
    };
    res.json(body);
  });

  return router;
}
