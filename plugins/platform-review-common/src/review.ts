import { Rating } from './colour';
import { IndicatorDirection, IndicatorId } from './indicators';
import { IsoWeek } from './weeks';

/** One week's value of an indicator (null: no data that week). */
export interface WeekPoint {
  isoWeek: IsoWeek;
  value: number | null;
}

export interface TeamBreakdownRow {
  /** Group ref, e.g. `group:default/checkout`. */
  teamRef: string;
  value: number | null;
  /** Null where the target is for all teams together (deploys/day, alerts/week). */
  rating: Rating | null;
}

/** A service that moved the indicator this week, with the change in the indicator's unit. */
export interface ChangeRow {
  entityRef: string;
  /** This week minus last week, in the indicator's unit; null when not comparable. */
  delta: number | null;
  description: string;
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
  /** The last 12 weeks, oldest first, ending with this week. */
  history: WeekPoint[];
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
  indicators: IndicatorReport[];
}

/** Weeks kept in the history of every indicator, this week included. */
export const REVIEW_HISTORY_WEEKS = 12;
