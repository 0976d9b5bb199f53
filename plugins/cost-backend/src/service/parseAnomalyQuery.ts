import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { addDays } from '@internal/plugin-cost-common';

/** How many days one request may cover. */
export const MAX_ANOMALY_RANGE_DAYS = 366;
/** Without `from`, the last two weeks up to `to`. */
export const DEFAULT_ANOMALY_RANGE_DAYS = 14;

export interface AnomalyQuery {
  from?: string;
  to?: string;
  entityRef?: string;
}

function readDay(field: string, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    // An impossible date (2026-13-01) is NaN; a 30 February rolls over to March.
    Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ||
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value
  ) {
    throw new InputError(
      `${field} "${String(
        value,
      )}" is not a day; write it as YYYY-MM-DD, e.g. ${field}=2026-11-02`,
    );
  }
  return value;
}

/** Validates optional `from` and `to` days: a range of at most MAX_ANOMALY_RANGE_DAYS. */
export function readDayRange(query: Record<string, unknown>): {
  from?: string;
  to?: string;
} {
  const from = readDay('from', query.from);
  const to = readDay('to', query.to);
  if (from && to) {
    if (from > to)
      throw new InputError(`from ${from} is after to ${to}; give from <= to`);
    if (addDays(from, MAX_ANOMALY_RANGE_DAYS - 1) < to)
      throw new InputError(
        `from ${from} to ${to} is more than ${MAX_ANOMALY_RANGE_DAYS} days; ask for a shorter range`,
      );
  }
  return { from, to };
}

/** Validates `from`, `to` and `entityRef` (a Group or Component ref). */
export function parseAnomalyQuery(
  query: Record<string, unknown>,
): AnomalyQuery {
  const { from, to } = readDayRange(query);
  let entityRef: string | undefined;
  if (query.entityRef !== undefined && query.entityRef !== '') {
    const raw = query.entityRef;
    let kind = '';
    try {
      const parsed = parseEntityRef(String(raw));
      kind = parsed.kind.toLowerCase();
      entityRef = stringifyEntityRef(parsed).toLowerCase();
    } catch {
      kind = '';
    }
    if (typeof raw !== 'string' || (kind !== 'group' && kind !== 'component'))
      throw new InputError(
        `entityRef "${String(
          raw,
        )}" is not a team or service ref; write group:<namespace>/<name> or component:<namespace>/<name>, e.g. entityRef=component:default/cart-service`,
      );
  }
  return { from, to, entityRef };
}
