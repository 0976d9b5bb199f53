import { GateResponse, SloFreeze } from '@internal/plugin-slo-common';
import { GateInputs } from '../database/FreezeStore';

const formatBurn = (value: number | null) => (value === null ? 'no data' : `${Number(value.toPrecision(3))}×`);

/**
 * The deploy gate's answer for one service from what the store holds. Allowed only when
 * every SLO was measured recently, without a failed refresh since, with burn figures, and
 * none is frozen (or the freeze is exempted). Anything missing or stale is "unknown",
 * never "allowed".
 */
export function decideGate(input: {
  entityRef: string;
  inputs: GateInputs;
  now: Date;
  /** Measurements older than this (ms) are too old to allow a deploy on. */
  maxAgeMs: number;
}): GateResponse {
  const { entityRef, inputs, now } = input;
  const base = { entityRef, evaluatedAt: now.toISOString() };
  if (inputs.slos.length === 0) {
    return {
      ...base,
      decision: 'unknown',
      reason: `${entityRef} has no SLO the portal measures; the error-budget policy cannot tell whether it may deploy`,
      burn: null,
      frozenSince: null,
    };
  }
  const freezeOf = new Map(inputs.freezes.map(f => [f.sloName, f]));
  const withBurn = (freeze: SloFreeze) => ({ ...freeze.burn, sloName: freeze.sloName });

  const frozen = inputs.freezes
    .filter(f => f.frozen)
    .sort((a, b) => (a.since ?? '').localeCompare(b.since ?? ''));
  const unknown: Array<{ sloName: string; why: string; freeze?: SloFreeze }> = [];
  for (const slo of inputs.slos) {
    const freeze = freezeOf.get(slo.sloName);
    if (freeze?.frozen) continue;
    if (!slo.measuredAt || !freeze) {
      unknown.push({ sloName: slo.sloName, why: `has not been measured yet${slo.error ? ` (${slo.error})` : ''}` });
    } else if (slo.error) {
      unknown.push({ sloName: slo.sloName, why: `could not be measured at the last refresh: ${slo.error}`, freeze });
    } else if (now.getTime() - slo.measuredAt.getTime() > input.maxAgeMs) {
      unknown.push({ sloName: slo.sloName, why: `was last measured at ${slo.measuredAt.toISOString()}, too long ago`, freeze });
    } else if (freeze.burn.long === null || freeze.burn.short === null) {
      unknown.push({ sloName: slo.sloName, why: `had no traffic over ${freeze.burn.shortWindow} or ${freeze.burn.longWindow}`, freeze });
    }
  }

  if (frozen.length > 0 && !inputs.exemption) {
    const first = frozen[0];
    return {
      ...base,
      decision: 'frozen',
      reason: `deploy freeze since ${first.since}: SLO ${first.sloName} ${first.reason ?? 'is frozen'} (error-budget policy)`,
      burn: withBurn(first),
      frozenSince: first.since,
    };
  }
  if (unknown.length > 0) {
    const first = unknown[0];
    return {
      ...base,
      decision: 'unknown',
      reason: `SLO ${first.sloName} ${first.why}`,
      burn: first.freeze ? withBurn(first.freeze) : null,
      frozenSince: null,
      ...(inputs.exemption ? { exemption: inputs.exemption } : {}),
    };
  }
  if (frozen.length > 0) {
    const first = frozen[0];
    const exemption = inputs.exemption!;
    return {
      ...base,
      decision: 'allowed',
      reason: `frozen since ${first.since} (SLO ${first.sloName} ${first.reason ?? 'is frozen'}), but exempted until ${exemption.expiresAt} by ${exemption.createdBy}: ${exemption.reason}`,
      burn: withBurn(first),
      frozenSince: first.since,
      exemption,
    };
  }
  const worst = [...inputs.freezes].sort((a, b) => (b.burn.long ?? 0) - (a.burn.long ?? 0))[0];
  return {
    ...base,
    decision: 'allowed',
    reason: `no deploy freeze: the highest burn is ${formatBurn(worst.burn.long)} over ${worst.burn.longWindow} and ${formatBurn(worst.burn.short)} over ${worst.burn.shortWindow} (freeze at ${formatBurn(worst.burn.threshold)})`,
    burn: withBurn(worst),
    frozenSince: null,
    ...(inputs.exemption ? { exemption: inputs.exemption } : {}),
  };
}
