import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

type HttpLabel = 'service' | 'code' | 'method' | 'route';

export interface HttpMetrics {
  registry: Registry;
  requestsTotal: Counter<HttpLabel>;
  requestDurationSeconds: Histogram<HttpLabel>;
}

// Names and labels are a contract: the chart's SLO recording rules and the developer portal
// query http_requests_total{service, code, method, route}.
export function createHttpMetrics(): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const labelNames: HttpLabel[] = ['service', 'code', 'method', 'route'];
  const requestsTotal = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by status code, method and route.',
    labelNames,
    registers: [registry],
  });
  const requestDurationSeconds = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to finishing its response.',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  return { registry, requestsTotal, requestDurationSeconds };
}
