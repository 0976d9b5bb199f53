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
  // Cost Explorer answers the 19th with no groups: no spend at all.
  '2026-11-19': [],
  '2026-11-20': [
    { team: 'payments', service: 'payments-service', amount: '3.3333333333' },
    { team: null, service: null, amount: '1.1111111111' },
  ],
  '2026-11-21': [
    { team: 'checkout', service: 'cart-service', amount: '2.005' },
  ],
};

const cents = (usd: number) => Math.round(usd * 100);
const kubecostSets = () =>
  clusterSets('label=value').flatMap(set => Object.values(set));
const awsAmounts = () =>
  Object.values(awsDays)
    .flat()
    .map(g => ({ ...g, usd: Number(g.amount) }));

describe.each(databaseIds)('cost ingestion and report on %s', databaseId => {
  let kubecost: HttpFake;
  afterEach(() => kubecost?.close());

  async function setUp(
    awsFailures: number,
    kubecostAnswer: (day: string) => { status: number; body: unknown } = () => ({
      status: 200,
      body: { code: 200, data: clusterSets('label=value') },
    }),
    lookbackDays = 2,
  ) {
    const knex = await databases.init(databaseId);
    const store = await CostStore.create(mockServices.database({ knex }));
    kubecost = await startHttpFake(request =>
      kubecostAnswer(
        (request.url.searchParams.get('window') ?? '').slice(0, 10),
      ),
    );
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
      lookbackDays,
      logger: mockServices.logger.mock(),
    });
    const report = new CostReport(store, {
      sources: ['kubecost', 'aws'],
      now: () => NOW,
    });
    return { store, ingester, aws, report };
  }

  it('reconciles to the cent, and each headline sums exactly what it is labelled', async () => {
    const { ingester, aws, report } = await setUp(0);
    try {
      await ingester.run(NOW);
      const overview = await report.overview();

      // Computed independently from the fixtures: every allocation and every AWS amount.
      const allocations = kubecostSets();
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const kubecostTotal = sum(allocations.map(a => a.totalCost));
      const externalCost = sum(allocations.map(a => a.externalCost));
      const awsTotal = sum(awsAmounts().map(g => g.usd));
      const special = (prefix: string) =>
        sum(
          allocations
            .filter(a => a.name.startsWith(prefix))
            .map(a => a.totalCost),
        );
      const teamsTotal =
        kubecostTotal -
        special('__idle__') -
        special('__unmounted__') -
        special('__unallocated__') +
        sum(
          awsAmounts()
            .filter(g => g.team)
            .map(g => g.usd),
        );

      // Up to yesterday (21 Nov): month to date and the last 7 and 30 days hold the same two days.
      const { totals } = overview;
      expect(cents(totals.all.monthToDateUsd)).toBe(
        cents(kubecostTotal + awsTotal),
      );
      expect(cents(totals.all.last7DaysUsd)).toBe(
        cents(kubecostTotal + awsTotal),
      );
      expect(cents(totals.teams.last30DaysUsd)).toBe(cents(teamsTotal));
      expect(
        cents(
          overview.teams.reduce((s, t) => s + t.last30DaysUsd, 0),
        ),
      ).toBe(cents(teamsTotal));
      // The cluster's own cost: everything Kubecost reported but its external (AWS) cost.
      expect(cents(totals.kubernetesCluster.monthToDateUsd)).toBe(
        cents(kubecostTotal - externalCost),
      );
      expect(cents(totals.aws.monthToDateUsd)).toBe(
        cents(awsTotal + externalCost),
      );
      // Idle: 8.88 + 3.21 and 9.88 + 3.21. Unmounted volumes: 2.75 and 3.75.
      expect(overview.idle.monthToDateUsd).toBeCloseTo(25.18, 9);
      expect(overview.unmounted.monthToDateUsd).toBeCloseTo(6.5, 9);
      // Unallocated in two lines: Kubernetes without the team label, AWS without the tag.
      expect(overview.unallocated.kubernetes.monthToDateUsd).toBeCloseTo(
        2 * (1.23 + 0.45),
        9,
      );
      expect(overview.unallocated.aws.monthToDateUsd).toBeCloseTo(
        1.1111111111,
        9,
      );
      expect(
        cents(
          totals.teams.monthToDateUsd +
            overview.idle.monthToDateUsd +
            overview.unmounted.monthToDateUsd +
            overview.unallocated.kubernetes.monthToDateUsd +
            overview.unallocated.aws.monthToDateUsd,
        ),
      ).toBe(cents(totals.all.monthToDateUsd));
      // A team label no Group claims keeps its own line; __unmounted__ is never a team.
      expect(overview.teams.map(t => t.entityRef).sort()).toEqual([
        'group:default/checkout',
        'group:default/payments',
        'group:default/search',
      ]);
      expect(overview.trend.at(-1)).toMatchObject({
        day: '2026-11-21',
        read: true,
      });
      expect(overview.trend.at(-1)!.unmounted).toBeCloseTo(3.75, 9);
      expect(overview.trend.at(-3)!.read).toBe(false);
      expect(overview.asOf).toBe('2026-11-21');
      expect(overview.through).toBe('2026-11-21');
      expect(overview.demo).toBe(false);

      // The look-back window is two days: each window says how many of its days were read.
      expect(
        Object.values(overview.windows).map(w => [
          w.label,
          w.first,
          w.daysRead,
          w.days,
        ]),
      ).toEqual([
        ['Last 7 days', '2026-11-15', 2, 7],
        ['Last 30 days', '2026-10-23', 2, 30],
        ['November to date', '2026-11-01', 2, 21],
      ]);

      const facts = await report.facts();
      expect(facts.items.map(i => i.entityRef)).not.toContainEqual(
        expect.stringContaining('unmounted'),
      );
      const payments = await report.team('group:default/payments');
      expect(payments.services.map(s => s.allocationKey)).not.toContain(
        '__unmounted__',
      );
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
      expect(awsStatus.lastError).toBe(
        'AWS Cost Explorer answered HTTP 400 to GetCostAndUsage: LimitExceededException: Rate exceeded',
      );
      expect(awsStatus.pendingDays).toBe(2);
      expect(overview.sources.find(s => s.source === 'kubecost')).toMatchObject(
        { lastError: null, pendingDays: 0 },
      );
      // Kubecost's two days are shown; no day is read in full until AWS answers too.
      expect(overview.windows['7d']).toMatchObject({
        daysRead: 0,
        sources: [
          { source: 'kubecost', daysWithCost: 2, daysEmpty: 0 },
          { source: 'aws', daysWithCost: 0, daysEmpty: 0 },
        ],
      });
      const before = overview.totals.all.monthToDateUsd;
      const cached = await report.cached('overview', () => report.overview());
      expect(
        await report.cached('overview', () =>
          Promise.reject(new Error('recomputed')),
        ),
      ).toBe(cached);

      await ingester.run(NOW);
      // New data, new version: the cached response is not served any more.
      expect(
        (await report.cached('overview', () => report.overview())).totals.all
          .monthToDateUsd,
      ).toBeGreaterThan(before);
      overview = await report.overview();
      expect(overview.sources.find(s => s.source === 'aws')).toMatchObject({
        lastError: null,
        pendingDays: 0,
      });
      expect(overview.windows['7d'].daysRead).toBe(2);
      expect(overview.totals.all.monthToDateUsd - before).toBeCloseTo(
        3.3333333333 + 1.1111111111 + 2.005,
        9,
      );
      // Kubecost's two days (one request each) were final after the first run: none asked again.
      expect(kubecost.requests).toHaveLength(2);

      // A third run changes nothing: idempotent per day.
      await ingester.run(NOW);
      expect((await report.overview()).totals.all.monthToDateUsd).toBeCloseTo(
        overview.totals.all.monthToDateUsd,
        9,
      );
    } finally {
      await aws.close();
    }
  });

  it('names what a source answered and counts the days it shows', async () => {
    const message =
      'error parsing window: the ETL has not built 2026-11-21 yet';
    const { ingester, aws, report } = await setUp(0, day =>
      day === '2026-11-21'
        ? { status: 400, body: { code: 400, message } }
        : {
            status: 200,
            body: { code: 200, data: clusterSets('label=value', [day]) },
          },
    );
    try {
      const [kubecostSummary] = await ingester.run(NOW);
      expect(kubecostSummary).toMatchObject({ daysRead: 1, pendingDays: 1 });
      const overview = await report.overview();
      expect(overview.sources.find(s => s.source === 'kubecost')).toMatchObject(
        {
          lastError: `Kubecost answered HTTP 400: ${message} (${kubecost.url})`,
          pendingDays: 1,
        },
      );
      // 20 November from both sources; the 21st only from AWS.
      expect(overview.windows['30d']).toMatchObject({
        days: 30,
        daysRead: 1,
        sources: [
          { source: 'kubecost', daysWithCost: 1 },
          { source: 'aws', daysWithCost: 2 },
        ],
      });
      expect(overview.idle.last30DaysUsd).toBeCloseTo(8.88 + 3.21, 9);
      expect((await report.facts()).lastError).toBe(
        `Kubecost answered HTTP 400: ${message} (${kubecost.url})`,
      );
    } finally {
      await aws.close();
    }
  });

  it('remembers a day a source answered without cost, and asks again at most daily', async () => {
    // Kubecost has no set for the 19th (the cluster did not exist yet).
    const { ingester, aws, report } = await setUp(
      0,
      day => ({
        status: 200,
        body: {
          code: 200,
          data:
            day === '2026-11-19'
              ? [null]
              : clusterSets('label=value', [day]),
        },
      }),
      4,
    );
    try {
      const asked = () =>
        kubecost.requests.map(r =>
          (r.url.searchParams.get('window') ?? '').slice(0, 10),
        );
      const [first] = await ingester.run(NOW);
      expect(asked()).toEqual([
        '2026-11-21',
        '2026-11-20',
        '2026-11-19',
        '2026-11-18',
      ]);
      // Answered, with no cost: not pending.
      expect(first).toMatchObject({ daysRead: 4, pendingDays: 0 });
      const overview = await report.overview();
      // Cost Explorer has groups for the 20th and 21st only.
      expect(overview.windows['7d']).toMatchObject({
        daysRead: 4,
        sources: [
          { source: 'kubecost', daysWithCost: 3, daysEmpty: 1 },
          { source: 'aws', daysWithCost: 2, daysEmpty: 2 },
        ],
      });
      // A day no source answered for is unknown; one answered empty is read.
      expect(overview.trend.find(p => p.day === '2026-11-19')!.read).toBe(true);
      expect(overview.trend.find(p => p.day === '2026-11-17')!.read).toBe(
        false,
      );

      // Runs later the same day ask for nothing.
      await ingester.run(new Date(NOW.getTime() + 6 * 3_600_000));
      await ingester.run(new Date(NOW.getTime() + 17 * 3_600_000));
      expect(asked()).toHaveLength(4);
      expect(aws.bodies()).toHaveLength(1);

      // A day later: the empty day is asked again, with the new day; the read days are not.
      await ingester.run(new Date(NOW.getTime() + 25 * 3_600_000));
      expect(asked().slice(4)).toEqual(['2026-11-22', '2026-11-19']);
    } finally {
      await aws.close();
    }
  });

  it('serves budget, forecast, the 30-day split, efficiency and the scorecards facts', async () => {
    const { ingester, aws, report } = await setUp(0);
    try {
      await ingester.run(NOW);
      // payments: day 20 = 10.11+4.07+1.5+0.33 + 3.01+2.02+0.6 + 0.5+0.25 (no app label)
      //           + 3.3333333333 (AWS); day 21 = the same Kubecost lines with CPU one dollar
      //           higher, no AWS.
      const kubernetes20 =
        10.11 + 4.07 + 1.5 + 0.33 + 3.01 + 2.02 + 0.6 + 0.5 + 0.25;
      const day20 = kubernetes20 + 3.3333333333;
      const day21 = kubernetes20 + 1;
      const paymentsTeam = await report.team('group:default/payments');
      expect(paymentsTeam.team.monthToDateUsd).toBeCloseTo(day20 + day21, 9);
      expect(paymentsTeam.team.last30DaysUsd).toBeCloseTo(day20 + day21, 9);
      expect(paymentsTeam.team.last30DaysSplit.kubernetesUsd).toBeCloseTo(
        2 * kubernetes20 + 1,
        9,
      );
      expect(paymentsTeam.team.last30DaysSplit.awsUsd).toBeCloseTo(
        3.3333333333,
        9,
      );
      // Run rate over the two days that exist, times the 9 days left in November.
      expect(paymentsTeam.team.forecastMonthUsd).toBeCloseTo(
        day20 + day21 + ((day20 + day21) / 2) * 9,
        9,
      );
      expect(paymentsTeam.team.budgetStatus).toBe('forecast-over');
      expect(paymentsTeam.team.topServices[0].entityRef).toBe(
        'component:default/payments-service',
      );
      expect(paymentsTeam.trend.at(-1)).toMatchObject({
        day: '2026-11-21',
        read: true,
      });

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
    // What the source answered, as it said it; the days are in the log.
    expect(summary.error).toBe('connect ECONNREFUSED 127.0.0.1:9090');
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
