import { CostBreakdown, PlatformSplit } from './categories';
import { AnomalyMethod, CostAnomaly } from './anomalies';
import { BudgetStatus, Efficiency } from './maths';
import { CostWindowId } from './windows';

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
  /**
   * What the source answered on the latest ingestion when it failed, naming the source
   * ("Kubecost answered HTTP 400: invalid window"); null once one succeeds.
   */
  lastError: string | null;
  /** Days in the look-back window still to be read (failed or not yet reached). */
  pendingDays: number;
}

/** How much of a window the sources have answered for. */
export interface CostWindowCoverage {
  id: CostWindowId;
  /** "Last 30 days", "November to date". */
  label: string;
  first: string;
  last: string;
  days: number;
  /**
   * Days every source has answered for (with cost, or saying it had none). The figures of
   * the window are sums over the days read; the others are not zero, they are not known yet.
   */
  daysRead: number;
  sources: Array<{
    source: CostSourceName;
    /** Days this source delivered cost for. */
    daysWithCost: number;
    /** Days it answered with no cost at all; asked again at most daily. */
    daysEmpty: number;
  }>;
}

/** Fields every read response carries, so each card can label demo data and stale data. */
export interface CostResponseMeta {
  demo: boolean;
  /** The latest day with stored cost. */
  asOf: string | null;
  /** The last day the windows cover: yesterday (UTC), since today is still being spent. */
  through: string;
  windows: Record<CostWindowId, CostWindowCoverage>;
  sources: CostSourceStatus[];
}

/** USD over each window (see CostWindowId). */
export interface WindowedUsd {
  last7DaysUsd: number;
  last30DaysUsd: number;
  monthToDateUsd: number;
}

export interface DailyCost {
  day: string;
  /** False when no source has answered for the day: its figures are unknown, not zero. */
  read: boolean;
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

export interface TeamCostSummary extends WindowedUsd {
  entityRef: string;
  title: string;
  /** Month to date plus the trailing 7-day run rate for the days left in the month. */
  forecastMonthUsd: number;
  monthlyBudgetUsd: number | null;
  budgetStatus: BudgetStatus;
  byCategoryMonthToDate: CostBreakdown;
  /** The last 30 days, split into the cluster's own cost and AWS spend. */
  last30DaysSplit: PlatformSplit;
  /** Highest month-to-date spend first, at most five. */
  topServices: ServiceCostSummary[];
}

/** One kind of spend charged to no team, over each window. */
export type CostLineSummary = WindowedUsd;

/** All spend per 1,000 units over each window (see UnitCostResponse for the rule). */
export interface WindowedUnitCost {
  unit: string;
  per: number;
  byWindow: Record<
    CostWindowId,
    {
      costPerThousandUsd: number | null;
      /** Days with every source's cost and every counting service's units. */
      countedDays: number;
      days: number;
    }
  >;
}

/** `GET /api/cost/overview` */
export interface CostOverviewResponse extends CostResponseMeta {
  teams: TeamCostSummary[];
  /** Capacity no workload used (Kubecost `__idle__`). */
  idle: CostLineSummary;
  /** Persistent volumes no pod mounts (Kubecost `__unmounted__`). */
  unmounted: CostLineSummary;
  unallocated: {
    /** Kubernetes cost of workloads without the team label. */
    kubernetes: CostLineSummary;
    /** AWS spend without the team tag. */
    aws: CostLineSummary;
  };
  totals: {
    /** Every team's lines, nothing else. */
    teams: CostLineSummary;
    /**
     * The cluster's own cost, AWS spend left out: the teams' Kubernetes cost, idle,
     * unmounted volumes and workloads without a team label.
     */
    kubernetesCluster: CostLineSummary;
    /** Every AWS dollar, a team's or not. */
    aws: CostLineSummary;
    /** Teams + idle + unmounted + unallocated (Kubernetes and AWS). */
    all: CostLineSummary;
  };
  /** Cost per 1,000 units for every unit a component counts. */
  unitCosts: WindowedUnitCost[];
  /**
   * Last 90 days: spend per team ref and per uncharged line. `read` is false on a day no
   * source has answered for; its figures are unknown, not zero.
   */
  trend: Array<{
    day: string;
    read: boolean;
    teams: Record<string, number>;
    idle: number;
    unmounted: number;
    unallocatedKubernetes: number;
    unallocatedAws: number;
  }>;
}

/** `GET /api/cost/teams/:namespace/:name` */
export interface TeamCostResponse extends CostResponseMeta {
  team: TeamCostSummary;
  services: ServiceCostSummary[];
  /** Last 90 days by category; `read` as in the overview's trend. */
  trend: DailyCost[];
}

/** The service's own spend per `per` units it counted, over the last 30 days. */
export interface UnitCost {
  unit: string;
  per: number;
  usd: number;
  unitsLast30Days: number;
  /** Days of the 30 with every source's cost and the service's own count stored. */
  countedDays: number;
  days: number;
}

/** `GET /api/cost/services/:namespace/:name` */
export interface ServiceCostResponse extends CostResponseMeta {
  service: ServiceCostSummary;
  /** The last 30 days, one point per day; `read` false on days no source answered for. */
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
 * `GET /unit-cost?unit=orders&from=&to=`: all spend (workload, idle, unmounted and unallocated) per
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
