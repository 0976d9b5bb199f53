import {
  ChangeRow,
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

/** What an indicator computed: a value per week of the context, per team too. */
export interface IndicatorFigures {
  source: string;
  demo?: boolean;
  lastError?: string | null;
  /** One value per week of the context, oldest first; null is "no data", never zero. */
  weekly: Array<number | null>;
  /** Per team ref, one value per week; rated against the target only where it applies to a team. */
  teams?: { values: Map<string, Array<number | null>>; rated: boolean };
  changes?: ChangeRow[];
  /** Why weeks without a value have none, when one reason covers them all. */
  noDataReason?: string | null;
  /** Overrides the default reason this week has no value. */
  unavailableReason?: string | null;
}

/** A report from its definition and figures: every week, and every team's week, rated on its own. */
export function report(definition: IndicatorDefinition, context: WeekContext, figures: IndicatorFigures): IndicatorReport {
  const rateValue = (value: number | null) => rate(value, definition.target, definition.direction);
  const points = (values: Array<number | null>, rated: boolean) =>
    context.weeks.map((week, i) => ({ isoWeek: week.isoWeek, value: values[i] ?? null, rating: rated ? rateValue(values[i] ?? null) : null }));
  const value = figures.weekly[figures.weekly.length - 1] ?? null;
  const teams = [...(figures.teams?.values.entries() ?? [])]
    .filter(([, values]) => values.some(v => v !== null))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([teamRef, values]) => {
      const history = points(values, figures.teams!.rated);
      const current = history[history.length - 1];
      return { teamRef, value: current.value, rating: current.rating, history };
    });
  return {
    ...definition,
    value,
    rating: rateValue(value),
    unavailableReason:
      figures.unavailableReason ?? (value === null ? figures.noDataReason ?? `no data for this week in the ${figures.source}` : null),
    noDataReason: figures.noDataReason ?? null,
    source: figures.source,
    demo: figures.demo ?? false,
    lastError: figures.lastError ?? null,
    history: points(figures.weekly, true),
    teams,
    changes: figures.changes ?? [],
  };
}

/** A report whose source could not be read: every figure unknown, with the reason. */
export function unavailable(definition: IndicatorDefinition, context: WeekContext, source: string, reason: string): IndicatorReport {
  return report(definition, context, { source, weekly: context.weeks.map(() => null), unavailableReason: reason, noDataReason: reason });
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
