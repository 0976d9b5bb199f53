import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases, databaseIds } from '../__testUtils__/testDatabases';
import { CostExplorerClient } from '../aws/CostExplorerClient';
import { CostExplorerCostSource } from '../aws/CostExplorerCostSource';
import { CostStore } from '../database/CostStore';
import { KubecostAllocationClient } from '../kubecost/KubecostAllocationClient';
import { KubecostCostSource } from '../kubecost/KubecostCostSource';
import { CostReport } from '../service/CostReport';
import { startCostExplorerFake } from '../__testUtils__/costExplorerFake';
import { HttpFake, startHttpFake } from '../__testUtils__/httpFake';
import { clusterSets } from '../__testUtils__/kubecostFixtures';
import { contiguousRanges, CostIngester } from './CostIngester';
import { CostEntity } from './readCostEntities';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const team = (name: string, budget: number | null): CostEntity => ({
  entityRef: `group:default/${name}`,
  kind: 'team',
  title: name,
  allocationKey: name,
  teamRef: null,
  monthlyBudgetUsd: budget,
  unit: null,
  unitQuery: null,
});
const service = (name: string, owner: string): CostEntity => ({
  entityRef: `component:default/${name}`,
  kind: 'service',
  title: name,
  allocationKey: name,
  teamRef: `group:default/${owner}`,
  monthlyBudgetUsd: null,
  unit: null,
  unitQuery: null,
});
const entities = [
  team('payments', 50),
  team('checkout', null),
  service('payments-service', 'payments'),
  service('fraud-check-service', 'payments'),
  service('cart-service', 'checkout'),
];

// Days 20 and 21 November; the run happens on the 22nd.
const NOW = new Date('2026-11-22T06:00:00Z');
const awsDays = {
  '2026-11-20': [
    { team: 'payments', service: 'payments-service', amount: '3.3333333333' },
    { team: null, service: null, amount: '1.1111111111' },
  ],
  '2026-11-21': [
    { team: 'checkout', service: 'cart-service', amount: '2.005' },
  ],
};

