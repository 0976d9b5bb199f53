import { computeSloStatus, SloDefinition } from '@internal/plugin-slo-common';
import {
  expectedIncrease,
  generateRequestCounters,
  GeneratedSeries,
  RunningPrometheus,
  startPrometheusWith,
} from '@internal/prometheus-test-utils';
import { PrometheusClient, PrometheusHttpClient } from '@internal/prometheus-client';
import { measureSlos } from './measureSlos';

jest.setTimeout(120_000);

const step = 300;
const end = 1_764_000_000;
const start = end - 31 * 86_400;
const day = 86_400;

const windowsInSeconds: Record<string, number> = {
  '5m': 300, '30m': 1800, '1h': 3600, '2h': 7200, '6h': 21_600, '1d': day, '3d': 3 * day, '30d': 30 * day,
};

/** 99.9% over 30 days; each service's traffic is built to land in one state. */
const shapes = [
  { service: 'healthy', requests: () => ({ total: 1000, failed: 0.2 }) },
  // 1.2× the sustainable rate for the last 4 days: a ticket, budget still left.
  { service: 'slow-burn', requests: (t: number) => ({ total: 1000, failed: t > end - 4 * day ? 1.2 : 0.2 }) },
  // 5% errors for the last 30 minutes: pages.
  { service: 'fast-burn', requests: (t: number) => ({ total: 1000, failed: t > end - 1800 ? 50 : 0.2 }) },
  // 2× all month: the budget is spent.
  { service: 'exhausted', requests: () => ({ total: 1000, failed: 2 }) },
  { service: 'restarting', requests: () => ({ total: 400, failed: 0.2 }), resetAt: [end - 3 * 3600, end - 2400] },
  { service: 'idle', requests: () => ({ total: 0, failed: 0 }) },
];

const availability = (service: string, indicator?: SloDefinition['indicator']): SloDefinition => ({
  entityRef: `component:default/${service}`,
  name: `${service}-availability`,
  displayName: `${service} availability`,
  target: 0.999,
  window: '30d',
  prometheus: 'main',
  indicator: indicator ?? {
    bad: `sum(http_requests_total{service="${service}",code=~"5.."})`,
    total: `sum(http_requests_total{service="${service}"})`,
  },
});

