import {
  freePort,
  generateCounters,
  RunningPrometheus,
  startPrometheusWith,
} from '@internal/prometheus-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { startHttpFake } from '../__testUtils__/httpFake';
import { PrometheusThroughputSource } from './PrometheusThroughputSource';
import { CostEntity } from './readCostEntities';

jest.setTimeout(60_000);

const HOUR = 3600;
const DAY = 86_400;
const STEP = 300;
const unixSeconds = (iso: string) => Date.parse(iso) / 1000;

// Samples every five minutes from the 15th to the 19th of November, both midnights included.
const start = unixSeconds('2026-11-15T00:00:00Z');
const end = unixSeconds('2026-11-19T00:00:00Z');
// The checkout process restarts in the middle of the 17th: its counter drops to zero there.
const restart = unixSeconds('2026-11-17T13:00:00Z');

/** Orders placed in the five minutes ending at `t`: busier in the afternoon and on the 17th. */
const ordersPlaced = (t: number) => {
  const hour = Math.floor((t % DAY) / HOUR);
  const busyDay = t > unixSeconds('2026-11-17T00:00:00Z') ? 2 : 1;
  return (hour >= 12 && hour < 18 ? 7 : 3) * busyDay;
};

/**
 * The known answer, from the traffic shape alone: every interval ending after midnight
 * and up to the next midnight is counted, whether or not the process restarted.
 */
const ordersOnDay = (day: string) => {
  const dayStart = unixSeconds(`${day}T00:00:00Z`);
  let orders = 0;
  for (let t = dayStart + STEP; t <= dayStart + DAY; t += STEP) {
    orders += ordersPlaced(t);
  }
  return orders;
};

const series = generateCounters(
  [
    {
      metric: 'checkout_orders_placed_total',
      labels: { service: 'checkout-service' },
      increment: ordersPlaced,
      resetAt: [restart],
    },
    // Another service's orders, which the query's label matcher must leave out.
    {
      metric: 'checkout_orders_placed_total',
      labels: { service: 'legacy-checkout' },
      increment: () => 1000,
    },
  ],
  { start, end, step: STEP },
);

const checkout = (unitQuery: string | null): CostEntity => ({
  entityRef: 'component:default/checkout-service',
  kind: 'service',
  title: 'checkout-service',
  allocationKey: 'checkout-service',
  teamRef: 'group:default/checkout',
  monthlyBudgetUsd: null,
  unit: unitQuery ? 'orders' : null,
  unitQuery,
});
const ordersQuery = checkout(
  'sum(increase(checkout_orders_placed_total{service="checkout-service"}[1d]))',
);

