import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  FreezeListResponse,
  FreezePolicy,
  ServiceFreeze,
  sloFreezeExemptPermission,
} from '@internal/plugin-slo-common';
import express from 'express';
import Router from 'express-promise-router';
import { SloStatusStore } from '../database/SloStatusStore';
import { readGate } from '../freeze/readGate';
import { parseEntityRefQuery } from './parseEntityRefQuery';
import { parseTime } from './parseTime';

const DAY_MS = 86_400_000;
/** Exemptions are for emergencies: a week at most, then the platform decides again. */
const MAX_EXEMPTION_MS = 7 * DAY_MS;

/**
 * The error-budget policy's routes, all reading stored state only:
 * - `GET /freezes[?from=&to=&entityRef=]` every service's (or one's) freeze, exemption and transitions;
 * - `GET /gate/:namespace/:name` the deploy gate for CI (service or static-token credentials);
 * - `POST /freezes/exemptions`, `DELETE /freezes/exemptions/:id` for the platform group
 *   (permission `slo.freeze.exempt`).
 */
export function createFreezeRouter(deps: {
  store: SloStatusStore;
  demo: boolean;
  policy: FreezePolicy;
  maxMeasurementAgeMs: number;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  clock?: () => Date;
}): express.Router {
  const clock = deps.clock ?? (() => new Date());
  const freezes = deps.store.freezes();
  const router = Router();
  router.use(express.json());

  router.get('/freezes', async (req, res) => {
    const now = clock();
    const to = parseTime(req.query.to, 'to') ?? now;
    const from = parseTime(req.query.from, 'from') ?? new Date(to.getTime() - 7 * DAY_MS);
    if (from >= to) throw new InputError(`from (${from.toISOString()}) must be before to (${to.toISOString()})`);
    const [states, exemptions, transitions, recordedSince] = await Promise.all([
      freezes.list(),
      freezes.activeExemptions(now),
      freezes.transitions(from, to),
      freezes.recordedSince(),
    ]);
    const byEntity = new Map<string, ServiceFreeze>();
    for (const { entityRef, ...slo } of states) {
      const service = byEntity.get(entityRef) ?? { entityRef, frozen: false, since: null, slos: [], exemption: null };
      service.slos.push(slo);
      if (slo.frozen) {
        service.frozen = true;
        if (slo.since && (!service.since || slo.since < service.since)) service.since = slo.since;
      }
      byEntity.set(entityRef, service);
    }
    for (const exemption of exemptions) {
      const service = byEntity.get(exemption.entityRef);
      if (service && !service.exemption) service.exemption = exemption;
    }
    let items = [...byEntity.values()];
    const entityRef = parseEntityRefQuery(req.query.entityRef);
    if (entityRef) {
      items = items.filter(item => item.entityRef === entityRef);
      transitions.splice(0, transitions.length, ...transitions.filter(t => t.entityRef === entityRef));
    }
    const body: FreezeListResponse = {
      demo: deps.demo,
      policy: deps.policy,
      items,
      transitions,
      recordedSince,
      from: from.toISOString(),
      to: to.toISOString(),
    };
    res.json(body);
  });

  router.get('/gate/:namespace/:name', async (req, res) => {
    // CI calls this with a static token (backend.auth.externalAccess) or service credentials.
    await deps.httpAuth.credentials(req, { allow: ['service', 'user'] });
    const entityRef = stringifyEntityRef({ kind: 'component', namespace: req.params.namespace, name: req.params.name });
    // Never "allowed" on an error: CI decides what to do with "unknown".
    const { gate, failed } = await readGate({
      freezes,
      entityRef,
      now: clock(),
      maxAgeMs: deps.maxMeasurementAgeMs,
      logger: deps.logger,
    });
    res.status(failed ? 503 : 200).json(gate);
  });

  const authorizeExemptions = async (req: express.Request) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['user'] });
    const [decision] = await deps.permissions.authorize([{ permission: sloFreezeExemptPermission }], { credentials });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Only the platform group may exempt services from a deploy freeze (permission slo.freeze.exempt)');
    }
    return credentials.principal.userEntityRef;
  };

  router.post('/freezes/exemptions', async (req, res) => {
    const user = await authorizeExemptions(req);
    const { entityRef, reason, expiresAt } = req.body ?? {};
    let ref: string;
    try {
      ref = stringifyEntityRef(parseEntityRef(String(entityRef ?? ''), { defaultKind: 'component', defaultNamespace: 'default' }));
    } catch {
      throw new InputError(`entityRef "${entityRef ?? ''}" is not an entity reference; use component:default/checkout-service`);
    }
    if (typeof reason !== 'string' || reason.trim().length < 5) {
      throw new InputError('reason is required: say why the service may deploy while frozen (at least 5 characters)');
    }
    const now = clock();
    const expires = parseTime(expiresAt, 'expiresAt');
    if (!expires) throw new InputError('expiresAt is required: when the exemption ends, ISO 8601');
    if (expires <= now || expires.getTime() - now.getTime() > MAX_EXEMPTION_MS) {
      throw new InputError(`expiresAt must be in the future and at most 7 days ahead (${new Date(now.getTime() + MAX_EXEMPTION_MS).toISOString()})`);
    }
    const exemption = await freezes.addExemption({ entityRef: ref, reason: reason.trim(), expiresAt: expires, createdBy: user, now });
    deps.logger.info(`Deploy-freeze exemption ${exemption.id} for ${ref} until ${exemption.expiresAt} by ${user}: ${exemption.reason}`);
    res.status(201).json(exemption);
  });

  router.delete('/freezes/exemptions/:id', async (req, res) => {
    const user = await authorizeExemptions(req);
    if (!/^\d+$/.test(req.params.id)) throw new InputError(`exemption id "${req.params.id}" is not a number`);
    if (!(await freezes.removeExemption(req.params.id, user, clock()))) {
      throw new NotFoundError(`No active exemption ${req.params.id}`);
    }
    deps.logger.info(`Deploy-freeze exemption ${req.params.id} removed by ${user}`);
    res.status(204).end();
  });

  return router;
}
