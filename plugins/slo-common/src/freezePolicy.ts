import { ReportingWindow, SLO_REPORTING_WINDOWS } from './sloWindows';
import { SloStatus } from './sloStatus';

/**
 * The error-budget policy: risky changes (production deploys) stop while an SLO burns its
 * budget at least `threshold` times faster than sustainable over both windows of a pair,
 * or once the budget is spent.
 */
export interface FreezePolicy {
  /** Burn rate that starts a freeze, e.g. 6 (6× spends 5% of a 30-day budget in 6 hours). */
  threshold: number;
  longWindow: ReportingWindow;
  shortWindow: ReportingWindow;
  /**
   * A freeze ends only when both windows burn below threshold × hysteresis (e.g. 0.8 → 4.8×),
   * so a burn hovering around the threshold does not freeze and thaw on every refresh.
   */
  hysteresis: number;
}

export const DEFAULT_FREEZE_POLICY: FreezePolicy = {
  threshold: 6,
  longWindow: '6h',
  shortWindow: '30m',
  hysteresis: 0.8,
};

/** The burn figures a freeze decision was made on; also what the deploy gate reports. */
export interface FreezeBurn {
  longWindow: string;
  shortWindow: string;
  /** Burn rate over the long window; null without traffic. */
  long: number | null;
  short: number | null;
  threshold: number;
  /** Both windows must fall below this to end a freeze. */
  releaseBelow: number;
  budgetRemaining: number | null;
  budgetExhausted: boolean;
}

/** One SLO's freeze state as stored between refreshes. */
export interface FreezeState {
  frozen: boolean;
  /** When the current freeze started (ISO 8601); null when not frozen. */
  since: string | null;
  /** Why it is frozen, in words, e.g. "burning 7.2× over 6h and 9.1× over 30m (freeze at 6×)". */
  reason: string | null;
}

export interface FreezeEvaluation extends FreezeState {
  burn: FreezeBurn;
  /** Whether this evaluation started or ended a freeze. */
  transition: 'started' | 'ended' | null;
  /** True when the burn figures needed to decide were missing (no traffic, no status). */
  noData: boolean;
}

/** Burn rates are quotients of decimals (0.006 / 0.001 = 5.999999999999999 in binary). */
const TOLERANCE = 1e-9;

const formatBurn = (value: number) => `${Number(value.toPrecision(3))}×`;

/** Reads and checks a policy; throws naming the field and the fix. */
export function validateFreezePolicy(policy: FreezePolicy): FreezePolicy {
  const windows = SLO_REPORTING_WINDOWS as readonly string[];
  for (const key of ['longWindow', 'shortWindow'] as const) {
    if (!windows.includes(policy[key])) {
      throw new Error(
        `slo.freezePolicy.${key} is "${policy[key]}"; use one of the measured windows: ${windows.join(', ')}`,
      );
    }
  }
  if (windows.indexOf(policy.shortWindow) >= windows.indexOf(policy.longWindow)) {
    throw new Error(
      `slo.freezePolicy.shortWindow (${policy.shortWindow}) must be shorter than longWindow (${policy.longWindow})`,
    );
  }
  if (!(policy.threshold > 0)) {
    throw new Error(`slo.freezePolicy.threshold is ${policy.threshold}; use a burn rate above 0, e.g. 6`);
  }
  if (!(policy.hysteresis > 0 && policy.hysteresis <= 1)) {
    throw new Error(
      `slo.freezePolicy.hysteresis is ${policy.hysteresis}; use a factor in (0, 1], e.g. 0.8 (1 means no hysteresis)`,
    );
  }
  return policy;
}

/**
 * The next freeze state of one SLO from its latest status and its previous state.
 *
 * On: both windows burn at or above the threshold, or the budget is exhausted.
 * Off: only when both windows burn below threshold × hysteresis and budget is left.
 * Missing figures never end a freeze (a frozen SLO without traffic stays frozen) and never
 * start one; `noData` says they were missing, so the gate can answer "unknown".
 */
export function evaluateFreeze(input: {
  policy: FreezePolicy;
  status: SloStatus | null;
  previous: FreezeState | null;
  now: Date;
}): FreezeEvaluation {
  const { policy, status } = input;
  const previous = input.previous ?? { frozen: false, since: null, reason: null };
  const burnIn = (window: string) =>
    status?.windows.find(w => w.window === window)?.burnRate ?? null;
  const long = burnIn(policy.longWindow);
  const short = burnIn(policy.shortWindow);
  const releaseBelow = Number((policy.threshold * policy.hysteresis).toPrecision(12));
  const burn: FreezeBurn = {
    longWindow: policy.longWindow,
    shortWindow: policy.shortWindow,
    long,
    short,
    threshold: policy.threshold,
    releaseBelow,
    budgetRemaining: status?.budgetRemaining ?? null,
    budgetExhausted: status?.budgetExhausted ?? false,
  };
  const noData = long === null || short === null;
  const exhausted = burn.budgetExhausted;
  const burning =
    !noData && long! >= policy.threshold - TOLERANCE && short! >= policy.threshold - TOLERANCE;
  const burnReason = () =>
    `burning ${formatBurn(long!)} over ${policy.longWindow} and ${formatBurn(short!)} over ${policy.shortWindow} (freeze at ${formatBurn(policy.threshold)})`;
  const reasonNow = (): string | null => {
    if (exhausted) return 'error budget exhausted';
    if (burning) return burnReason();
    return null;
  };

  if (!previous.frozen) {
    const reason = reasonNow();
    if (reason) {
      return { frozen: true, since: input.now.toISOString(), reason, burn, transition: 'started', noData };
    }
    return { frozen: false, since: null, reason: null, burn, transition: null, noData };
  }

  const cooled = !noData && long! < releaseBelow - TOLERANCE && short! < releaseBelow - TOLERANCE;
  if (cooled && !exhausted) {
    return { frozen: false, since: null, reason: null, burn, transition: 'ended', noData };
  }
  // Still frozen: keep when it started; say why it holds now.
  const reason =
    reasonNow() ??
    (noData
      ? previous.reason
      : `${burnReason()}; the freeze ends once both fall below ${formatBurn(releaseBelow)}`);
  return { frozen: true, since: previous.since ?? input.now.toISOString(), reason, burn, transition: null, noData };
}
