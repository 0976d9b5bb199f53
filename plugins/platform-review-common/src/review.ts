import { Rating } from './colour';
import { IndicatorDirection, IndicatorId } from './indicators';
import { IsoWeek } from './weeks';

/**
 * One week's value of an indicator. Null is "no data" (a gap in the chart), never zero:
 * the source had not recorded that week (freezes before the SLO plugin kept history, Falco
 * weeks before events were stored) or nothing happened that a ratio could be taken of.
 */
export interface WeekPoint {
  isoWeek: IsoWeek;
  value: number | null;
  /**
   * That week's own rating against the target ('unknown' without a value); null for a
   * team where the target is for all teams together.
   */
  rating: Rating | null;
}

export interface TeamBreakdownRow {
  /** Group ref, e.g. `group:default/checkout`. */
  teamRef: string;
  /** This week's value. */
  value: number | null;
  /** Null where the target is for all teams together (deploys/day, alerts/week). */
  rating: Rating | null;
  /** The same 12 weeks as the indicator's history, oldest first. */
  history: WeekPoint[];
}

/** A service that moved the indicator this week, with the change in the indicator's unit. */
export interface ChangeRow {
  entityRef: string;
  /** This week minus last week, in the indicator's unit; null when not comparable. */
  delta: number | null;
  /** What changed in words; empty when `values` says it (written with the page's formatters). */
  description: string;
  /** The service's figure this week and last, in the indicator's unit. */
  values?: { thisWeek: number; lastWeek: number };
}

export interface IndicatorReport {
  id: IndicatorId;
  title: string;
  unit: string;
  direction: IndicatorDirection;
  target: number;
  value: number | null;
  rating: Rating;
  /** Why the value is unknown (source not installed, no data), null when known. */
  unavailableReason: string | null;
  /** The plugin the figure comes from, as users know it. */
  source: string;
  demo: boolean;
  /** The source answered but its own latest refresh failed; its stored values are used. */
  lastError: string | null;
  /** The last 12 weeks, oldest first, ending with this week, each rated on its own. */
  history: WeekPoint[];
  /** Why weeks without a value have none, when it is one reason for all (e.g. "before the SLO plugin recorded freezes"). */
  noDataReason: string | null;
  teams: TeamBreakdownRow[];
  /** At most five, the largest moves first. */
  changes: ChangeRow[];
}

/** `GET /api/platform-review/weeks/:isoWeek` */
export interface WeeklyReview {
  isoWeek: IsoWeek;
  timeZone: string;
  /** Week bounds as instants (ISO 8601, UTC). */
  start: string;
  end: string;
  /** The week is still running: its figures are so far. */
  partial: boolean;
  /** Any source serves demo fixtures. */
  demo: boolean;
  generatedAt: string;
  /** The rule's parameters the page states: services count as frozen after this long in a row. */
  freezeMinimumMinutes: number;
  indicators: IndicatorReport[];
}

/** Weeks kept in the history of every indicator, this week included. */
export const REVIEW_HISTORY_WEEKS = 12;
