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
import { parseFalcoTime } from './parseFalcoTime';

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
  uuid: z.string().optional(),
  time: z
    .string({ error: 'is required: an ISO 8601 time such as 2023-05-25T13:44:05.478445995Z' })
    .refine(value => parseFalcoTime(value) !== undefined, {
      error: 'must be a non-zero ISO 8601 time such as 2023-05-25T13:44:05.478445995Z',
    }),
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
  output_fields: z
    .record(z.string(), outputFieldValue, {
      error: 'is required: an object of Falco fields such as {"k8s.ns.name": "default"}',
    })
    .refine(fields => Object.keys(fields).length > 0, {
      error: 'must not be empty: Falco sends the fields of the rule output here',
    }),
});

type FalcoPayload = z.infer<typeof falcoPayload>;

const stringField = (fields: Record<string, FalcoOutputFieldValue>, name: string) => {
  const value = fields[name];
  return typeof value === 'string' && value !== '' && value !== '<NA>' ? value : null;
};

function toEvent(payload: FalcoPayload): FalcoEvent {
  const timeAt = parseFalcoTime(payload.time)!;
  const fields = payload.output_fields as Record<string, FalcoOutputFieldValue>;
  return {
    key: eventKey(payload),
    time: payload.time.trim(),
    timeAt,
    day: timeAt.toISOString().slice(0, 10),
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

/**
 * Validates a webhook body: one Falco event object, or a JSON array of them for batches.
 * Throws InputError naming every bad field (`events[2].priority: must be one of ...`);
 * a batch with any bad event is refused whole so the sender's retry stays simple.
 */
export function validateFalcoEvents(body: unknown, options: { maxBatchSize: number }): FalcoEvent[] {
  const isBatch = Array.isArray(body);
  const items: unknown[] = isBatch ? (body as unknown[]) : [body];
  if (body === null || body === undefined || (typeof body !== 'object')) {
    throw new InputError(
      'The body must be a Falco event as a JSON object, or a JSON array of them, sent with Content-Type: application/json',
    );
  }
  if (items.length === 0) {
    throw new InputError('The body is an empty array: send at least one Falco event');
  }
  if (items.length > options.maxBatchSize) {
    throw new InputError(
      `The batch holds ${items.length} events; at most ${options.maxBatchSize} are accepted per request (falco.ingest.maxBatchSize): split it`,
    );
  }
  const problems: string[] = [];
  const events: FalcoEvent[] = [];
  items.forEach((item, index) => {
    const where = isBatch ? `events[${index}]` : 'event';
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      problems.push(`${where}: must be a JSON object`);
      return;
    }
    const result = falcoPayload.safeParse(item);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push(`${where}.${issue.path.map(String).join('.') || '?'}: ${issue.message}`);
      }
      return;
    }
    events.push(toEvent(result.data));
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : '';
    throw new InputError(`Invalid Falco event: ${shown.join('; ')}${more}`);
  }
  return events;
}
