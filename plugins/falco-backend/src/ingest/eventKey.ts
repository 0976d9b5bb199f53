import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so equal content always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      // Code-unit order, the same on every machine; keys of one object are unique.
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The key an event is stored under. Falcosidekick sets a fresh uuid on every event it
 * forwards and re-sends the same uuid when it retries, so the uuid identifies a delivery.
 * Falco's own http_output sends none: then the same time, rule, hostname and
 * output_fields are the same event.
 */
export function eventKey(event: {
  uuid?: string;
  time: string;
  rule: string;
  hostname?: string | null;
  output_fields: Record<string, unknown>;
}): string {
  const uuid = event.uuid?.trim().toLowerCase();
  if (uuid) {
    // Anything but a short printable id (a NUL, 200 characters) is stored by its hash.
    return /^[\x21-\x7e]{1,64}$/.test(uuid) ? uuid : sha256(uuid);
  }
  return sha256(
    canonicalJson([event.time, event.rule, event.hostname ?? null, event.output_fields]),
  );
}
