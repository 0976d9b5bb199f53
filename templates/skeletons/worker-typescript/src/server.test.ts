import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createWorkerMetrics } from './metrics.ts';
import { startHealthServer, type HealthServer } from './server.ts';

describe('health server', () => {
  const metrics = createWorkerMetrics('test-worker');
  let server: HealthServer;
  let base: string;

  before(async () => {
    server = await startHealthServer({ port: 0, host: '127.0.0.1', registry: metrics.registry });
    base = `http://127.0.0.1:${server.port}`;
  });

  after(() => server.stop());

  it('answers the liveness probe', async () => {
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
  });

  it('reports readiness from the ready flag', async () => {
    assert.equal((await fetch(`${base}/readyz`)).status, 503);
    server.setReady(true);
    assert.equal((await fetch(`${base}/readyz`)).status, 200);
  });

  it('exposes the job metrics', async () => {
    metrics.jobsProcessedTotal.inc({ service: 'test-worker', outcome: 'success' });
    const response = await fetch(`${base}/metrics`);
    assert.equal(response.status, 200);
    assert.match(
      await response.text(),
      /^jobs_processed_total\{service="test-worker",outcome="success"\} 1$/m,
    );
  });
});
