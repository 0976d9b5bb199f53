/**
 * One SLO of one component, as the SLO plugin reads it from an OpenSLO document or from
 * annotations. Ratio SLIs only: `bad` (or `good`) over `total`, each a PromQL counter
 * selector such as `http_requests_total{service="checkout",code=~"5.."}`.
 */
export interface SloDefinition {
  /** The component the SLO belongs to, e.g. `component:default/checkout-service`. */
  entityRef: string;
  /** Unique within the component, e.g. `checkout-service-availability`. */
  name: string;
  displayName: string;
  /** A ratio, e.g. 0.999. */
  target: number;
  /** Rolling window, e.g. `30d`. */
  window: string;
  /** Which configured Prometheus answers for it. */
  prometheus: string;
  indicator: { bad: string; total: string } | { good: string; total: string };
}
