import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type Outcome = 'success' | 'failure';

export interface WorkerMetrics {
  registry: Registry;
  jobsProcessedTotal: Counter<'service' | 'outcome'>;
  jobDurationSeconds: Histogram<'service' | 'outcome'>;
}

// Names and labels are a contract: the chart's SLO recording rules and the developer portal
// query jobs_processed_total{service, outcome}.
export function createWorkerMetrics(serviceName: string): WorkerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const jobsProcessedTotal = new Counter({
    name: 'jobs_processed_total',
    help: 'Jobs processed, by outcome (success or failure).',
    labelNames: ['service', 'outcome'],
    registers: [registry],
  });
  const jobDurationSeconds = new Histogram({
    name: 'job_duration_seconds',
    help: 'Time spent processing one job.',
    labelNames: ['service', 'outcome'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
    registers: [registry],
  });

  // Start both series at zero: rate() only sees an increase once a series exists, so the
  // first failure would otherwise go unnoticed by the SLO alerts.
  for (const outcome of ['success', 'failure'] satisfies Outcome[]) {
    jobsProcessedTotal.inc({ service: serviceName, outcome }, 0);
  }

  return { registry, jobsProcessedTotal, jobDurationSeconds };
}

/**
 * Marks this run as a success: job_last_success_timestamp_seconds{service}, which the
 * chart's CronJobLastSuccessTooOld alert reads. Only a run that succeeded registers it.
 */
export function recordSuccessfulRun(
  metrics: WorkerMetrics,
  serviceName: string,
  at: Date = new Date(),
): void {
  const lastSuccess = new Gauge({
    name: 'job_last_success_timestamp_seconds',
    help: 'When a run of the job last succeeded, in seconds since 1970.',
    labelNames: ['service'],
    registers: [metrics.registry],
  });
  lastSuccess.set({ service: serviceName }, at.getTime() / 1000);
}

/**
 * Sends this run's metrics to a Prometheus Pushgateway: scheduled runs end before
 * Prometheus would scrape them. POST replaces only the metrics this push carries, so a
 * failed run, which carries no success time, leaves the last one in place.
 */
export async function pushMetrics(
  registry: Registry,
  gatewayUrl: string,
  job: string,
): Promise<void> {
  const base = gatewayUrl.endsWith('/') ? gatewayUrl : `${gatewayUrl}/`;
  const response = await fetch(new URL(`metrics/job/${encodeURIComponent(job)}`, base), {
    method: 'POST',
    headers: { 'Content-Type': registry.contentType },
    body: await registry.metrics(),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) {
    throw new Error(`Pushgateway answered ${response.status}: ${await response.text()}`);
  }
}
