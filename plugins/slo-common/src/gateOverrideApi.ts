import { GateDecision } from './freezeApi';

/** The longest override reason the portal stores. */
export const GATE_OVERRIDE_REASON_MAX_LENGTH = 500;

/** `POST /api/slo/gate/:namespace/:name/overrides`: CI deployed despite the gate. */
export interface GateOverrideRequest {
  /** Why production had to deploy anyway (the workflow's `emergency_override` input). */
  reason: string;
  /** Who started the run (GITHUB_ACTOR). */
  actor?: string;
  /** The CI run, http(s). */
  runUrl?: string;
  commit?: string;
}

/** An emergency deploy despite the deploy gate, with what the gate said at that moment. */
export interface GateOverride {
  id: string;
  entityRef: string;
  reason: string;
  actor: string | null;
  runUrl: string | null;
  commit: string | null;
  /** The gate's decision when the override was recorded. */
  decision: GateDecision;
  decisionReason: string;
  /** The credentials that recorded it: the static token's subject, a service or a user. */
  recordedBy: string;
  createdAt: string;
}

/** `GET /api/slo/overrides[?from=&to=]`: overrides with from ≤ createdAt < to, newest first. */
export interface GateOverrideListResponse {
  items: GateOverride[];
  from: string;
  to: string;
}