describe('measureSlos against a real Prometheus with known-answer series', () => {
  const series = generateRequestCounters(shapes, { start, end, step });
  let prometheus: RunningPrometheus;
  let requests: string[];
  let main: PrometheusClient;

  beforeAll(async () => {
    prometheus = await startPrometheusWith(series);
    const client = new PrometheusHttpClient({ baseUrl: prometheus.url });
    main = {
      instantQuery: (query, time) => {
        requests.push(query);
        return client.instantQuery(query, time);
      },
      rangeQuery: (query, range) => {
        requests.push(query);
        return client.rangeQuery(query, range);
      },
    };
  });
  beforeEach(() => {
    requests = [];
  });
  afterAll(() => prometheus?.stop());

  const seriesOf = (service: string, code: string) =>
    series.find(s => s.labels.service === service && s.labels.code === code) as GeneratedSeries;
  const expectedRatio = (service: string, window: string) => {
    const bad = expectedIncrease(seriesOf(service, '500'), end, windowsInSeconds[window]);
    const good = expectedIncrease(seriesOf(service, '200'), end, windowsInSeconds[window]);
    return bad / (bad + good);
  };
  const expectedStatus = (service: string) =>
    computeSloStatus({
      target: 0.999,
      window: '30d',
      measured: {
        byWindow: Object.fromEntries(
          ['5m', '30m', '1h', '2h', '6h', '1d', '3d'].map(w => [w, expectedRatio(service, w)]),
        ) as never,
        wholeWindow: expectedRatio(service, '30d'),
      },
    });

  const measure = (slos: SloDefinition[], clients: Record<string, PrometheusClient> = { main }) =>
    measureSlos({ slos, clients, batchLabel: 'service', now: new Date(end * 1000) });

  it('puts each service in the state its traffic was built for', async () => {
    const { measurements } = await measure(shapes.map(s => availability(s.service)));
    const state = Object.fromEntries(
      measurements.map(m => [m.slo.entityRef.split('/')[1], m.status?.alertState]),
    );
    expect(state).toEqual({
      healthy: 'ok',
      'slow-burn': 'ticket',
      'fast-burn': 'page',
      exhausted: 'ticket',
      restarting: 'ok',
      idle: 'no-data',
    });
    const exhausted = measurements.find(m => m.slo.name === 'exhausted-availability')!.status!;
    expect(exhausted.budgetExhausted).toBe(true);
    expect(exhausted.budgetRemaining).toBeCloseTo(expectedStatus('exhausted').budgetRemaining!, 6);
  });

  it('matches the known answers within 0.1% for every window, counter resets included', async () => {
    const { measurements } = await measure(shapes.map(s => availability(s.service)));
    for (const { slo, status } of measurements) {
      const service = slo.entityRef.split('/')[1];
      if (service === 'idle') continue;
      const expected = expectedStatus(service);
      for (const [i, window] of status!.windows.entries()) {
        const want = expected.windows[i].errorRatio!;
        expect({ service, window: window.window, off: Math.abs(window.errorRatio! - want) / want < 0.001 }).toEqual({
          service,
          window: window.window,
          off: true,
        });
      }
      expect(Math.abs(status!.budgetRemaining! - expected.budgetRemaining!)).toBeLessThan(0.001);
    }
  });

  it('charts burn per 6-hour step and a budget line that ends where the status does', async () => {
    const { measurements } = await measure(shapes.map(s => availability(s.service)));
    const byService = Object.fromEntries(measurements.map(m => [m.slo.entityRef.split('/')[1], m]));

    const healthy = byService.healthy.series!;
    expect(healthy.stepMinutes).toBe(360);
    expect(healthy.points).toHaveLength(120);
    expect(healthy.points[119].at).toBe(new Date(end * 1000).toISOString());
    // 0.2 failed in 1,000 against a 0.1% budget: burn 0.2 in every step.
    for (const point of healthy.points) expect(point.burnRate).toBeCloseTo(0.2, 6);

    // The slow burn shows in the last 4 days of steps (16 of them), not before.
    const slow = byService['slow-burn'].series!.points;
    expect(slow[100].burnRate).toBeCloseTo(0.2, 6);
    expect(slow[110].burnRate).toBeCloseTo(1.2, 6);

    for (const service of ['healthy', 'slow-burn', 'exhausted']) {
      const { series: serviceSeries, status } = byService[service];
      const last = serviceSeries!.points[119].budgetRemaining!;
      expect(Math.abs(last - status!.budgetRemaining!)).toBeLessThan(0.001);
    }
    expect(byService.idle.series!.points.every(p => p.burnRate === null && p.budgetRemaining === null)).toBe(true);
  });

  it('reports a service with no series and one with no traffic as no data, never 100%', async () => {
    const { measurements } = await measure([availability('idle'), availability('never-deployed')]);
    for (const m of measurements) {
      expect(m.error).toBeUndefined();
      expect(m.status).toMatchObject({ alertState: 'no-data', budgetRemaining: null });
    }
  });

  it('reads good/total SLIs as well as bad/total', async () => {
    const { measurements } = await measure([
      availability('fast-burn', {
        good: `http_requests_total{service="fast-burn",code!~"5.."}`,
        total: `http_requests_total{service="fast-burn"}`,
      }),
    ]);
    expect(measurements[0].status?.alertState).toBe('page');
    const ratio = measurements[0].status!.windows.find(w => w.window === '1h')!.errorRatio!;
    expect(Math.abs(ratio - expectedRatio('fast-burn', '1h')) / ratio).toBeLessThan(0.001);
  });

  it('makes the same number of requests for 6 SLOs as for 306', async () => {
    const few = await measure(shapes.map(s => availability(s.service)));
    const many = await measure([
      ...shapes.map(s => availability(s.service)),
      ...Array.from({ length: 300 }, (_, i) => availability(`service-${i}`)),
    ]);
    // 8 windows (5m … 3d and the 30d SLO window) × (bad, total), and the 30d chart's
    // two range queries.
    expect(few.requests).toBe(18);
    expect(many.requests).toBe(18);
    expect(many.measurements).toHaveLength(306);
  });

  it('marks only the SLOs of a Prometheus that is down, with a reason', async () => {
    const { measurements } = await measure(
      [availability('healthy'), { ...availability('fast-burn'), prometheus: 'secondary' }],
      { main, secondary: new PrometheusHttpClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 }) },
    );
    const byName = Object.fromEntries(measurements.map(m => [m.slo.name, m]));
    expect(byName['healthy-availability'].status?.alertState).toBe('ok');
    expect(byName['fast-burn-availability'].status).toBeUndefined();
    expect(byName['fast-burn-availability'].error).toMatch(/did not answer/);
  });
});