/** Forwards every request to `target` and keeps the headers it arrived with. */
async function startRecordingProxy(target: string) {
  const received: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    received.push(req.headers);
    const upstream = http.request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('PrometheusThroughputSource against a real Prometheus', () => {
  let prometheus: RunningPrometheus;
  let source: PrometheusThroughputSource;

  beforeAll(async () => {
    prometheus = await startPrometheusWith(series);
    source = new PrometheusThroughputSource({
      baseUrl: prometheus.url,
      timeoutMs: 10_000,
    });
  });
  afterAll(() => prometheus?.stop());

  it('counts the orders placed on each UTC day', async () => {
    for (const day of ['2026-11-15', '2026-11-16', '2026-11-18']) {
      expect(await source.unitsOnDay(ordersQuery, day)).toBe(ordersOnDay(day));
    }
    // 216 intervals of 3 orders outside 12:00-18:00, 72 intervals of 7 inside.
    expect(ordersOnDay('2026-11-15')).toBe(216 * 3 + 72 * 7);
  });

  it('counts a day on which the counter was reset', async () => {
    // A busy day: twice the orders of the 15th, restart or not.
    expect(ordersOnDay('2026-11-17')).toBe(2 * (216 * 3 + 72 * 7));
    expect(await source.unitsOnDay(ordersQuery, '2026-11-17')).toBe(
      ordersOnDay('2026-11-17'),
    );
    // Reading the counter at both midnights would miss everything before the restart.
    const [checkoutSeries] = series;
    const at = (iso: string) =>
      checkoutSeries.samples.find(([t]) => t === unixSeconds(iso))![1];
    expect(at('2026-11-18T00:00:00Z') - at('2026-11-17T00:00:00Z')).not.toBe(
      ordersOnDay('2026-11-17'),
    );
  });

  it('gives null, not 0, for a day without samples', async () => {
    expect(await source.unitsOnDay(ordersQuery, '2026-11-20')).toBeNull();
    expect(await source.unitsOnDay(ordersQuery, '2026-11-13')).toBeNull();
  });

  it('counts the same with a query wrapped in scalar(), still null without samples', async () => {
    const scalarQuery = checkout(
      'scalar(sum(increase(checkout_orders_placed_total{service="checkout-service"}[1d])))',
    );
    expect(await source.unitsOnDay(scalarQuery, '2026-11-16')).toBe(
      ordersOnDay('2026-11-16'),
    );
    expect(await source.unitsOnDay(scalarQuery, '2026-11-20')).toBeNull();
  });

  it('names the service, the Prometheus and its error when the query is wrong', async () => {
    const broken = checkout(
      'sum(increase(checkout_orders_placed_total{service="checkout-service"}[1d])',
    );
    await expect(source.unitsOnDay(broken, '2026-11-16')).rejects.toThrow(
      new RegExp(
        `^The unit query of component:default/checkout-service failed: Prometheus at ${prometheus.url} refused the query \\(bad_data\\): .*parse error`,
      ),
    );
  });

  it('sends the configured headers, such as Authorization, with every query', async () => {
    const proxy = await startRecordingProxy(prometheus.url);
    try {
      const behindProxy = new PrometheusThroughputSource({
        baseUrl: `${proxy.url}/`,
        timeoutMs: 10_000,
        headers: {
          Authorization: 'Bearer units-reader',
          'X-Scope-OrgID': 'harbor-market',
        },
      });
      expect(await behindProxy.unitsOnDay(ordersQuery, '2026-11-16')).toBe(
        ordersOnDay('2026-11-16'),
      );
      expect(proxy.received).toHaveLength(1);
      expect(proxy.received[0]).toMatchObject({
        authorization: 'Bearer units-reader',
        'x-scope-orgid': 'harbor-market',
        'content-type': 'application/x-www-form-urlencoded',
      });
    } finally {
      await proxy.close();
    }
  });
});

describe('PrometheusThroughputSource without a usable Prometheus', () => {
  it('asks nothing for a service that declares no unit query', async () => {
    const fake = await startHttpFake(() => ({ status: 500, body: {} }));
    try {
      const source = new PrometheusThroughputSource({
        baseUrl: fake.url,
        timeoutMs: 1000,
      });
      expect(await source.unitsOnDay(checkout(null), '2026-11-16')).toBeNull();
      expect(fake.requests).toHaveLength(0);
    } finally {
      await fake.close();
    }
  });

  it('rejects, naming the service and the address, when nothing listens there', async () => {
    const baseUrl = `http://127.0.0.1:${await freePort()}`;
    const source = new PrometheusThroughputSource({ baseUrl, timeoutMs: 5000 });
    await expect(source.unitsOnDay(ordersQuery, '2026-11-16')).rejects.toThrow(
      `The unit query of component:default/checkout-service failed: Prometheus at ${baseUrl} did not answer`,
    );
  });

  it('says so clearly when a proxy answers with an HTML error page', async () => {
    const proxy = await startHttpFake(() => ({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    }));
    try {
      const source = new PrometheusThroughputSource({
        baseUrl: proxy.url,
        timeoutMs: 1000,
      });
      await expect(
        source.unitsOnDay(ordersQuery, '2026-11-16'),
      ).rejects.toThrow(
        `The unit query of component:default/checkout-service failed: Prometheus at ${proxy.url} answered HTTP 502 (text/html) without its JSON envelope`,
      );
    } finally {
      await proxy.close();
    }
  });

  it('gives up after the configured timeout', async () => {
    const fake = await startHttpFake(() => ({
      status: 200,
      body: { status: 'success', data: { resultType: 'vector', result: [] } },
      delayMs: 3000,
    }));
    try {
      const source = new PrometheusThroughputSource({
        baseUrl: fake.url,
        timeoutMs: 300,
      });
      const started = Date.now();
      await expect(
        source.unitsOnDay(ordersQuery, '2026-11-16'),
      ).rejects.toThrow(
        `The unit query of component:default/checkout-service failed: Prometheus at ${fake.url} did not answer: no answer within 300 ms`,
      );
      expect(Date.now() - started).toBeLessThan(2000);
      // The query is evaluated at the end of the day asked for.
      expect(new URLSearchParams(fake.requests[0].body).get('time')).toBe(
        String(unixSeconds('2026-11-17T00:00:00Z')),
      );
    } finally {
      await fake.close();
    }
  });
});
