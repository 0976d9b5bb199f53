export interface Config {
  /** The platform team's weekly review (plugins/platform-review-backend). */
  platformReview?: {
    /**
     * IANA time zone whose wall clock ISO weeks follow (Monday 00:00 to Monday 00:00).
     * @default Europe/Berlin
     */
    timeZone?: string;
    /** How long a computed week is reused. @default 300 (past weeks: 10 times as long) */
    cacheSeconds?: number;
    /**
     * "Services frozen" counts a service in a week when it was frozen by the error-budget
     * policy for at least this many minutes in a row; shorter freezes are flaps.
     * @default 60
     */
    freezeMinimumMinutes?: number;
    /** Each indicator's target; green meets it, amber misses by at most 20% of it, red by more. */
    targets?: {
      /** Successful production deploys per day across all teams, at least. @default 20 */
      deploysPerDay?: number;
      /** Median change lead time in minutes, at most. @default 10 */
      leadTimeMedianMinutes?: number;
      /** p90 change lead time in minutes, at most. @default 60 */
      leadTimeP90Minutes?: number;
      /** Error-budget burn rate that freezes a service; the indicator counts frozen services, target 0. @default 6 */
      freezeBurnRate?: number;
      /** Cost per 1,000 units of work in USD, at most. @default 0.4 */
      costPerThousandUnitsUsd?: number;
      /**
       * The unit of work all spend is divided by, e.g. orders. The cost plugin counts it:
       * the components annotated `devportal.io/cost-unit: <costUnit>` each give their daily
       * count with `devportal.io/cost-unit-query`, a PromQL expression such as
       * `sum(increase(orders_total[1d]))` against `cost.throughput.prometheus`.
       * @default orders
       */
      costUnit?: string;
      /** Falco Critical and Emergency alerts per week, at most. @default 5 */
      falcoCriticalPerWeek?: number;
      /** Share (0..1) of services at scorecardLevel or above, at least. @default 0.8 */
      scorecardSilverShare?: number;
      /** @default silver */
      scorecardLevel?: string;
      /** The scorecard whose levels count; default: the first one defined. */
      scorecardId?: string;
    };
  };
}
