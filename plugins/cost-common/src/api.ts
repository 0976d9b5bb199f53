import { CostBreakdown } from './categories';
import { AnomalyMethod, CostAnomaly } from './anomalies';
import { BudgetStatus, Efficiency } from './maths';

/** Where figures come from. `demo`: the embedded default's generated fixtures. */
export type CostSourceName = 'kubecost' | 'opencost' | 'aws' | 'demo';

export const COST_SOURCE_LABELS: Record<CostSourceName, string> = {
  kubecost: 'Kubecost',
  opencost: 'OpenCost',
  aws: 'AWS Cost Explorer',
  demo: 'demo fixtures',
};

export interface CostSourceStatus {
  source: CostSourceName;
  /** The latest day (UTC, YYYY-MM-DD) stored from this source. */
  lastIngestedDay: string | null;
  lastSuccessAt: string | null;
  /** Why the latest ingestion failed; null once one succeeds. */
  lastError: string | null;
  /** Days in the look-back window still to be read (failed or not yet reached). */
  pendingDays: number;
}

/** Fields every read response carries, so each card can label demo data and stale data. */
export interface CostResponseMeta {
  demo: boolean;
  /** The latest day with stored cost; month to date and forecasts are as of this day. */
  asOf: string | null;
  sources: CostSourceStatus[];
}

export interface DailyCost {
  day: string;
  totalUsd: number;
  byCategory: CostBreakdown;
}

export interface ServiceCostSummary {
  /** Component ref, or null when the allocation key matches no component. */
  entityRef: string | null;
  /** The label, namespace or tag value the sources report. */
  allocationKey: string;
  teamRef: string | null;
  monthToDateUsd: number;
  last30DaysUsd: number;
}

export interface TeamCostSummary {
  entityRef: string;
  title: string;
  monthToDateUsd: number;
  forecastMonthUsd: number;
  monthlyBudgetUsd: number | null;
  budgetStatus: BudgetStatus;
  last30DaysUsd: number;
  byCategoryMonthToDate: CostBreakdown;
  /** Highest month-to-date spend first, at most five. */
  topServices: ServiceCostSummary[];
}

export interface CostLineSummary {
  monthToDateUsd: number;
  last30DaysUsd: number;
}

/** `GET /api/cost/overview` */
export interface CostOverviewResponse extends CostResponseMeta {
  teams: TeamCostSummary[];
  idle: CostLineSummary;
  unallocated: CostLineSummary;
  /** Teams + idle + unallocated. */
  total: CostLineSummary;
  /** Last 90 days: spend per team ref, plus the idle and unallocated lines. */
  trend: Array<{
    day: string;
    teams: Record<string, number>;
    idle: number;
    unallocated: number;
  }>;
}

/** `GET /api/cost/teams/:namespace/:name` */
export interface TeamCostResponse extends CostResponseMeta {
  team: TeamCostSummary;
  services: ServiceCostSummary[];
  trend: DailyCost[];
}

export interface UnitCost {
  unit: string;
  per: number;
  usd: number;
  unitsLast30Days: number;
}

/** `GET /api/cost/services/:namespace/:name` */
export interface ServiceCostResponse extends CostResponseMeta {
  service: ServiceCostSummary;
  /** The last 30 days, one point per day, zero-filled. */
  trend: DailyCost[];
  byCategoryLast30Days: CostBreakdown;
  efficiency: Efficiency;
  /** Null unless the component declares a unit (see COST_UNIT_ANNOTATION). */
  unitCost: UnitCost | null;
}

/** `GET /api/cost/facts`: the scorecards contract. */
export interface CostFactsResponse {
  demo: boolean;
  asOf: string | null;
  lastError: string | null;
  items: Array<{
    entityRef: string;
    kind: 'service' | 'team';
    monthToDateUsd: number;
    forecastMonthUsd: number;
    monthlyBudgetUsd: number | null;
    overBudget: boolean | null;
  }>;
}

export interface CostAnomalyItem extends CostAnomaly {
  /** A Group ref for a team, a Component ref for a service. */
  entityRef: string;
  kind: 'team' | 'service';
  title: string;
  /** The owning team of a service; null for a team. */
  teamRef: string | null;
}

/**
 * `GET /api/cost/anomalies?from=YYYY-MM-DD&to=YYYY-MM-DD[&entityRef=...]`: days whose spend
 * departs from the same weekday over the previous weeks, per team and per service, newest
 * day first. The weekly review reads this shape; keep it stable.
 */
export interface CostAnomaliesResponse extends CostResponseMeta {
  from: string;
  to: string;
  method: AnomalyMethod;
  anomalies: CostAnomalyItem[];
  /**
   * What the anomalies could not cover, each a sentence to show: an empty catalog at the last
   * ingestion (no cost can be attributed), cost no catalog entity claims, days a source did
   * not deliver. Empty when the list is complete.
   */
  missing: string[];
}

/**
 * `GET /unit-cost?unit=orders&from=&to=`: all spend (workload, idle and unallocated) per
 * 1,000 units of work, the units being what the components declaring the unit
 * (`devportal.io/cost-unit`) counted. The weekly review reads this shape; keep it stable.
 */
export interface UnitCostResponse extends CostResponseMeta {
  unit: string;
  from: string;
  to: string;
  /** Components declaring the unit; their daily counts are summed. */
  services: string[];
  /**
   * Days with every source's cost and every declaring service's count stored. Spend and
   * units below cover these days only, so a missing day never reads as cheap or busy.
   */
  countedDays: string[];
  /** Days in the range left out for missing cost or counts. */
  missingDays: string[];
  units: number;
  costUsd: number;
  /** USD per UNIT_COST_PER units; null when no unit was counted. */
  costPerThousandUsd: number | null;
  /** Each team's workload spend over the counted days, per 1,000 of the same units. */
  teams: Array<{
    teamRef: string;
    costUsd: number;
    costPerThousandUsd: number | null;
  }>;
}
