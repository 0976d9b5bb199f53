import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Cost per team and service. Each source is optional; with none, the plugin serves no figures. */
  cost?: {
    /**
     * Generated figures for the catalog's own teams and components (the embedded default).
     * Every response then says `demo: true`. Off in production.
     */
    demo?: { enabled?: boolean };
    /** Kubecost or OpenCost Allocation API. */
    kubecost?: {
      /** Kubecost: `http://kubecost-cost-analyzer.kubecost:9090/model`; OpenCost: `http://opencost.opencost:9003`. */
      baseUrl: string;
      /** Default `kubecost`. OpenCost only reports idle when asked (`includeIdle=true`). */
      flavour?: 'kubecost' | 'opencost';
      /** The pod label naming the owning team. Default `team`. */
      teamLabel?: string;
      /** What identifies a service: `label:<name>` or `namespace`. Default `label:app`. */
      serviceAggregate?: string;
      /** Days asked for per request while filling in history. Default 1. */
      daysPerRequest?: number;
      /** Per request. Default 60 seconds. */
      timeout?: HumanDuration;
      /** Extra request headers, e.g. Authorization in front of Kubecost. */
      headers?: {
        /**
         * Secret, so logs and `config:print` never show it (a marking on the object does
         * not reach its values).
         * @visibility secret
         */
        [name: string]: string;
      };
    };
    /** AWS Cost Explorer GetCostAndUsage (USD 0.01 per request and per page). */
    aws?: {
      /** Default `us-east-1`, where Cost Explorer lives. */
      region?: string;
      /** Only for tests and private endpoints. */
      endpoint?: string;
      /** Cost allocation tag naming the team. Default `team`. */
      teamTag?: string;
      /** Cost allocation tag naming the service; omit to group by team only. Default `service`. */
      serviceTag?: string;
      /** Default `AmortizedCost`. */
      metric?: string;
      /** SDK attempts per request before the day is left for the next run. Default 3. */
      maxAttempts?: number;
      /** Omit to use the default AWS credential chain (instance or pod role). */
      credentials?: {
        /** @visibility secret */
        accessKeyId: string;
        /** @visibility secret */
        secretAccessKey: string;
        /** @visibility secret */
        sessionToken?: string;
      };
    };
    /** Prometheus that answers the components' `devportal.io/cost-unit-query`. */
    throughput?: {
      prometheus: {
        baseUrl: string;
        /** Extra request headers, e.g. Authorization for a hosted Prometheus. */
        headers?: {
          /** @visibility secret */
          [name: string]: string;
        };
      };
    };
    /** Monthly budgets in USD by team (Group) name; win over `devportal.io/monthly-budget-usd`. */
    budgets?: { [team: string]: number };
    /**
     * Cost anomalies: a team's or service's day is flagged when it departs from the same
     * weekday over the previous weeks by a robust z-score (median and MAD) at or above
     * `threshold`, and by at least `minUsd` and `minPercent`.
     */
    anomalies?: {
      /** Same-weekday days looked back over, in weeks. Default 8. */
      weeks?: number;
      /** Same-weekday days with data needed before a day is judged. Default 4. */
      minObservations?: number;
      /** |x − median| / (1.4826 · MAD) at or above which a day is flagged. Default 3.5. */
      threshold?: number;
      /** Smaller jumps in USD are never flagged. Default 5. */
      minUsd?: number;
      /** Smaller jumps in percent of the median are never flagged. Default 10. */
      minPercent?: number;
    };
    /** Days of history kept filled in. Default 90. */
    lookbackDays?: number;
    /**
     * Default: every 6 hours (only days not yet read are asked for), 30 minute timeout,
     * first run 30 seconds after start-up so the catalog has read its locations.
     */
    schedule?: {
      frequency?: HumanDuration;
      timeout?: HumanDuration;
      initialDelay?: HumanDuration;
    };
  };
}
