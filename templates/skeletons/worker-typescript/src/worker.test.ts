import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { handleJob } from './handleJob.ts';
import { createWorkerMetrics, type Outcome, type WorkerMetrics } from './metrics.ts';
import { InMemoryJobQueue } from './queue.ts';
import { consume } from './worker.ts';

describe('consume', () => {
  it('processes waiting jobs, retries failures and counts every outcome', async () => {
    const queue = new InMemoryJobQueue({ maxAttempts: 2 });
    queue.enqueue('job-1', { name: 'Ada' });
    queue.enqueue('job-2', { nickname: 'no name' });
    queue.enqueue('job-3', { name: 'Grace' });
    const metrics = createWorkerMetrics('test-worker');

    const summary = await consume({
      queue,
      handleJob,
      metrics,
      serviceName: 'test-worker',
      signal: new AbortController().signal,
      stopWhenIdle: true,
      pollWaitMs: 10,
    });

    assert.deepEqual(summary, { succeeded: 2, failed: 2 });
    assert.deepEqual(
      queue.deadLetters.map((job) => [job.id, job.attempt]),
      [['job-2', 2]],
    );
    assert.equal(queue.size, 0);
    assert.equal(await processed(metrics, 'success'), 2);
    assert.equal(await processed(metrics, 'failure'), 2);
  });

  it('stops waiting for jobs when aborted', async () => {
    const stopping = new AbortController();
    const consuming = consume({
      queue: new InMemoryJobQueue(),
      handleJob,
      metrics: createWorkerMetrics('test-worker'),
      serviceName: 'test-worker',
      signal: stopping.signal,
      stopWhenIdle: false,
      pollWaitMs: 60_000,
    });
    setTimeout(() => stopping.abort(), 20);

    assert.deepEqual(await consuming, { succeeded: 0, failed: 0 });
  });

  it('takes a job enqueued while it waits', async () => {
    const queue = new InMemoryJobQueue();
    const stopping = new AbortController();
    const consuming = consume({
      queue,
      handleJob: () => stopping.abort(),
      metrics: createWorkerMetrics('test-worker'),
      serviceName: 'test-worker',
      signal: stopping.signal,
      stopWhenIdle: false,
      pollWaitMs: 60_000,
    });
    setTimeout(() => queue.enqueue('late', { name: 'Edsger' }), 20);

    assert.deepEqual(await consuming, { succeeded: 1, failed: 0 });
  });
});

async function processed(metrics: WorkerMetrics, outcome: Outcome): Promise<number> {
  const { values } = await metrics.jobsProcessedTotal.get();
  const sample = values.find(
    ({ labels }) => labels.service === 'test-worker' && labels.outcome === outcome,
  );
  return sample?.value ?? 0;
}
