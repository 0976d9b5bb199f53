import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startService, type RunningService } from './server.ts';

describe('service', () => {
  let service: RunningService;
  let app: string;
  let metricsUrl: string;

  before(async () => {
    service = await startService({
      serviceName: 'test-service',
      httpPort: 0,
      metricsPort: 0,
      host: '127.0.0.1',
    });
    app = `http://127.0.0.1:${service.httpPort}`;
    metricsUrl = `http://127.0.0.1:${service.metricsPort}/metrics`;
  });

  after(() => service.stop());

  it('answers the liveness probe', async () => {
    const response = await fetch(`${app}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('reports readiness from the ready flag', async () => {
    assert.equal((await fetch(`${app}/readyz`)).status, 200);
    service.setReady(false);
    try {
      assert.equal((await fetch(`${app}/readyz`)).status, 503);
    } finally {
      service.setReady(true);
    }
  });

  it('greets by name', async () => {
    const response = await fetch(`${app}/api/hello?name=Ada`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { message: 'Hello, Ada!' });
  });

  it('counts requests by status code, method and route', async () => {
    const before = await scrape(metricsUrl);
    await fetch(`${app}/api/hello`);
    await fetch(`${app}/api/hello`);
    await fetch(`${app}/api/hello`, { method: 'DELETE' });
    await fetch(`${app}/no/such/path`);
    await fetch(`${app}/healthz`);
    const after = await scrape(metricsUrl);

    const increase = (name: string, labels: Record<string, string>) =>
      sampleValue(after, name, labels) - sampleValue(before, name, labels);
    const hello = { service: 'test-service', code: '200', method: 'GET', route: '/api/hello' };
    const unmatched = { service: 'test-service', route: 'unmatched' };

    assert.equal(increase('http_requests_total', hello), 2);
    assert.equal(increase('http_request_duration_seconds_count', hello), 2);
    assert.equal(
      increase('http_requests_total', { ...unmatched, code: '405', method: 'DELETE' }),
      1,
    );
    assert.equal(increase('http_requests_total', { ...unmatched, code: '404', method: 'GET' }), 1);
    assert.doesNotMatch(after, /route="\/healthz"/);
  });
});

async function scrape(url: string): Promise<string> {
  const response = await fetch(url);
  assert.equal(response.status, 200);
  return response.text();
}

/** The value of the sample with exactly these labels in a Prometheus text exposition, or 0. */
function sampleValue(exposition: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).sort().join();
  for (const line of exposition.split('\n')) {
    const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) {
      continue;
    }
    const found = [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)]
      .map(([, key, value]) => [key, value])
      .sort()
      .join();
    if (found === wanted) {
      return Number(match[3]);
    }
  }
  return 0;
}