describe.each(databaseIds)('cost ingestion and report on %s', databaseId => {
  let kubecost: HttpFake;
  afterEach(() => kubecost?.close());

  async function setUp(awsFailures: number) {
    const knex = await databases.init(databaseId);
    const store = await CostStore.create(mockServices.database({ knex }));
    kubecost = await startHttpFake(() => ({
      status: 200,
      body: { code: 200, data: clusterSets('label=value') },
    }));
    let failuresLeft = awsFailures;
    const aws = await startCostExplorerFake({
      days: awsDays,
      failWith: () =>
        failuresLeft-- > 0 ? 'LimitExceededException' : undefined,
    });
    const ingester = new CostIngester({
      store,
      sources: [
        new KubecostCostSource({
          flavour: 'kubecost',
          teamLabel: 'team',
          serviceAggregate: 'label:app',
          client: new KubecostAllocationClient({
            baseUrl: kubecost.url,
            flavour: 'kubecost',
            timeoutMs: 5000,
          }),
        }),
        new CostExplorerCostSource(
          new CostExplorerClient({
            region: 'us-east-1',
            endpoint: aws.url,
            credentials: {
              accessKeyId: 'AKIDEXAMPLE',
              secretAccessKey: 'secret',
            },
            teamTag: 'team',
            serviceTag: 'service',
            metric: 'AmortizedCost',
            maxAttempts: 1,
          }),
        ),
      ],
      readEntities: async () => entities,
      lookbackDays: 2,
      logger: mockServices.logger.mock(),
    });
    return { store, ingester, aws, report: new CostReport(store) };
  }

  it('reconciles to the cent: teams + idle + unallocated = cluster total', async () => {
    const { ingester, aws, report } = await setUp(0);
    try {
      await ingester.run(NOW);
      const overview = await report.overview();

      // Computed independently from the fixtures: every allocation's totalCost plus every AWS amount.
      const kubecostTotal = clusterSets('label=value')
        .flatMap(set => Object.values(set))
        .reduce((sum, a) => sum + a.totalCost, 0);
      const awsTotal = Object.values(awsDays)
        .flat()
        .reduce((sum, g) => sum + Number(g.amount), 0);
      const cents = (usd: number) => Math.round(usd * 100);

      const teams = overview.teams.reduce(
        (sum, t) => sum + t.monthToDateUsd,
        0,
      );
      expect(
        cents(
          teams +
            overview.idle.monthToDateUsd +
            overview.unallocated.monthToDateUsd,
        ),
      ).toBe(cents(kubecostTotal + awsTotal));
      expect(cents(overview.total.monthToDateUsd)).toBe(
        cents(kubecostTotal + awsTotal),
      );
      // Idle: 8.88 + 3.21 and 9.88 + 3.21. Unallocated: 2 × (1.23 + 0.45) + untagged AWS.
      expect(overview.idle.monthToDateUsd).toBeCloseTo(25.18, 9);
      expect(overview.unallocated.monthToDateUsd).toBeCloseTo(
        3.36 + 1.1111111111,
        9,
      );
      // A team label no Group claims keeps its own line.
      expect(overview.teams.map(t => t.entityRef).sort()).toEqual([
        'group:default/checkout',
        'group:default/payments',
        'group:default/search',
      ]);
      expect(overview.asOf).toBe('2026-11-21');
      expect(overview.demo).toBe(false);
    } finally {
      await aws.close();
    }
  });

  it('reads each day once, and a day Cost Explorer refused on the next run', async () => {
    const { ingester, aws, report } = await setUp(1);
    try {
      await ingester.run(NOW);
      let overview = await report.overview();
      const awsStatus = overview.sources.find(s => s.source === 'aws')!;
      expect(awsStatus.lastError).toMatch(/LimitExceededException/);
      expect(awsStatus.pendingDays).toBe(2);
      expect(overview.sources.find(s => s.source === 'kubecost')).toMatchObject(
        { lastError: null, pendingDays: 0 },
      );
      const before = overview.total.monthToDateUsd;
      const cached = await report.cached('overview', () => report.overview());
      expect(
        await report.cached('overview', () =>
          Promise.reject(new Error('recomputed')),
        ),
      ).toBe(cached);

      await ingester.run(NOW);
      // New data, new version: the cached response is not served any more.
      expect(
        (await report.cached('overview', () => report.overview())).total
          .monthToDateUsd,
      ).toBeGreaterThan(before);
      overview = await report.overview();
      expect(overview.sources.find(s => s.source === 'aws')).toMatchObject({
        lastError: null,
        pendingDays: 0,
      });
      expect(overview.total.monthToDateUsd - before).toBeCloseTo(
        3.3333333333 + 1.1111111111 + 2.005,
        9,
      );
      // Kubecost's two days (one request each) were final after the first run: none asked again.
      expect(kubecost.requests).toHaveLength(2);

      // A third run changes nothing: idempotent per day.
      await ingester.run(NOW);
      expect((await report.overview()).total.monthToDateUsd).toBeCloseTo(
        overview.total.monthToDateUsd,
        9,
      );
    } finally {
      await aws.close();
    }
  });

  it('serves budget, forecast, efficiency and the scorecards facts', async () => {
    const { ingester, aws, report } = await setUp(0);
    try {
      await ingester.run(NOW);
      // payments: day 20 = 10.11+4.07+1.5+0.33 + 3.01+2.02+0.6 + 3.3333333333 (AWS),
      //           day 21 = the same Kubecost lines with CPU one dollar higher, no AWS.
      const day20 =
        10.11 + 4.07 + 1.5 + 0.33 + 3.01 + 2.02 + 0.6 + 3.3333333333;
      const day21 = day20 - 3.3333333333 + 1;
      const paymentsTeam = await report.team('group:default/payments');
      expect(paymentsTeam.team.monthToDateUsd).toBeCloseTo(day20 + day21, 9);
      // Run rate over the two days that exist, times the 9 days left in November.
      expect(paymentsTeam.team.forecastMonthUsd).toBeCloseTo(
        day20 + day21 + ((day20 + day21) / 2) * 9,
        9,
      );
      expect(paymentsTeam.team.budgetStatus).toBe('forecast-over');
      expect(paymentsTeam.team.topServices[0].entityRef).toBe(
        'component:default/payments-service',
      );

      const cart = await report.service('component:default/cart-service');
      expect(cart.trend).toHaveLength(30);
      expect(cart.service.last30DaysUsd).toBeCloseTo(
        2 * (7.77 - 0.12 + 3.33 + 1.11) + 2.005,
        9,
      );
      expect(cart.efficiency.cpu).toBeCloseTo(0.5, 9);

      const facts = await report.facts();
      const byRef = Object.fromEntries(facts.items.map(i => [i.entityRef, i]));
      expect(byRef['group:default/payments']).toMatchObject({
        kind: 'team',
        monthlyBudgetUsd: 50,
        overBudget: true,
      });
      expect(byRef['group:default/checkout']).toMatchObject({
        monthlyBudgetUsd: null,
        overBudget: null,
      });
      // A service carries its owning team's budget fields.
      expect(byRef['component:default/fraud-check-service']).toMatchObject({
        kind: 'service',
        monthlyBudgetUsd: 50,
        overBudget: true,
      });
      expect(
        byRef['component:default/fraud-check-service'].monthToDateUsd,
      ).toBeCloseTo(2 * (3.01 + 2.02 + 0.6), 9);
      expect(facts).toMatchObject({
        demo: false,
        asOf: '2026-11-21',
        lastError: null,
      });
    } finally {
      await aws.close();
    }
  });
});

