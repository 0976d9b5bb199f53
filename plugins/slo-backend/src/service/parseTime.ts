import { InputError } from '@backstage/errors';

/** A query or body time in ISO 8601; undefined when absent, InputError naming `field` when not a time. */
export function parseTime(value: unknown, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(String(value));
  if (typeof value !== 'string' || Number.isNaN(date.getTime())) {
    throw new InputError(`${field} "${value}" is not a time; use ISO 8601, e.g. 2026-11-30T18:00:00Z`);
  }
  return date;
}
