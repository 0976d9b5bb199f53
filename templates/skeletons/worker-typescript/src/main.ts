import { loadConfig } from './config.ts';
import { handleJob } from './handleJob.ts';
import { log } from './log.ts';
{%- if values.schedule %}
import { createWorkerMetrics, pushMetrics, recordSuccessfulRun } from './metrics.ts';
{%- else %}
import { createWorkerMetrics } from './metrics.ts';
{%- endif %}
import { InMemoryJobQueue, type JobQueue } from './queue.ts';
import { startHealthServer } from './server.ts';
import { consume } from './worker.ts';

const config = loadConfig();
const metrics = createWorkerMetrics(config.serviceName);
// The in-memory queue stands in for the real one: any JobQueue implementation plugs in here.
const queue: JobQueue = new InMemoryJobQueue();

const stopping = new AbortController();
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    log.info('stopping after the current job', { signal });
    stopping.abort();
  });
}

const health = await startHealthServer({ port: config.metricsPort, registry: metrics.registry });
health.setReady(true);
log.info('started', { service: config.serviceName, metricsPort: health.port });
{% if values.schedule %}
// One run of the CronJob: work through the jobs waiting now, then
// exit so that the Job completes.
const summary = await consume({
  queue,
  handleJob,
  metrics,
  serviceName: config.serviceName,
  signal: stopping.signal,
  stopWhenIdle: true,
  pollWaitMs: config.pollWaitMs,
});
log.info('run finished', { ...summary });

if (config.pushgatewayUrl) {
  if (summary.failed === 0) {
    recordSuccessfulRun(metrics, config.serviceName);
  }
  try {
    await pushMetrics(metrics.registry, config.pushgatewayUrl, config.serviceName);
  } catch (error) {
    log.error('pushing metrics failed', { error });
  }
}
// Kubernetes then records the Job as failed, and retries it up to the chart's backoffLimit.
process.exitCode = summary.failed > 0 ? 1 : 0;
{%- else %}
const summary = await consume({
  queue,
  handleJob,
  metrics,
  serviceName: config.serviceName,
  signal: stopping.signal,
  stopWhenIdle: false,
  pollWaitMs: config.pollWaitMs,
});
log.info('stopped', { ...summary });
{%- endif %}

health.setReady(false);
await health.stop();
