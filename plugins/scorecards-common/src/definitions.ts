import { z } from 'zod';

/** How a check compares the fact value with its `value`. */
export const CHECK_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
] as const;
export type CheckOperator = (typeof CHECK_OPERATORS)[number];

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, e.g. owner-is-group');

const entityFilterSchema = z
  .object({
    kinds: z.array(z.string().min(1)).min(1).optional(),
    types: z.array(z.string().min(1)).min(1).optional(),
    lifecycles: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();

const checkSchema = z
  .object({
    id,
    title: z.string().min(1),
    description: z.string().optional(),
    /** The lowest level this check is needed for. */
    level: z.string().min(1),
    /** A fact name, e.g. `catalog.hasRunbookLink` or `slo.budgetLeft`. */
    fact: z.string().min(1),
    operator: z.enum(CHECK_OPERATORS).default('equal'),
    value: z.union([z.boolean(), z.number(), z.string()]).default(true),
    /** Said when the check fails, before what was found. */
    whyFailed: z.string().optional(),
    howToFix: z.string().min(1),
    link: z.string().min(1),
    appliesTo: entityFilterSchema.optional(),
  })
  .strict();

const scorecardSchema = z
  .object({
    id,
    title: z.string().min(1),
    description: z.string().optional(),
    appliesTo: entityFilterSchema.optional(),
    checks: z.array(checkSchema).min(1),
  })
  .strict();

export const scorecardDefinitionsSchema = z
  .object({
    /** Lowest first, e.g. [bronze, silver, gold]. */
    levels: z.array(id).min(1),
    scorecards: z.array(scorecardSchema).min(1),
  })
  .strict()
  .superRefine((defs, ctx) => {
    const levels = new Set(defs.levels);
    if (levels.size !== defs.levels.length) {
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'levels must be unique' });
    }
    const scorecardIds = new Set<string>();
    defs.scorecards.forEach((scorecard, s) => {
      if (scorecardIds.has(scorecard.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['scorecards', s, 'id'],
          message: `scorecard id "${scorecard.id}" is used twice`,
        });
      }
      scorecardIds.add(scorecard.id);
      const checkIds = new Set<string>();
      scorecard.checks.forEach((check, c) => {
        if (checkIds.has(check.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['scorecards', s, 'checks', c, 'id'],
            message: `check id "${check.id}" is used twice in scorecard "${scorecard.id}"`,
          });
        }
        checkIds.add(check.id);
        if (!levels.has(check.level)) {
          ctx.addIssue({
            code: 'custom',
            path: ['scorecards', s, 'checks', c, 'level'],
            message: `level "${check.level}" is not one of levels: ${defs.levels.join(', ')}`,
          });
        }
        const ordering = check.operator !== 'equal' && check.operator !== 'notEqual';
        if (ordering && typeof check.value !== 'number') {
          ctx.addIssue({
            code: 'custom',
            path: ['scorecards', s, 'checks', c, 'value'],
            message: `operator ${check.operator} needs a number value`,
          });
        }
      });
    });
  });

export type ScorecardDefinitions = z.output<typeof scorecardDefinitionsSchema>;
export type ScorecardDefinition = ScorecardDefinitions['scorecards'][number];
export type CheckDefinition = ScorecardDefinition['checks'][number];
export type EntityFilter = NonNullable<CheckDefinition['appliesTo']>;

export type DefinitionsValidation =
  | { ok: true; definitions: ScorecardDefinitions }
  | { ok: false; problems: string[] };

/**
 * Validates parsed YAML (or JSON) scorecard definitions. Each problem names the path of the
 * field at fault, e.g. `scorecards[0].checks[2].level: level "platinum" is not one of ...`.
 */
export function validateScorecardDefinitions(data: unknown): DefinitionsValidation {
  const parsed = scorecardDefinitionsSchema.safeParse(data);
  if (parsed.success) return { ok: true, definitions: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map(issue => `${formatPath(issue.path)}: ${issue.message}`),
  };
}

function formatPath(path: PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** Whether an entity's kind, spec.type and spec.lifecycle match a scorecard's or check's filter. */
export function matchesEntityFilter(
  filter: EntityFilter | undefined,
  entity: { kind: string; type: string | null; lifecycle: string | null },
): boolean {
  if (!filter) return true;
  const has = (list: string[] | undefined, value: string | null) =>
    !list || (value !== null && list.some(v => v.toLocaleLowerCase('en-US') === value.toLocaleLowerCase('en-US')));
  return has(filter.kinds, entity.kind) && has(filter.types, entity.type) && has(filter.lifecycles, entity.lifecycle);
}
