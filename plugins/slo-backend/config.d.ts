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
        /**
         * Extra request headers, e.g. Authorization for a hosted Prometheus.
         * @visibility secret
         */
        headers?: { [name: string]: string };
      };
    };
    /** The instance an OpenSLO document without metricSourceRef uses. Default: the first. */
    defaultPrometheus?: string;
    /** The label SLO queries are batched by. Default: service. */
    batchLabel?: string;
    /** How often every SLO is measured. Default: every 5 minutes. */
    refresh?: { frequency?: HumanDuration; timeout?: HumanDuration };
  };
}