describe('contiguousRanges', () => {
  it('asks for gap-free stretches, each at most maxDays long', () => {
    expect(
      contiguousRanges(
        ['2026-11-04', '2026-11-01', '2026-11-02', '2026-11-03', '2026-11-06'],
        3,
      ),
    ).toEqual([
      { first: '2026-11-01', last: '2026-11-03' },
      { first: '2026-11-04', last: '2026-11-04' },
      { first: '2026-11-06', last: '2026-11-06' },
    ]);
  });
});

describe('CostIngester with a source that is down', () => {
  it('stops after three failed requests in a row, newest days first, and keeps every day pending', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await CostStore.create(mockServices.database({ knex }));
    const asked: string[] = [];
    const ingester = new CostIngester({
      store,
      sources: [
        {
          name: 'kubecost',
          maxDaysPerRequest: 1,
          readDays: async (first: string) => {
            asked.push(first);
            throw new Error('connect ECONNREFUSED 127.0.0.1:9090');
          },
        },
      ],
      readEntities: async () => entities,
      lookbackDays: 10,
      logger: mockServices.logger.mock(),
    });
    const [summary] = await ingester.run(NOW);
    expect(asked).toEqual(['2026-11-21', '2026-11-20', '2026-11-19']);
    expect(summary).toMatchObject({ daysRead: 0, pendingDays: 10 });
    expect(summary.error).toBe(
      '2026-11-21..2026-11-21: connect ECONNREFUSED 127.0.0.1:9090 (and 2 more failed request(s))',
    );
  });
});

describe('CostIngester with a throughput source', () => {
  it('stores a count for every day of the look-back window and asks only for days it lacks', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await CostStore.create(mockServices.database({ knex }));
    const checkout: CostEntity = {
      ...service('checkout-service', 'checkout'),
      unit: 'orders',
      unitQuery: 'sum(increase(checkout_orders_placed_total[1d]))',
    };
    const asked: string[] = [];
    // Prometheus has orders from the 15th on; the two days before it give no count.
    const ordersOn = (day: string) => 100 * Number(day.slice(8, 10));
    const ingester = new CostIngester({
      store,
      sources: [],
      readEntities: async () => [...entities, checkout],
      throughput: {
        unitsOnDay: async (entity, day) => {
          asked.push(`${entity.entityRef} ${day}`);
          return day >= '2026-11-15' ? ordersOn(day) : null;
        },
      },
      lookbackDays: 9,
      logger: mockServices.logger.mock(),
    });

    await ingester.run(NOW);
    // The window is the 13th to the 21st; only the service with a declared unit is asked.
    const window = [13, 14, 15, 16, 17, 18, 19, 20, 21].map(
      d => `2026-11-${d}`,
    );
    expect(asked).toEqual(
      window.map(day => `component:default/checkout-service ${day}`),
    );
    const stored = await store.unitsOf(
      ['component:default/checkout-service'],
      '2026-11-01',
      '2026-11-30',
    );
    expect(
      stored
        .map(({ day, units }) => [day, units])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    ).toEqual(window.slice(2).map(day => [day, ordersOn(day)]));

    // The next run asks again only for the days without a count.
    asked.length = 0;
    await ingester.run(NOW);
    expect(asked).toEqual([
      'component:default/checkout-service 2026-11-13',
      'component:default/checkout-service 2026-11-14',
    ]);
  });
});
