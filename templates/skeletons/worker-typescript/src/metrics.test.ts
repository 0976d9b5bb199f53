import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createWorkerMetrics, pushMetrics, recordSuccessfulRun } from './metrics.ts';

describe('pushing a run to the Pushgateway', () => {
  const received: Array<{ method: string; url: string; body: string }> = [];
  const gateway = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', body });
      response.writeHead(200).end();
    });
  });
  let gatewayUrl: string;

  before(async () => {
    gateway.listen(0, '127.0.0.1');
    await once(gateway, 'listening');
    gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  });

  after(() => gateway.close());

  it('adds the counts of a failed run without a success time', async () => {
    const metrics = createWorkerMetrics('test-worker');
    metrics.jobsProcessedTotal.inc({ service: 'test-worker', outcome: 'failure' });

    await pushMetrics(metrics.registry, gatewayUrl, 'test-worker');

    const push = received.at(-1)!;
    assert.equal(push.method, 'POST');
    assert.equal(push.url, '/metrics/job/test-worker');
    assert.match(push.body, /jobs_processed_total\{service="test-worker",outcome="failure"\} 1/);
    assert.doesNotMatch(push.body, /job_last_success_timestamp_seconds/);
  });

  it('adds the time a successful run succeeded', async () => {
    const metrics = createWorkerMetrics('test-worker');
    recordSuccessfulRun(metrics, 'test-worker', new Date('2026-01-02T03:04:05Z'));

    await pushMetrics(metrics.registry, gatewayUrl, 'test-worker');

    assert.match(
      received.at(-1)!.body,
      /job_last_success_timestamp_seconds\{service="test-worker"\} 1767323045\n/,
    );
  });
});
