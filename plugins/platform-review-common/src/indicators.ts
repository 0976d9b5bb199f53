/** The indicators the platform team reviews every week, in the order the page shows them. */
export const INDICATOR_IDS = [
  'deploysPerDay',
  'leadTimeMedianMinutes',
  'leadTimeP90Minutes',
  'servicesFrozen',
  'costPerThousandUnits',
  'falcoCriticalPerWeek',
  'scorecardSilverShare',
] as const;

export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** Whether a bigger value is better (deploys) or worse (lead time, alerts). */
export type IndicatorDirection = 'higherIsBetter' | 'lowerIsBetter';

/** Targets as configured under `platformReview.targets` (see the backend's config.d.ts). */
export interface PlatformTargets {
  deploysPerDay: number;
  leadTimeMedianMinutes: number;
  leadTimeP90Minutes: number;
  /** The error-budget burn rate at which a service freezes; the indicator counts frozen services (target 0). */
  freezeBurnRate: number;
  costPerThousandUnitsUsd: number;
  /**
   * What all spend is divided by, e.g. `orders`: the cost plugin sums the daily counts of the
   * components declaring `devportal.io/cost-unit: <costUnit>`, each counted by its own
   * `devportal.io/cost-unit-query` (PromQL, e.g. `sum(increase(orders_total[1d]))`).
   */
  costUnit: string;
  falcoCriticalPerWeek: number;
  /** Share (0..1) of services at `scorecardLevel` or above on `scorecardId`. */
  scorecardSilverShare: number;
  scorecardLevel: string;
  /** The scorecard whose levels count; null: the first one defined. */
  scorecardId: string | null;
}

export const DEFAULT_PLATFORM_TARGETS: PlatformTargets = {
  deploysPerDay: 20,
  leadTimeMedianMinutes: 10,
  leadTimeP90Minutes: 60,
  freezeBurnRate: 6,
  costPerThousandUnitsUsd: 0.4,
  costUnit: 'orders',
  falcoCriticalPerWeek: 5,
  scorecardSilverShare: 0.8,
  scorecardLevel: 'silver',
  scorecardId: null,
};

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

export interface IndicatorDefinition {
  id: IndicatorId;
  title: string;
  /** How a value reads, e.g. `deploys/day`, `min`, `%`. */
  unit: string;
  direction: IndicatorDirection;
  target: number;
}

/** Titles, units and targets of every indicator, from the configured targets. */
export function indicatorDefinitions(targets: PlatformTargets): IndicatorDefinition[] {
  return [
    { id: 'deploysPerDay', title: 'Deploys per day (all teams)', unit: 'deploys/day', direction: 'higherIsBetter', target: targets.deploysPerDay },
    { id: 'leadTimeMedianMinutes', title: 'Change lead time, median', unit: 'min', direction: 'lowerIsBetter', target: targets.leadTimeMedianMinutes },
    { id: 'leadTimeP90Minutes', title: 'Change lead time, p90', unit: 'min', direction: 'lowerIsBetter', target: targets.leadTimeP90Minutes },
    {
      id: 'servicesFrozen',
      title: `Services frozen by error budget (burn ≥ ${targets.freezeBurnRate}×)`,
      unit: 'services',
      direction: 'lowerIsBetter',
      target: 0,
    },
    {
      id: 'costPerThousandUnits',
      title: `Cost per 1,000 ${targets.costUnit}`,
      unit: 'USD',
      direction: 'lowerIsBetter',
      target: targets.costPerThousandUnitsUsd,
    },
    { id: 'falcoCriticalPerWeek', title: 'Falco Critical/Emergency alerts', unit: 'alerts/week', direction: 'lowerIsBetter', target: targets.falcoCriticalPerWeek },
    {
      id: 'scorecardSilverShare',
      title: `Services at scorecard level ${targets.scorecardLevel} or above`,
      unit: '%',
      direction: 'higherIsBetter',
      target: targets.scorecardSilverShare,
    },
  ];
}
