import { InputError } from '@backstage/errors';
import {
  emptyPriorityCounts,
  FALCO_RECENT_DAYS,
  FalcoAlertsResponse,
  FalcoCountsResponse,
  FalcoFactsResponse,
  FalcoOverviewResponse,
  FalcoPriority,
  lastDaysWindow,
  parseFalcoPriority,
  totalOf,
} from '@internal/plugin-falco-common';
import express from 'express';
import Router from 'express-promise-router';
import { RouterDeps } from './createRouter';
import { daysFrom } from './days';


function optionalString(req: express.Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new InputError(`Query parameter ${name} must be given once`);
  return value;
}

function integer(req: express.Request, name: string, fallback: number, min: number, max: number): number {
  const raw = optionalString(req, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`Query parameter ${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function time(req: express.Request, name: string): Date | undefined {
  const raw = optionalString(req, name);
  if (raw === undefined) return undefined;
  const value = new Date(raw);
  if (Number.isNaN(value.getTime())) {
    throw new InputError(`Query parameter ${name} must be an ISO 8601 time such as 2026-11-27T10:00:00Z, got "${raw}"`);
  }
  return value;
}

function priorities(req: express.Request): FalcoPriority[] | undefined {
  const raw = optionalString(req, 'priority');
  if (raw === undefined) return undefined;
  return raw.split(',').map(name => {
    const priority = parseFalcoPriority(name);
    if (!priority) {
      throw new InputError(`Query parameter priority lists "${name}", which is not a Falco priority (e.g. critical,error)`);
    }
    return priority;
  });
}

/**
 * From when every event is stored: the later of the day the first event was counted (the
 * daily counts outlive retention) and the retention horizon. Alerts before it are unknown,
 * not absent; null before any event arrived.
 */
async function storedSince(store: RouterDeps['store'], now: Date, eventRetentionMs: number): Promise<string | null> {
  const firstDay = await store.firstDay();
  if (!firstDay) return null;
  return new Date(Math.max(Date.parse(`${firstDay}T00:00:00Z`), now.getTime() - eventRetentionMs)).toISOString();
}

/** The read endpoints; they read the store only, never the catalog or Falco. */
export function readRoutes(deps: RouterDeps): express.Router {
  const clock = deps.clock ?? (() => new Date());
  const router = Router();
  const { store, demo } = deps;
  const signedIn: express.RequestHandler = async (req, _res, next) => {
    await deps.httpAuth.credentials(req, { allow: ['user', 'service'] });
    next();
  };
  router.use(signedIn);

  /**
   * `?entityRef=` one component, `?unmapped=true` events no component claims, neither: all.
   * `?days=7` is the last 7 days as the card counts them; `since`/`until` an exact range.
   */
  router.get('/alerts', async (req, res) => {
    const entityRef = optionalString(req, 'unmapped') === 'true' ? null : optionalString(req, 'entityRef');
    const days = optionalString(req, 'days') === undefined ? undefined : integer(req, 'days', FALCO_RECENT_DAYS, 1, 400);
    if (days !== undefined && optionalString(req, 'since') !== undefined) {
      throw new InputError('Query parameters days and since both set where the events start; give one of them');
    }
    const window = days === undefined ? null : lastDaysWindow(days, clock());
    const { items, totalCount } = await store.listAlerts({
      entityRef,
      priorities: priorities(req),
      rule: optionalString(req, 'rule'),
      since: window ? new Date(window.since) : time(req, 'since'),
      until: time(req, 'until'),
      limit: integer(req, 'limit', 50, 1, 500),
      offset: integer(req, 'offset', 0, 0, 10_000_000),
    });
    const body: FalcoAlertsResponse = {
      demo,
      window,
      items,
      totalCount,
      rules: await store.distinctRules(entityRef),
      storedSince: await storedSince(store, clock(), deps.eventRetentionMs),
    };
    res.json(body);
  });

  router.get('/counts', async (req, res) => {
    const entityRef = optionalString(req, 'entityRef');
    if (!entityRef) throw new InputError('Query parameter entityRef is required, e.g. component:default/checkout-service');
    const days = integer(req, 'days', FALCO_RECENT_DAYS, 1, 400);
    const window = lastDaysWindow(days, clock());
    const body: FalcoCountsResponse = {
      demo,
      entityRef,
      days,
      window,
      counts: await store.countsByPriority(window.firstDay, entityRef),
      lastEventAt: (await store.lastEventAt(entityRef))?.toISOString() ?? null,
    };
    res.json(body);
  });

  router.get('/overview', async (req, res) => {
    const now = clock();
    const days = integer(req, 'days', 14, 1, 400);
    const window = lastDaysWindow(days, now);
    const first = window.firstDay;
    const trendByDay = new Map((await store.dailyTrend(first)).map(d => [d.day, d.counts]));
    const services = (await store.countsByComponent(first))
      .map(s => ({ entityRef: s.entityRef, total: totalOf(s.counts), counts: s.counts }))
      .sort((a, b) => b.total - a.total || a.entityRef.localeCompare(b.entityRef))
      .slice(0, 10);
    const unmappedCounts = await store.countsByPriority(first, null);
    const since = new Date(window.since);
    const body: FalcoOverviewResponse = {
      demo,
      days,
      window,
      totals: await store.countsByPriority(first),
      topRules: await store.topRules(since, 10),
      topServices: services,
      trend: daysFrom(first, now).map(day => ({ day, counts: trendByDay.get(day) ?? emptyPriorityCounts() })),
      unmapped: {
        total: totalOf(unmappedCounts),
        counts: unmappedCounts,
        recent: (await store.listAlerts({ entityRef: null, since, limit: 10, offset: 0 })).items,
      },
      lastEventAt: (await store.lastEventAt())?.toISOString() ?? null,
      mapping: deps.mapping.status(),
    };
    res.json(body);
  });

  /** Scorecards' facts: one item per mapped component with any stored event. */
  router.get('/facts', async (_req, res) => {
    const now = clock();
    const window = lastDaysWindow(FALCO_RECENT_DAYS, now);
    const last = await store.lastEventByComponent();
    const counts = new Map(
      (await store.countsByComponent(window.firstDay)).map(c => [c.entityRef, c.counts]),
    );
    const body: FalcoFactsResponse = {
      demo,
      generatedAt: now.toISOString(),
      window,
      items: [...last.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([entityRef, lastEventAt]) => ({
          entityRef,
          alertsLast7Days: counts.get(entityRef) ?? emptyPriorityCounts(),
          lastEventAt: lastEventAt.toISOString(),
        })),
    };
    res.json(body);
  });

  return router;
}

