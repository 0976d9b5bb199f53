import {
  SLO_TARGET_MAX_PERCENT,
  SLO_TARGET_MIN_PERCENT,
} from '@internal/plugin-slo-common';
import { checkCronSchedule } from './cronSchedule';

/**
 * What a golden-path form accepts: the one place these rules live. The form's fields
 * (plugins/scaffolder-module-golden-path) and the backend's golden-path:validate step both
 * call them, so a bypassed form gets the same answer, in the same words. The templates'
 * JSON Schema holds only types and enums: a `pattern` there would show users a raw
 * regular expression.
 */
export const COMPONENT_NAME_PATTERN = '^[a-z][a-z0-9-]{1,38}[a-z0-9]$';
export const ON_CALL_PATTERN = '^(pagerduty|opsgenie|slack):[a-z0-9][a-z0-9-]*$';
export const COST_CENTER_PATTERN = '^CC-[0-9]{4}$';
export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
export const TIERS = ['tier-1', 'tier-2', 'tier-3'] as const;

export type Environment = (typeof ENVIRONMENTS)[number];
export type Tier = (typeof TIERS)[number];

/** Bounds of the free-text fields, in characters. */
export const DESCRIPTION_MIN_LENGTH = 10;
export const DESCRIPTION_MAX_LENGTH = 200;
/** Entity refs (`group:default/checkout`): namespace and name are at most 63 each. */
export const ENTITY_REF_MAX_LENGTH = 140;
export const SCHEDULE_MAX_LENGTH = 100;

export interface FieldProblem {
  /** The form field, as named in the template's parameters. */
  field: string;
  message: string;
}

/**
 * Characters no single-line field may hold: control characters (line breaks, tabs, NUL,
 * escape), the Unicode line and paragraph separators, and the invisible formatting and
 * bidirectional controls that make text read differently from what it is.
 */
const FORBIDDEN_CHARACTER =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function describeCharacter(character: string): string {
  const code = character.codePointAt(0)!;
  const names: Record<number, string> = {
    0x09: 'a tab',
    0x0a: 'a line break',
    0x0d: 'a carriage return',
    0x00: 'a NUL character',
    0x1b: 'an escape character',
  };
  return names[code] ?? `the invisible character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A single line of text within bounds: the check every free-text field gets before its
 * own rule. Returns the problem, or undefined when the text is fine.
 */
export function checkSingleLine(
  field: string,
  value: unknown,
  bounds: { label: string; min?: number; max: number },
): FieldProblem | undefined {
  if (typeof value !== 'string') {
    return { field, message: `Enter the ${bounds.label} as text.` };
  }
  const forbidden = FORBIDDEN_CHARACTER.exec(value);
  if (forbidden) {
    return {
      field,
      message: `The ${bounds.label} must be one line of plain text; it contains ${describeCharacter(forbidden[0])} at character ${forbidden.index + 1}. Remove it.`,
    };
  }
  if (LONE_SURROGATE.test(value)) {
    return { field, message: `The ${bounds.label} contains a broken character. Type it again.` };
  }
  const length = [...value].length;
  if (length > bounds.max) {
    return {
      field,
      message: `The ${bounds.label} is ${length} characters long; shorten it to at most ${bounds.max}.`,
    };
  }
  if (bounds.min !== undefined && value.trim().length < bounds.min) {
    return {
      field,
      message: `The ${bounds.label} needs at least ${bounds.min} characters.`,
    };
  }
  return undefined;
}

export function checkComponentName(name: unknown): FieldProblem[] {
  const line = checkSingleLine('name', name, { label: 'name', max: 40 });
  if (line) return [line];
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
  const line = checkSingleLine('onCall', onCall, { label: 'on-call rotation', max: 100 });
  if (line) return [line];
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
  const line = checkSingleLine('costCenter', costCenter, { label: 'cost centre', max: 20 });
  if (line) return [line];
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

export function checkDescription(description: unknown): FieldProblem[] {
  const line = checkSingleLine('description', description, {
    label: 'description',
    min: DESCRIPTION_MIN_LENGTH,
    max: DESCRIPTION_MAX_LENGTH,
  });
  return line ? [line] : [];
}

/**
 * A worker's schedule: empty for a queue consumer, otherwise a Kubernetes CronJob
 * schedule (see cronSchedule.ts).
 */
export function checkSchedule(schedule: unknown): FieldProblem[] {
  if (schedule === undefined || schedule === '') return [];
  const line = checkSingleLine('schedule', schedule, {
    label: 'schedule',
    max: SCHEDULE_MAX_LENGTH,
  });
  if (line) return [line];
  const check = checkCronSchedule(schedule as string);
  return check.valid
    ? []
    : [
        {
          field: 'schedule',
          message: `Check the schedule: ${check.problem}. Write it as five fields, e.g. "*/15 * * * *" (every 15 minutes) or "0 2 * * *" (02:00 UTC daily), or leave it empty for a queue worker.`,
        },
      ];
}

/** The owner and system pickers give entity refs; a bypassed form can send anything. */
export function checkEntityRefText(field: 'owner' | 'system', ref: unknown): FieldProblem[] {
  const line = checkSingleLine(field, ref, {
    label: field === 'owner' ? 'owning team' : 'system',
    max: ENTITY_REF_MAX_LENGTH,
  });
  return line ? [line] : [];
}

/** What the golden-path:validate step receives (see each template.yaml). */
export interface GoldenPathFormInput {
  kind: 'http' | 'worker' | 'terraform-module';
  name: unknown;
  description?: unknown;
  owner: unknown;
  system: unknown;
  tier?: unknown;
  sloTarget?: unknown;
  onCall: unknown;
  costCenter: unknown;
  environments?: unknown;
  schedule?: unknown;
}

/**
 * Every rule that needs no catalog, for one template's input; the catalog checks (name
 * free, owner a team, system known) come on top in the backend and in the name field.
 */
export function checkGoldenPathInput(input: GoldenPathFormInput): FieldProblem[] {
  const isWorkload = input.kind !== 'terraform-module';
  return [
    ...checkComponentName(input.name),
    ...checkDescription(input.description ?? ''),
    ...checkEntityRefText('owner', input.owner),
    ...checkEntityRefText('system', input.system),
    ...checkOnCall(input.onCall),
    ...checkCostCenter(input.costCenter),
    // Only workloads run in environments against an availability target.
    ...(isWorkload
      ? [
          ...checkTier(input.tier),
          ...checkSloTarget(input.sloTarget),
          ...checkEnvironments(input.environments),
        ]
      : []),
    ...(input.kind === 'worker' ? checkSchedule(input.schedule) : []),
  ];
}

/** The rules a form field can name in its `ui:options.rule`. */
export const FIELD_RULES = {
  name: checkComponentName,
  description: checkDescription,
  onCall: checkOnCall,
  costCenter: checkCostCenter,
  schedule: checkSchedule,
} as const;

export type FieldRuleName = keyof typeof FIELD_RULES;
