import { FreezeBurn } from './freezePolicy';

/** A platform decision to let a frozen service deploy anyway until `expiresAt`. */
export interface FreezeExemption {
  id: string;
  entityRef: string;
  reason: string;
  expiresAt: string;
  createdBy: string;
  createdAt: string;
}

/** One SLO's stored freeze state. */
export interface SloFreeze {
  sloName: string;
  frozen: boolean;
  since: string | null;
  reason: string | null;
  burn: FreezeBurn;
  /** When the status the state was computed from was measured. */
  measuredAt: string | null;
}

/** A service's freeze: frozen when any of its SLOs is. */
export interface ServiceFreeze {
  entityRef: string;
  frozen: boolean;
  /** Start of the earliest freeze among its SLOs. */
  since: string | null;
  slos: SloFreeze[];
  /** The active exemption, if any (expired ones are not listed). */
  exemption: FreezeExemption | null;
}

/** A freeze starting or ending, for the weekly review. */
export interface FreezeTransition {
  entityRef: string;
  sloName: string;
  kind: 'started' | 'ended';
  at: string;
  reason: string | null;
}

/** `GET /api/slo/freezes[?from=&to=]` */
export interface FreezeListResponse {
  demo: boolean;
  policy: { threshold: number; longWindow: string; shortWindow: string; hysteresis: number };
  items: ServiceFreeze[];
  /** Transitions with `from` ≤ at < `to` (default: the last 7 days). */
  transitions: FreezeTransition[];
  /**
   * When freeze history begins (the policy's first evaluation); null before any. Earlier
   * times have no data: nothing was recorded, which is not the same as nothing frozen.
   */
  recordedSince?: string | null;
  from: string;
  to: string;
}

export type GateDecision = 'allowed' | 'frozen' | 'unknown';

/** `GET /api/slo/gate/:namespace/:name`: whether a production deploy may go ahead. */
export interface GateResponse {
  entityRef: string;
  decision: GateDecision;
  /** In words, for the CI log. */
  reason: string;
  /** The burn of the SLO that decided (the worst one); null when none is stored. */
  burn: (FreezeBurn & { sloName: string }) | null;
  frozenSince: string | null;
  exemption?: FreezeExemption;
  evaluatedAt: string;
}
