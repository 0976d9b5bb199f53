import { InputError } from '@backstage/errors';
import { falcoDocsExample } from '../__testUtils__/falcoFixtures';
import { eventKey } from './eventKey';
import { FalcoEvent } from './FalcoEvent';
import { validateFalcoEvents } from './validateFalcoEvents';

const limits = { maxBatchSize: 100 };

/** The events of a body every event of which is valid. */
const valid = (body: unknown): FalcoEvent[] =>
  validateFalcoEvents(body, limits).map(item => {
    if ('problem' in item) throw new Error(`unexpected problem: ${item.problem}`);
    return item.event;
  });

/** Why each event of `body` was refused, undefined for the valid ones. */
const problems = (body: unknown) => validateFalcoEvents(body, limits).map(item => ('problem' in item ? item.problem : undefined));

const bodyError = (body: unknown) => {
  try {
    validateFalcoEvents(body, limits);
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the body to be refused');
};

describe('validateFalcoEvents', () => {
  it("accepts the documentation's example and reads the fields the portal maps by", () => {
    const [event] = valid(falcoDocsExample());
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
    const [event] = valid({ ...falcoDocsExample(), priority });
    expect(event.priority).toBe(expected);
  });

  it('sets source to syscalls when empty, as Falcosidekick does', () => {
    const [event] = valid({ ...falcoDocsExample(), source: '' });
    expect(event.source).toBe('syscalls');
  });

  it('accepts a JSON array as a batch', () => {
    const second = { ...falcoDocsExample(), rule: 'Read sensitive file untrusted' };
    expect(valid([falcoDocsExample(), second]).map(e => e.rule)).toEqual([
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
    expect(problems({ ...falcoDocsExample(), ...change })).toEqual([expect.stringMatching(message)]);
  });

  it.each([
    ['time as a number', { time: 1685022245 }, /event\.time/],
    ['rule as a number', { rule: 42 }, /event\.rule/],
    ['tags as a string', { tags: 'shell' }, /event\.tags: must be an array of strings/],
    ['output_fields as an array', { output_fields: ['k8s.ns.name'] }, /event\.output_fields/],
    ['an object as an output field value', { output_fields: { 'k8s.ns.name': { nested: true } } }, /event\.output_fields\.k8s\.ns\.name/],
  ])('refuses %s', (_what, change, message) => {
    expect(problems({ ...falcoDocsExample(), ...change })).toEqual([expect.stringMatching(message)]);
  });

  it('judges each event of a batch on its own, naming its index', () => {
    expect(problems([falcoDocsExample(), { ...falcoDocsExample(), priority: 'Loud' }, 'text'])).toEqual([
      undefined,
      expect.stringMatching(/^events\[1\]\.priority: must be one of/),
      'events[2]: must be a JSON object',
    ]);
  });

  it.each([
    ['February 30', '2026-02-30T10:00:00Z', 'February 30 does not exist'],
    ['February 29 of a common year', '2025-02-29T10:00:00Z', 'February 29 does not exist in 2025'],
    ['April 31', '2026-04-31T10:00:00Z', 'April 31 does not exist'],
    ['hour 24', '2026-05-25T24:00:00Z', 'hour 24 does not exist'],
    ['minute 60', '2026-05-25T23:60:00Z', 'minute 60 does not exist'],
    ['a leap second', '2016-12-31T23:59:60Z', 'second 60 does not exist'],
    ['month 0', '2026-00-10T10:00:00Z', 'month 0 does not exist'],
    ['an offset of +24:00', '2026-05-25T10:00:00+24:00', '+24:00 is not a UTC offset'],
    ['a time before 1970', '1969-12-31T23:59:59Z', 'must be a non-zero ISO 8601 time'],
  ])('refuses %s instead of moving it to another day', (_what, time, message) => {
    expect(problems({ ...falcoDocsExample(), time })).toEqual([expect.stringContaining(`event.time: ${message}`)]);
  });

  it.each([
    ['February 29 of a leap year', '2028-02-29T10:00:00Z', '2028-02-29T10:00:00.000Z'],
    ['an offset east of UTC', '2026-05-25T01:30:00.123456789+02:00', '2026-05-24T23:30:00.123Z'],
    ['an offset without a colon', '2026-05-25T01:30:00-0130', '2026-05-25T03:00:00.000Z'],
    ['no fraction', '2026-05-25T01:30:00Z', '2026-05-25T01:30:00.000Z'],
    ['one fractional digit', '2026-05-25T01:30:00.5Z', '2026-05-25T01:30:00.500Z'],
  ])('reads %s', (_what, time, instant) => {
    const [event] = valid({ ...falcoDocsExample(), time });
    expect(event.timeAt.toISOString()).toBe(instant);
    expect(event.time).toBe(time);
  });

  it('keeps __proto__ and constructor keys of output_fields as fields, and refuses an object under them', () => {
    const fields = JSON.parse('{"k8s.ns.name": "default", "__proto__": "x", "constructor": ["y"]}');
    const [event] = valid({ ...falcoDocsExample(), output_fields: fields });
    expect(Object.keys(event.outputFields)).toEqual(['k8s.ns.name', '__proto__', 'constructor']);
    expect(Object.getPrototypeOf(event.outputFields)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(event.outputFields))).toEqual(fields);
    expect(problems({ ...falcoDocsExample(), output_fields: JSON.parse('{"__proto__": {"polluted": true}}') })).toEqual([
      expect.stringMatching(/^event\.output_fields\.__proto__: must be a string, number/),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['an empty array', []],
  ])('refuses a body that is %s', (_what, body) => {
    expect(bodyError(body)).toBeInstanceOf(InputError);
  });

  it('refuses a batch larger than the configured maximum', () => {
    const batch = Array.from({ length: 101 }, () => falcoDocsExample());
    expect(bodyError(batch).message).toMatch(/101 events; at most 100.*falco\.ingest\.maxBatchSize/);
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
