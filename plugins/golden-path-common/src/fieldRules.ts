import {
  SLO_TARGET_MAX_PERCENT,
  SLO_TARGET_MIN_PERCENT,
} from '@internal/plugin-slo-common';

/**
 * What a golden-path form accepts. The same patterns are in each template.yaml's JSON
 * Schema (so the scaffolder refuses bypassed forms) and are checked again here with
 * messages that say how to fix the value.
 */
export const COMPONENT_NAME_PATTERN = '^[a-z][a-z0-9-]{1,38}[a-z0-9]$';
export const ON_CALL_PATTERN = '^(pagerduty|opsgenie|slack):[a-z0-9][a-z0-9-]*$';
export const COST_CENTER_PATTERN = '^CC-[0-9]{4}$';
export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
export const TIERS = ['tier-1', 'tier-2', 'tier-3'] as const;

export type Environment = (typeof ENVIRONMENTS)[number];
export type Tier = (typeof TIERS)[number];

export interface FieldProblem {
  /** The form field, as named in the template's parameters. */
  field: string;
  message: string;
}

export function checkComponentName(name: unknown): FieldProblem[] {
  if (typeof name !== 'string' || !new RegExp(COMPONENT_NAME_PATTERN).test(name)) {
    return [
      {
        field: 'name',
        message:
          'Use 3–40 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen (e.g. basket-service).',
      },
    ];
  }
  if (name.includes('--')) {
    return [{ field: 'name', message: 'Use single hyphens between words.' }];
  }
  return [];
}

export function checkSloTarget(target: unknown): FieldProblem[] {
  if (
    typeof target !== 'number' ||
    !Number.isFinite(target) ||
    target < SLO_TARGET_MIN_PERCENT ||
    target > SLO_TARGET_MAX_PERCENT
  ) {
    return [
      {
        field: 'sloTarget',
        message: `Choose an availability target between ${SLO_TARGET_MIN_PERCENT} and ${SLO_TARGET_MAX_PERCENT} percent (99.9 allows 43 minutes of errors a month).`,
      },
    ];
  }
  return [];
}

export function checkOnCall(onCall: unknown): FieldProblem[] {
  return typeof onCall === 'string' && new RegExp(ON_CALL_PATTERN).test(onCall)
    ? []
    : [
        {
          field: 'onCall',
          message:
            'Name the rotation as pagerduty:<schedule>, opsgenie:<team> or slack:<channel>, in lowercase (e.g. pagerduty:checkout-primary).',
        },
      ];
}

export function checkCostCenter(costCenter: unknown): FieldProblem[] {
  return typeof costCenter === 'string' && new RegExp(COST_CENTER_PATTERN).test(costCenter)
    ? []
    : [
        {
          field: 'costCenter',
          message: 'Use the finance cost centre code, CC- and four digits (e.g. CC-1042).',
        },
      ];
}

export function checkEnvironments(environments: unknown): FieldProblem[] {
  const valid =
    Array.isArray(environments) &&
    environments.length > 0 &&
    new Set(environments).size === environments.length &&
    environments.every(e => (ENVIRONMENTS as readonly string[]).includes(e));
  return valid
    ? []
    : [
        {
          field: 'environments',
          message: `Pick at least one of ${ENVIRONMENTS.join(', ')}, each once.`,
        },
      ];
}

export function checkTier(tier: unknown): FieldProblem[] {
  return (TIERS as readonly unknown[]).includes(tier)
    ? []
    : [{ field: 'tier', message: `Pick one of ${TIERS.join(', ')}.` }];
}

/** The form field and the backend step refuse a taken name with this same message. */
export function componentNameTakenMessage(name: string, existingOwner?: unknown): string {
  const owner = existingOwner ? ` (owned by ${existingOwner})` : '';
  return `A component named "${name}" already exists${owner}. Pick another name.`;
}
