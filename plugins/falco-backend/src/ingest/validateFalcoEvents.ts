import { InputError } from '@backstage/errors';
import {
  FALCO_PRIORITIES,
  FalcoOutputFieldValue,
  parseFalcoPriority,
  PRIORITY_LABELS,
} from '@internal/plugin-falco-common';
import { z } from 'zod';
import { eventKey } from './eventKey';
import { FalcoEvent } from './FalcoEvent';
import { FALCO_TIME_EXAMPLE, parseFalcoTime } from './parseFalcoTime';

const PRIORITY_NAMES = FALCO_PRIORITIES.map(p => PRIORITY_LABELS[p]).join(', ');

const outputFieldValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string()),
]);

/** What Falcosidekick requires (handlers.go), plus types for the optional fields. */
const falcoPayload = z.object({
  uuid: z.string({ error: 'must be a string' }).optional(),
  time: z.string({ error: `is required: an ISO 8601 time such as ${FALCO_TIME_EXAMPLE}` }),
  rule: z
    .string({ error: 'is required: the name of the Falco rule that fired' })
    .trim()
    .min(1, { error: 'must not be empty: the name of the Falco rule that fired' })
    .max(255, { error: 'must be at most 255 characters' }),
  priority: z
    .string({ error: `is required: one of ${PRIORITY_NAMES}` })
    .refine(value => parseFalcoPriority(value) !== undefined, {
      error: `must be one of ${PRIORITY_NAMES} (any case, or Info)`,
    }),
  output: z.string({ error: 'must be a string' }).optional(),
  hostname: z.string({ error: 'must be a string' }).nullable().optional(),
  source: z.string({ error: 'must be a string such as syscall' }).optional(),
  tags: z.array(z.string(), { error: 'must be an array of strings' }).nullable().optional(),
  // Checked by readOutputFields: zod's record drops a `__proto__` key without a word.
  output_fields: z.unknown(),
});

type FalcoPayload = z.infer<typeof falcoPayload>;

/**
 * `output_fields` with every key the sender sent, `__proto__` and `constructor`
 * included: Object.fromEntries defines own properties, so such keys are stored and shown
 * like any other instead of being dropped or changing the object's prototype.
 */
function readOutputFields(value: unknown, where: string): { fields: Record<string, FalcoOutputFieldValue> } | { problems: string[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { problems: [`${where}.output_fields: is required: an object of Falco fields such as {"k8s.ns.name": "default"}`] };
  }
  const entries = Object.entries(value);
  if (entries.length === 0) {
    return { problems: [`${where}.output_fields: must not be empty: Falco sends the fields of the rule output here`] };
  }
  const problems = entries
    .filter(([, v]) => !outputFieldValue.safeParse(v).success)
    .map(([key]) => `${where}.output_fields.${key}: must be a string, number, boolean, null or an array of strings`);
  return problems.length > 0 ? { problems } : { fields: Object.fromEntries(entries) as Record<string, FalcoOutputFieldValue> };
}

const stringField = (fields: Record<string, FalcoOutputFieldValue>, name: string) => {
  const value = Object.hasOwn(fields, name) ? fields[name] : undefined;
  return typeof value === 'string' && value !== '' && value !== '<NA>' ? value : null;
};

function toEvent(payload: FalcoPayload, time: Date, fields: Record<string, FalcoOutputFieldValue>): FalcoEvent {
  return {
    key: eventKey({ ...payload, output_fields: fields }),
    time: payload.time.trim(),
    timeAt: time,
    day: time.toISOString().slice(0, 10),
    rule: payload.rule,
    priority: parseFalcoPriority(payload.priority)!,
    output: payload.output ?? '',
    // Falcosidekick fills an empty source the same way.
    source: payload.source || 'syscalls',
    hostname: payload.hostname || null,
    tags: payload.tags ?? [],
    outputFields: fields,
    namespace: stringField(fields, 'k8s.ns.name'),
    pod: stringField(fields, 'k8s.pod.name'),
    containerImage: stringField(fields, 'container.image.repository'),
  };
}

/** One event of a body: valid, or why not (`events[2].priority: must be one of ...`). */
export type ValidatedFalcoEvent = { index: number; event: FalcoEvent } | { index: number; problem: string };

const MAX_PROBLEMS_PER_EVENT = 5;

/** Validates one event of a body; `where` names it in problems (`event`, `events[3]`). */
function validateOne(item: unknown, index: number, where: string): ValidatedFalcoEvent {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    return { index, problem: `${where}: must be a JSON object` };
  }
  const problems: string[] = [];
  const result = falcoPayload.safeParse(item);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push(`${where}.${issue.path.map(String).join('.') || '?'}: ${issue.message}`);
    }
  }
  const raw = item as Record<string, unknown>;
  const time = typeof raw.time === 'string' ? parseFalcoTime(raw.time) : undefined;
  if (time && 'problem' in time) problems.push(`${where}.time: ${time.problem}`);
  const fields = readOutputFields(raw.output_fields, where);
  if ('problems' in fields) problems.push(...fields.problems);
  if (!result.success || !time || 'problem' in time || 'problems' in fields) {
    const more = problems.length > MAX_PROBLEMS_PER_EVENT ? ` (and ${problems.length - MAX_PROBLEMS_PER_EVENT} more)` : '';
    return { index, problem: `${problems.slice(0, MAX_PROBLEMS_PER_EVENT).join('; ')}${more}` };
  }
  return { index, event: toEvent(result.data, time.time, fields.fields) };
}

/**
 * Validates a webhook body: one Falco event object, or a JSON array of them for batches.
 * Each event is judged on its own, so a bad one costs only itself. Throws InputError only
 * for a body that is not a Falco event or an array of them at all.
 */
export function validateFalcoEvents(body: unknown, options: { maxBatchSize: number }): ValidatedFalcoEvent[] {
  if (body === null || body === undefined || typeof body !== 'object') {
    throw new InputError(
      'The body must be a Falco event as a JSON object, or a JSON array of them, sent with Content-Type: application/json',
    );
  }
  if (!Array.isArray(body)) return [validateOne(body, 0, 'event')];
  if (body.length === 0) {
    throw new InputError('The body is an empty array: send at least one Falco event');
  }
  if (body.length > options.maxBatchSize) {
    throw new InputError(
      `The batch holds ${body.length} events; at most ${options.maxBatchSize} are accepted per request (falco.ingest.maxBatchSize): split it`,
    );
  }
  return body.map((item, index) => validateOne(item, index, `events[${index}]`));
}
