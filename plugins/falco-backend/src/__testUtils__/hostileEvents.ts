import { randomUUID } from 'node:crypto';
import { sidekickEvent } from './falcoFixtures';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * What the portal must answer for one hostile event: accepted, with fields of the stored
 * alert as GET /alerts returns it; or rejected or expired, with a reason matching `reason`.
 */
export type HostileCase = { name: string; event: unknown } & (
  | { status: 'accepted'; stored: Record<string, unknown> }
  | { status: 'rejected' | 'expired'; reason: RegExp }
);

/** `now` shifted by `ms`, in Falco's format (RFC 3339 with nanoseconds). */
const falcoTimeAt = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString().replace('Z', '123456Z');

const inPod = (pod: string, overrides: Omit<Parameters<typeof sidekickEvent>[0], 'namespace' | 'pod'> = {}) =>
  sidekickEvent({ namespace: 'hostile', pod, ...overrides });

/**
 * The hostile corpus: what an attacker, or a broken sender, can put in a Falco event.
 * Every case is a single event; the tests send each between good neighbours and all of
 * them in one batch, on SQLite and on PostgreSQL, and expect the same answers on both.
 * Times are relative to `now`; retention is 30 days.
 */
export function hostileCases(now: Date): HostileCase[] {
  const longHost = `node-${'h'.repeat(300)}`;
  const longPod = `pod-${'p'.repeat(300)}`;
  const longSource = `source-${'s'.repeat(100)}`;
  const longImage = `registry.example/${'i'.repeat(600)}`;
  const manyDigits = now.toISOString().replace(/\.\d+Z$/, `.${'1234567890'.repeat(6)}Z`);
  const hugeOutput = `begin ${'x'.repeat(300_000)} end`;

  return [
    // Long values: PostgreSQL's varchar columns refused them where SQLite stored them.
    { name: 'a hostname over 255 characters', event: { ...inPod('long-host'), hostname: longHost }, status: 'accepted', stored: { hostname: longHost } },
    { name: 'a pod name over 255 characters', event: inPod(longPod), status: 'accepted', stored: { pod: longPod } },
    { name: 'a source over 64 characters', event: { ...inPod('long-source'), source: longSource }, status: 'accepted', stored: { source: longSource } },
    {
      name: 'an image over 512 characters',
      event: inPod('long-image', { image: longImage }),
      status: 'accepted',
      stored: { containerImage: longImage },
    },
    { name: 'a time with 60 fractional digits', event: { ...inPod('many-digits'), time: manyDigits }, status: 'accepted', stored: { time: manyDigits } },
    { name: 'an output of 300,000 characters', event: { ...inPod('huge-output'), output: hugeOutput }, status: 'accepted', stored: { output: hugeOutput } },

    // NUL: PostgreSQL text cannot hold it; both databases store it escaped, visibly.
    {
      name: 'a NUL character in output',
      event: { ...inPod('nul-output'), output: 'shell spawned\u0000hidden part' },
      status: 'accepted',
      stored: { output: 'shell spawned\\u0000hidden part' },
    },
    {
      name: 'a NUL character in rule',
      event: { ...inPod('nul-rule'), rule: 'Terminal shell\u0000 in container' },
      status: 'accepted',
      stored: { rule: 'Terminal shell\\u0000 in container' },
    },
    {
      name: 'NUL characters in hostname, namespace and pod',
      event: {
        ...sidekickEvent({ namespace: 'hostile\u0000ns', pod: 'nul\u0000pod' }),
        hostname: 'host\u0000name',
      },
      status: 'accepted',
      stored: { hostname: 'host\\u0000name', namespace: 'hostile\\u0000ns', pod: 'nul\\u0000pod' },
    },
    {
      name: 'a NUL character inside output_fields and tags (kept exactly, as JSON)',
      event: { ...inPod('nul-fields', { fields: { 'proc.cmdline': 'sh -c \u0000' } }), tags: ['shell\u0000'] },
      status: 'accepted',
      stored: { tags: ['shell\u0000'], outputFields: expect.objectContaining({ 'proc.cmdline': 'sh -c \u0000' }) },
    },
    {
      name: 'a lone UTF-16 surrogate in output',
      event: { ...inPod('lone-surrogate'), output: 'broken \ud800 text' },
      status: 'accepted',
      stored: { output: 'broken \ufffd text' },
    },
    {
      name: 'a uuid with a NUL character and 200 characters',
      event: { ...inPod('odd-uuid'), uuid: `\u0000${'u'.repeat(200)}${randomUUID()}` },
      status: 'accepted',
      stored: { id: expect.stringMatching(/^[0-9a-f]{64}$/) },
    },

    // Time sanity.
    { name: 'a time in the year 9999', event: { ...inPod('far-future'), time: '9999-12-31T23:59:59.999999999Z' }, status: 'rejected', reason: /time.*ahead of the portal's clock/ },
    { name: 'a time 10 minutes ahead', event: { ...inPod('ahead-10m'), time: falcoTimeAt(now, 10 * MINUTE_MS) }, status: 'rejected', reason: /time.*ahead/ },
    { name: 'a time 4 minutes ahead (clock skew)', event: { ...inPod('ahead-4m'), time: falcoTimeAt(now, 4 * MINUTE_MS) }, status: 'accepted', stored: { pod: 'ahead-4m' } },
    { name: 'a time 40 days ago, beyond retention', event: { ...inPod('too-old'), time: falcoTimeAt(now, -40 * DAY_MS) }, status: 'expired', reason: /older than.*retention/ },
    { name: 'February 30', event: { ...inPod('feb-30'), time: `${now.getUTCFullYear()}-02-30T10:00:00Z` }, status: 'rejected', reason: /time.*February 30/ },
    { name: 'April 31', event: { ...inPod('apr-31'), time: `${now.getUTCFullYear()}-04-31T10:00:00Z` }, status: 'rejected', reason: /time.*April 31/ },
    { name: 'hour 24', event: { ...inPod('hour-24'), time: `${now.toISOString().slice(0, 10)}T24:00:00Z` }, status: 'rejected', reason: /time.*hour 24/ },
    { name: 'minute 60', event: { ...inPod('minute-60'), time: `${now.toISOString().slice(0, 10)}T00:60:00Z` }, status: 'rejected', reason: /time.*minute 60/ },
    { name: 'month 13', event: { ...inPod('month-13'), time: '2026-13-01T00:00:00Z' }, status: 'rejected', reason: /time.*month 13/ },
    { name: 'a UTC offset of +25:00', event: { ...inPod('offset-25'), time: `${now.toISOString().slice(0, 10)}T00:00:00+25:00` }, status: 'rejected', reason: /time.*offset/ },

    // Prototype keys.
    {
      name: 'a __proto__ key in output_fields',
      event: inPod('proto-key', { fields: JSON.parse('{"__proto__": "polluted", "constructor": "c"}') }),
      status: 'accepted',
      stored: { outputFields: expect.objectContaining(JSON.parse('{"__proto__": "polluted", "constructor": "c"}')) },
    },
    {
      name: 'a __proto__ key in output_fields holding an object',
      event: inPod('proto-object', { fields: JSON.parse('{"__proto__": {"isAdmin": true}}') }),
      status: 'rejected',
      reason: /output_fields\.__proto__/,
    },

    // Wrong shapes inside a batch.
    { name: 'null', event: null, status: 'rejected', reason: /must be a JSON object/ },
    { name: 'a string', event: 'Terminal shell in container', status: 'rejected', reason: /must be a JSON object/ },
    { name: 'an array', event: [inPod('nested')], status: 'rejected', reason: /must be a JSON object/ },
    { name: 'a priority with a NUL character', event: { ...inPod('nul-priority'), priority: 'Critical\u0000' }, status: 'rejected', reason: /priority: must be one of/ },
    { name: 'a rule of 10,000 characters', event: { ...inPod('long-rule'), rule: 'r'.repeat(10_000) }, status: 'rejected', reason: /rule: must be at most 255/ },
  ];
}
