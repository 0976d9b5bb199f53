import { BackstageCredentials, HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  GATE_OVERRIDE_REASON_MAX_LENGTH,
  GateOverrideListResponse,
  GateOverrideRequest,
} from '@internal/plugin-slo-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { SloStatusStore } from '../database/SloStatusStore';
import { readGate } from '../freeze/readGate';
import { parseEntityRefQuery } from './parseEntityRefQuery';
import { parseTime } from './parseTime';

const DAY_MS = 86_400_000;

const isHttpUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** Blank optional fields (an unset CI variable) are treated as absent. */
const optionalText = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a string` })
    .trim()
    .max(max, { error: `${field} is longer than ${max} characters; shorten it` })
    .optional()
    .transform(value => value || null);

const overrideBody = z.object(
  {
    reason: z
      .string({ error: 'reason is required: say why production must deploy despite the gate (the emergency_override input)' })
      .trim()
      .min(1, { error: 'reason is empty: say why production must deploy despite the gate (the emergency_override input)' })
      .max(GATE_OVERRIDE_REASON_MAX_LENGTH, {
        error: `reason is longer than ${GATE_OVERRIDE_REASON_MAX_LENGTH} characters; shorten it and link the incident instead`,
      }),
    actor: optionalText('actor', 200),
    runUrl: optionalText('runUrl', 2000).refine(value => value === null || isHttpUrl(value), {
      error: 'runUrl must be an http(s) URL of the CI run, e.g. https://github.com/harbor-market/basket-service/actions/runs/123',
    }),
    commit: optionalText('commit', 100),
  },
  { error: 'the body must be a JSON object: { reason, actor?, runUrl?, commit? }' },
);

function parseOverride(body: unknown) {
  const result = overrideBody.safeParse(body);
  if (!result.success) throw new InputError(result.error.issues.map(issue => issue.message).join('; '));
  return result.data satisfies Record<keyof GateOverrideRequest, unknown>;
}

const recorder = (credentials: BackstageCredentials) => {
  const principal = credentials.principal as { type: string; subject?: string; userEntityRef?: string };
  return principal.userEntityRef ?? principal.subject ?? principal.type;
};

/**
 * Emergency overrides of the deploy gate, recorded by CI so they live in the portal:
 * - `POST /gate/:namespace/:name/overrides` `{ reason, actor?, runUrl?, commit? }` stores one
 *   with the gate's decision at that moment (same credentials as the gate: static token,
 *   service or user);
 * - `GET /overrides[?from=&to=&entityRef=]` lists them newest first (default the last 7 days), one service's with entityRef.
 */
export function createGateOverrideRouter(deps: {
  store: SloStatusStore;
  maxMeasurementAgeMs: number;
  httpAuth: HttpAuthService;
  logger: LoggerService;
  clock?: () => Date;
}): express.Router {
  const clock = deps.clock ?? (() => new Date());
  const overrides = deps.store.gateOverrides();
  const router = Router();
  router.use(express.json());

  router.post('/gate/:namespace/:name/overrides', async (req, res) => {
    const credentials = await deps.httpAuth.credentials(req, { allow: ['service', 'user'] });
    const input = parseOverride(req.body);
    const entityRef = stringifyEntityRef({ kind: 'component', namespace: req.params.namespace, name: req.params.name });
    const now = clock();
    const { gate } = await readGate({
      freezes: deps.store.freezes(),
      entityRef,
      now,
      maxAgeMs: deps.maxMeasurementAgeMs,
      logger: deps.logger,
    });
    const override = await overrides.add({
      entityRef,
      ...input,
      decision: gate.decision,
      decisionReason: gate.reason,
      recordedBy: recorder(credentials),
      now,
    });
    deps.logger.warn(
      `Deploy gate overridden for ${entityRef} by ${override.actor ?? override.recordedBy} (gate ${gate.decision}): ${override.reason}`,
    );
    res.status(201).json(override);
  });

  router.get('/overrides', async (req, res) => {
    const to = parseTime(req.query.to, 'to') ?? clock();
    const from = parseTime(req.query.from, 'from') ?? new Date(to.getTime() - 7 * DAY_MS);
    if (from >= to) throw new InputError(`from (${from.toISOString()}) must be before to (${to.toISOString()})`);
    const body: GateOverrideListResponse = {
      items: await overrides.list(from, to, parseEntityRefQuery(req.query.entityRef)),
      from: from.toISOString(),
      to: to.toISOString(),
    };
    res.json(body);
  });

  return router;
}
