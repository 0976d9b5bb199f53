import { InputError } from '@backstage/errors';
import { falcoDocsExample } from '../__testUtils__/falcoFixtures';
import { eventKey } from './eventKey';
import { validateFalcoEvents } from './validateFalcoEvents';

const limits = { maxBatchSize: 100 };
const errorOf = (body: unknown) => {
  try {
    validateFalcoEvents(body, limits);
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected validation to fail');
};

describe('validateFalcoEvents', () => {
  it("accepts the documentation's example and reads the fields the portal maps by", () => {
    const [event] = validateFalcoEvents(falcoDocsExample(), limits);
    expect(event).toMatchObject({
      time: '2023-05-25T13:44:05.478445995Z',
      day: '2023-05-25',
      rule: 'Terminal shell in container',
      priority: 'critical',
      source: 'syscall',
      hostname: 'ip-172-31-3-191',
      tags: ['container', 'mitre_execution', 'shell'],
      namespace: 'default',
      pod: 'kubecon',
      containerImage: 'docker.io/library/alpine',
    });
    expect(event.timeAt.toISOString()).toBe('2023-05-25T13:44:05.478Z');
    // Typed values are kept as sent.
    expect(event.outputFields['user.loginuid']).toBe(-1);
    expect(event.outputFields['proc.tty']).toBe(34816);
    // No uuid from Falco itself: the key is a content hash.
    expect(event.key).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['Info', 'informational'],
    ['INFORMATIONAL', 'informational'],
    ['emergency', 'emergency'],
    ['WARNING', 'warning'],
  ])('reads priority %j case-insensitively as %s', (priority, expected) => {
    const [event] = validateFalcoEvents({ ...falcoDocsExample(), priority }, limits);
    expect(event.priority).toBe(expected);
  });

  it('sets source to syscalls when empty, as Falcosidekick does', () => {
    const [event] = validateFalcoEvents({ ...falcoDocsExample(), source: '' }, limits);
    expect(event.source).toBe('syscalls');
  });

  it('accepts a JSON array as a batch', () => {
    const second = { ...falcoDocsExample(), rule: 'Read sensitive file untrusted' };
    expect(validateFalcoEvents([falcoDocsExample(), second], limits).map(e => e.rule)).toEqual([
      'Terminal shell in container',
      'Read sensitive file untrusted',
    ]);
  });

  it.each([
    ['priority', { priority: undefined }, /event\.priority: is required/],
    ['an unknown priority', { priority: 'Urgent' }, /event\.priority: must be one of Emergency, Alert, Critical/],
    ['rule', { rule: undefined }, /event\.rule: is required/],
    ['an empty rule', { rule: '  ' }, /event\.rule: must not be empty/],
    ['time', { time: undefined }, /event\.time: is required/],
    ["Go's zero time", { time: '0001-01-01T00:00:00Z' }, /event\.time: must be a non-zero ISO 8601 time/],
    ['a time that is not ISO 8601', { time: 'yesterday' }, /event\.time: must be a non-zero/],
    ['output_fields', { output_fields: undefined }, /event\.output_fields: is required/],
    ['empty output_fields', { output_fields: {} }, /event\.output_fields: must not be empty/],
  ])('refuses an event without %s, naming the field', (_what, change, message) => {
    const error = errorOf({ ...falcoDocsExample(), ...change });
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(message);
  });

  it.each([
    ['time as a number', { time: 1685022245 }, /event\.time/],
    ['rule as a number', { rule: 42 }, /event\.rule/],
    ['tags as a string', { tags: 'shell' }, /event\.tags: must be an array of strings/],
    ['output_fields as an array', { output_fields: ['k8s.ns.name'] }, /event\.output_fields/],
    ['an object as an output field value', { output_fields: { 'k8s.ns.name': { nested: true } } }, /event\.output_fields\.k8s\.ns\.name/],
  ])('refuses %s', (_what, change, message) => {
    expect(errorOf({ ...falcoDocsExample(), ...change }).message).toMatch(message);
  });

  it('names the index of the bad event in a batch and refuses the whole batch', () => {
    const error = errorOf([falcoDocsExample(), { ...falcoDocsExample(), priority: 'Loud' }, 'text']);
    expect(error.message).toMatch(/events\[1\]\.priority/);
    expect(error.message).toMatch(/events\[2\]: must be a JSON object/);
    expect(error.message).not.toMatch(/events\[0\]/);
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['an empty array', []],
  ])('refuses a body that is %s', (_what, body) => {
    expect(errorOf(body)).toBeInstanceOf(InputError);
  });

  it('refuses a batch larger than the configured maximum', () => {
    const batch = Array.from({ length: 101 }, () => falcoDocsExample());
    expect(errorOf(batch).message).toMatch(/101 events; at most 100.*falco\.ingest\.maxBatchSize/);
  });
});

describe('eventKey', () => {
  const base = falcoDocsExample();

  it('uses the uuid Falcosidekick sets', () => {
    expect(eventKey({ ...base, uuid: '5D8F3B5E-0C77-4C0E-9B2A-2E4A8E4E5D9A' })).toBe(
      '5d8f3b5e-0c77-4c0e-9b2a-2e4a8e4e5d9a',
    );
  });

  it('hashes time, rule, hostname and output_fields when there is no uuid, ignoring key order', () => {
    const reordered = Object.fromEntries(Object.entries(base.output_fields).reverse());
    expect(eventKey({ ...base, output_fields: reordered })).toBe(eventKey(base));
    const otherOutput = { ...base, output: 'different text, same event' };
    expect(eventKey(otherOutput)).toBe(eventKey(base));
    expect(eventKey({ ...base, hostname: 'another-node' })).not.toBe(eventKey(base));
    expect(eventKey({ ...base, time: '2023-05-25T13:44:05.478445996Z' })).not.toBe(eventKey(base));
    expect(eventKey({ ...base, output_fields: { ...base.output_fields, 'proc.pid': 1 } })).not.toBe(eventKey(base));
  });
});
