import {
  daysBegun,
  IndicatorDefinition,
  IndicatorReport,
  IsoWeek,
  rate,
  REVIEW_HISTORY_WEEKS,
  weekBounds,
  weeksEndingWith,
} from '@internal/plugin-platform-review-common';

export interface WeekSpan {
  isoWeek: IsoWeek;
  start: Date;
  end: Date;
  /** Calendar days begun at `now`: 7 for past weeks. */
  days: number;
}

/** The week under review and the weeks of its history, with instants in the configured time zone. */
export class WeekContext {
  readonly weeks: WeekSpan[];

  constructor(
    readonly isoWeek: IsoWeek,
    readonly timeZone: string,
    readonly now: Date,
    /** Component ref → owning group ref, from the catalog. */
    readonly ownerOf: (entityRef: string) => string | null,
  ) {
    this.weeks = weeksEndingWith(isoWeek, REVIEW_HISTORY_WEEKS, timeZone).map(w => ({
      isoWeek: w,
      ...weekBounds(w, timeZone),
      days: daysBegun(w, timeZone, now),
    }));
  }

  get current(): WeekSpan {
    return this.weeks[this.weeks.length - 1];
  }

  get previous(): WeekSpan {
    return this.weeks[this.weeks.length - 2];
  }

  get first(): WeekSpan {
    return this.weeks[0];
  }

  /** The week an instant falls in, or undefined outside the history. */
  weekIndexOf(instant: Date | string): number {
    const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
    return this.weeks.findIndex(w => t >= w.start.getTime() && t < w.end.getTime());
  }
}

/** A report with the common fields filled in from its definition. */
export function report(
  definition: IndicatorDefinition,
  fields: Pick<IndicatorReport, 'source' | 'history'> & Partial<IndicatorReport>,
): IndicatorReport {
  const value = fields.value ?? fields.history[fields.history.length - 1]?.value ?? null;
  return {
    ...definition,
    value,
    rating: rate(value, definition.target, definition.direction),
    unavailableReason: value === null ? `no data for this week in the ${fields.source}` : null,
    demo: false,
    lastError: null,
    teams: [],
    changes: [],
    ...fields,
  };
}

/** A report whose source could not be read: every figure unknown, with the reason. */
export function unavailable(definition: IndicatorDefinition, context: WeekContext, source: string, reason: string): IndicatorReport {
  return report(definition, {
    source,
    history: context.weeks.map(w => ({ isoWeek: w.isoWeek, value: null })),
    value: null,
    rating: 'unknown',
    unavailableReason: reason,
  });
}

/** The largest moves first, at most five, ignoring services that did not move. */
export function biggestMoves<T extends { delta: number | null }>(rows: T[]): T[] {
  return rows
    .filter(r => r.delta !== null && r.delta !== 0)
    .sort((a, b) => Math.abs(b.delta!) - Math.abs(a.delta!))
    .slice(0, 5);
}

export function increment(map: Map<string, number>, key: string, by = 1) {
  map.set(key, (map.get(key) ?? 0) + by);
}
