import {
  expectedIncrease,
  generateRequestCounters,
  GeneratedSeries,
  RunningPrometheus,
  startPrometheusWith,
} from '@internal/prometheus-test-utils';
import { PrometheusQueryError, PrometheusUnavailableError } from './PrometheusClient';
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
    client = new PrometheusHttpClient({ baseUrl: prometheus.url, timeoutMs: 10_000 });
  });
  afterAll(() => prometheus?.stop());

  const seriesOf = (service: string, code: string) =>
    series.find(s => s.labels.service === service && s.labels.code === code) as GeneratedSeries;

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
  ])('gives every service its error ratio over %s in one query', async (window, seconds) => {
    const result = await client.instantQuery(
      `sum by (service) (increase(http_requests_total{code=~"5.."}[${window}])) / sum by (service) (increase(http_requests_total[${window}]))`,
      new Date(end * 1000),
    );
    const byService = Object.fromEntries(result.map(s => [s.labels.service, s.value]));
    for (const service of ['healthy', 'fast-burn', 'restarting']) {
      const expected = expectedRatio(service, seconds);
      expect(Math.abs(byService[service] - expected) / expected).toBeLessThan(0.001);
    }
    // No traffic: 0/0, which must reach the plugin as NaN (no data), never as 0 or 100%.
    expect(byService.idle).toBeNaN();
  });

  it('has the known answers it should: the fast burner at 5% over 30m, healthy at 0.05%', () => {
    expect(expectedRatio('fast-burn', 1800)).toBeCloseTo(0.05, 12);
    expect(expectedRatio('healthy', 86_400)).toBeCloseTo(0.0005, 12);
  });

  it('reports a query Prometheus refuses with its error type', async () => {
    await expect(client.instantQuery('sum(rate(http_requests_total[5m]', new Date(end * 1000))).rejects.toMatchObject({
      name: 'PrometheusQueryError',
      errorType: 'bad_data',
      status: 400,
    });
    await expect(client.instantQuery('sum(', new Date(end * 1000))).rejects.toBeInstanceOf(PrometheusQueryError);
  });

  it('reports an unreachable Prometheus as unavailable, promptly', async () => {
    const unreachable = new PrometheusHttpClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    const started = Date.now();
    await expect(unreachable.instantQuery('up', new Date())).rejects.toBeInstanceOf(PrometheusUnavailableError);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
