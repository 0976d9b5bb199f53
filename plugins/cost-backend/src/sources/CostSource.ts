import {
  CostBreakdown,
  CostLineKind,
  CostSourceName,
} from '@internal/plugin-cost-common';

/** One line of one day's cost as a source reports it, before it is matched to the catalog. */
export interface CostLine {
  kind: CostLineKind;
  /** The team label or tag value; null for idle and unallocated lines. */
  teamKey: string | null;
  /** The service label, namespace or tag value; null when the source has none for it. */
  serviceKey: string | null;
  costs: CostBreakdown;
  cpuEfficiency: number | null;
  ramEfficiency: number | null;
}

export interface DayOfCost {
  day: string;
  lines: CostLine[];
  /**
   * The source may still change this day (AWS marks recent days `Estimated`): it is stored
   * but read again on the next run.
   */
  provisional: boolean;
}

/** An outside system that reports cost per day; ingestion asks each for the days it lacks. */
export interface CostSource {
  readonly name: CostSourceName;
  /** Longer stretches of pending days are asked for in pieces of this many days. Default: all at once. */
  readonly maxDaysPerRequest?: number;
  /**
   * Reads every day from `first` to `last` (UTC, both included) in as few requests as it
   * can. A day left out of the answer is one the source has no cost for; the ingester
   * remembers that and asks again at most daily. Errors name the source and say what it
   * answered ("Kubecost answered HTTP 400: ..."): the pages show the message as it is.
   */
  readDays(first: string, last: string): Promise<DayOfCost[]>;
}
