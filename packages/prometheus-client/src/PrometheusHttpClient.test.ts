import {
  expectedIncrease,
  generateRequestCounters,
  GeneratedSeries,
  RunningPrometheus,
  startPrometheusWith,
} from '@internal/prometheus-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  PrometheusQueryError,
  PrometheusUnavailableError,
} from './PrometheusClient';
import { PrometheusHttpClient } from './PrometheusHttpClient';

jest.setTimeout(60_000);

const step = 60;
const end = 1_764_000_000; // a minute boundary; every window edge falls on a sample
const start = end - 2 * 86_400;

/**
 * Known-answer data: error ratios that follow from how the series were generated.
 * One batched query, aggregated by the service label, answers for every service.
 */
describe('PrometheusHttpClient against a real Prometheus', () => {
  const series = generateRequestCounters(
    [
      { service: 'healthy', requests: () => ({ total: 200, failed: 0.1 }) },
      {
        service: 'fast-burn',
        requests: t => ({ total: 100, failed: t > end - 1800 ? 5 : 0.05 }),
      },
      {
        service: 'restarting',
        requests: t => ({ total: 50, failed: t > end - 7200 ? 1 : 0.02 }),
        resetAt: [end - 3 * 3600, end - 40 * 60],
      },
      { service: 'idle', requests: () => ({ total: 0, failed: 0 }) },
    ],
    { start, end, step },
  );
  let prometheus: RunningPrometheus;
  let client: PrometheusHttpClient;

  beforeAll(async () => {
    prometheus = await startPrometheusWith(series);
    client = new PrometheusHttpClient({
      baseUrl: prometheus.url,
      timeoutMs: 10_000,
    });
  });
  afterAll(() => prometheus?.stop());

  const seriesOf = (service: string, code: string) =>
    series.find(
      s => s.labels.service === service && s.labels.code === code,
    ) as GeneratedSeries;

  const expectedRatio = (service: string, windowSeconds: number) => {
    const bad = expectedIncrease(seriesOf(service, '500'), end, windowSeconds);
    const good = expectedIncrease(seriesOf(service, '200'), end, windowSeconds);
    return bad / (bad + good);
  };

  it.each([
    ['5m', 300],
    ['30m', 1800],
    ['1h', 3600],
    ['6h', 21_600],
    ['1d', 86_400],
  ])(
    'gives every service its error ratio over %s in one query',
    async (window, seconds) => {
      const result = await client.instantQuery(
        `sum by (service) (increase(http_requests_total{code=~"5.."}[${window}])) / sum by (service) (increase(http_requests_total[${window}]))`,
        new Date(end * 1000),
      );
      const byService = Object.fromEntries(
        result.map(s => [s.labels.service, s.value]),
      );
      for (const service of ['healthy', 'fast-burn', 'restarting']) {
        const expected = expectedRatio(service, seconds);
        expect(Math.abs(byService[service] - expected) / expected).toBeLessThan(
          0.001,
        );
      }
      // No traffic: 0/0, which must reach the plugin as NaN (no data), never as 0 or 100%.
      expect(byService.idle).toBeNaN();
    },
  );

  it('has the known answers it should: the fast burner at 5% over 30m, healthy at 0.05%', () => {
    expect(expectedRatio('fast-burn', 1800)).toBeCloseTo(0.05, 12);
    expect(expectedRatio('healthy', 86_400)).toBeCloseTo(0.0005, 12);
  });

  it('gives a scalar result as one sample without labels, NaN when nothing matched', async () => {
    const healthyFailures = await client.instantQuery(
      'scalar(sum(increase(http_requests_total{service="healthy",code="500"}[1h])))',
      new Date(end * 1000),
    );
    // 0.1 failed requests a minute for the hour.
    expect(healthyFailures).toHaveLength(1);
    expect(healthyFailures[0].labels).toEqual({});
    expect(healthyFailures[0].value).toBeCloseTo(6, 9);

    const nothing = await client.instantQuery(
      'scalar(sum(no_such_metric_total))',
      new Date(end * 1000),
    );
    expect(nothing).toHaveLength(1);
    expect(nothing[0].value).toBeNaN();
  });

  it('reports a query Prometheus refuses with its error type, naming the Prometheus', async () => {
    await expect(
      client.instantQuery(
        'sum(rate(http_requests_total[5m]',
        new Date(end * 1000),
      ),
    ).rejects.toMatchObject({
      name: 'PrometheusQueryError',
      errorType: 'bad_data',
      status: 400,
      message: expect.stringMatching(
        new RegExp(
          `^Prometheus at ${prometheus.url} refused the query \\(bad_data\\): .*parse error`,
        ),
      ),
    });
    await expect(
      client.instantQuery('sum(', new Date(end * 1000)),
    ).rejects.toBeInstanceOf(PrometheusQueryError);
  });

  it('reports an unreachable Prometheus as unavailable, promptly', async () => {
    const unreachable = new PrometheusHttpClient({
      baseUrl: 'http://127.0.0.1:9',
      timeoutMs: 2000,
    });
    const started = Date.now();
    const failure = unreachable.instantQuery('up', new Date());
    await expect(failure).rejects.toBeInstanceOf(PrometheusUnavailableError);
    await expect(failure).rejects.toThrow(
      'Prometheus at http://127.0.0.1:9 did not answer',
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

interface ReceivedQuery {
  path: string;
  contentType?: string;
  authorization?: string;
  form: URLSearchParams;
}

/** Stands where Prometheus should be and answers every query with `status`, `contentType` and `body`. */
async function startStandIn(answer: {
  status: number;
  contentType: string;
  body: string;
  delayMs?: number;
}) {
  const received: ReceivedQuery[] = [];
  const pendingAnswers = new Set<NodeJS.Timeout>();
  const server = http.createServer(async (req, res) => {
    let form = '';
    for await (const chunk of req) form += chunk;
    received.push({
      path: req.url ?? '',
      contentType: req.headers['content-type'],
      authorization: req.headers.authorization,
      form: new URLSearchParams(form),
    });
    const pending = setTimeout(() => {
      pendingAnswers.delete(pending);
      res
        .writeHead(answer.status, { 'content-type': answer.contentType })
        .end(answer.body);
    }, answer.delayMs ?? 0);
    pendingAnswers.add(pending);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    stop: () => {
      pendingAnswers.forEach(clearTimeout);
      server.closeAllConnections();
      server.close();
    },
  };
}

describe('PrometheusHttpClient against a stand-in for Prometheus', () => {
  const running: Array<{ stop(): void }> = [];
  const answerWith = async (answer: Parameters<typeof startStandIn>[0]) => {
    const started = await startStandIn(answer);
    running.push(started);
    return started;
  };
  afterEach(() => running.splice(0).forEach(started => started.stop()));

  const emptyVector = JSON.stringify({
    status: 'success',
    data: { resultType: 'vector', result: [] },
  });

  it('posts the query as a form with its time, timeout and the configured headers', async () => {
    const standIn = await answerWith({
      status: 200,
      contentType: 'application/json',
      body: emptyVector,
    });
    const client = new PrometheusHttpClient({
      baseUrl: `${standIn.url}/`,
      timeoutMs: 2500,
      headers: { Authorization: 'Bearer metrics-reader' },
    });
    expect(
      await client.instantQuery('up', new Date('2026-11-17T00:00:00Z')),
    ).toEqual([]);
    expect(standIn.received).toEqual([
      {
        path: '/api/v1/query',
        contentType: 'application/x-www-form-urlencoded',
        authorization: 'Bearer metrics-reader',
        form: new URLSearchParams({
          query: 'up',
          time: '1794873600',
          timeout: '3s',
        }),
      },
    ]);
  });

  it("reports a proxy's HTML error page as Prometheus unavailable, with the status", async () => {
    const proxy = await answerWith({
      status: 502,
      contentType: 'text/html',
      body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    });
    const failure = new PrometheusHttpClient({
      baseUrl: proxy.url,
    }).instantQuery('up', new Date());
    await expect(failure).rejects.toBeInstanceOf(PrometheusUnavailableError);
    await expect(failure).rejects.toThrow(
      `Prometheus at ${proxy.url} answered HTTP 502 (text/html) without its JSON envelope`,
    );
  });

  it('keeps the credentials it sent out of an error that quotes them back', async () => {
    const gateway = await answerWith({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        status: 'error',
        errorType: 'bad_data',
        error: 'denied: authorization "Bearer s3cr3t-reader-token" (token s3cr3t-reader-token), tenant a1',
      }),
    });
    const failure = new PrometheusHttpClient({
      baseUrl: gateway.url,
      headers: { Authorization: 'Bearer s3cr3t-reader-token', 'X-Scope-OrgID': 'a1' },
    }).instantQuery('up', new Date());
    await expect(failure).rejects.toThrow(
      `Prometheus at ${gateway.url} refused the query (bad_data): denied: authorization "<redacted>" (token <redacted>), tenant a1`,
    );
  });

  it('gives up after the timeout, saying so', async () => {
    const slow = await answerWith({
      status: 200,
      contentType: 'application/json',
      body: emptyVector,
      delayMs: 3000,
    });
    const started = Date.now();
    const failure = new PrometheusHttpClient({
      baseUrl: slow.url,
      timeoutMs: 300,
    }).instantQuery('up', new Date());
    await expect(failure).rejects.toBeInstanceOf(PrometheusUnavailableError);
    await expect(failure).rejects.toThrow(
      `Prometheus at ${slow.url} did not answer: no answer within 300 ms`,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a string result, naming what it expected', async () => {
    const standIn = await answerWith({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        status: 'success',
        data: { resultType: 'string', result: [1794873600, 'up'] },
      }),
    });
    await expect(
      new PrometheusHttpClient({ baseUrl: standIn.url }).instantQuery(
        '"up"',
        new Date(),
      ),
    ).rejects.toThrow(
      `Prometheus at ${standIn.url} answered with a string; expected vector or scalar`,
    );
  });
});
