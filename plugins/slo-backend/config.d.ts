import { HumanDuration } from '@backstage/types';

export interface Config {
  slo?: {
    /**
     * Measure every SLO from generated traffic instead of Prometheus, labelled as demo data
     * in the UI. For the embedded default; leave off in production.
     */
    demo?: { enabled?: boolean };
    /** The Prometheus instances SLOs can be measured on, by name. Required unless demo. */
    prometheus?: {
      [name: string]: {
        /** e.g. http://prometheus.monitoring:9090 */
        baseUrl: string;
        /** Per query; also sent to Prometheus as `timeout`. Default 30 seconds. */
        timeout?: HumanDuration;
        /** Extra request headers, e.g. Authorization for a hosted Prometheus. */
        headers?: {
          /**
           * Secret, so logs and `config:print` never show it (a marking on the object does
           * not reach its values).
           * @visibility secret
           */
          [name: string]: string;
        };
      };
    };
    /** The instance an OpenSLO document without metricSourceRef uses. Default: the first. */
    defaultPrometheus?: string;
    /** The label SLO queries are batched by. Default: service. */
    batchLabel?: string;
    /** How often every SLO is measured. Default: every 5 minutes. */
    refresh?: { frequency?: HumanDuration; timeout?: HumanDuration };
    /**
     * The error-budget policy: a service's production deploys freeze while one of its SLOs
     * burns at least `threshold` times too fast over both `longWindow` and `shortWindow`, or
     * has spent its budget; the freeze ends when both burn below threshold × hysteresis.
     */
    freezePolicy?: {
      /** Burn rate that starts a freeze. Default 6. */
      threshold?: number;
      /** One of 5m, 30m, 1h, 2h, 6h, 1d, 3d. Default 6h. */
      longWindow?: string;
      /** Shorter than longWindow. Default 30m. */
      shortWindow?: string;
      /** In (0, 1]; a freeze ends below threshold × hysteresis. Default 0.8. */
      hysteresis?: number;
      /**
       * The deploy gate answers "unknown" instead of "allowed" when the last measurement is
       * older than this. Default: three refresh intervals.
       */
      maxMeasurementAge?: HumanDuration;
    };
  };
}
