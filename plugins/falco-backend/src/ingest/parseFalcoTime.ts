const ISO_8601 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Falco writes RFC 3339 with nanoseconds (`2023-05-25T13:44:05.478445995Z`). Returns the
 * instant to millisecond precision, or undefined when `value` is not such a time or is
 * Go's zero time (`0001-01-01T00:00:00Z`), which Falcosidekick rejects.
 */
export function parseFalcoTime(value: string): Date | undefined {
  const match = ISO_8601.exec(value.trim());
  if (!match) return undefined;
  const millis = match[2] ? match[2].slice(0, 4).padEnd(4, '0') : '';
  const date = new Date(`${match[1]}${millis}${match[3]}`);
  if (Number.isNaN(date.getTime())) return undefined;
  // Go's zero time and anything before the epoch cannot be a real Falco event.
  if (date.getTime() <= 0) return undefined;
  return date;
}
