import { mockServices } from '@backstage/backend-test-utils';
import {
  createTestDatabases,
  databaseIds,
} from '../__testUtils__/testDatabases';
import {
  daysBetween,
  DEFAULT_ANOMALY_METHOD,
  emptyBreakdown,
} from '@internal/plugin-cost-common';
import { CostStore, StoredEntity } from '../database/CostStore';
import { CostLine } from '../sources/CostSource';
import { CostReport } from './CostReport';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const entity = (
  kind: 'team' | 'service',
  name: string,
  teamRef: string | null = null,
): StoredEntity => ({
  entityRef: `${kind === 'team' ? 'group' : 'component'}:default/${name}`,
  kind,
  title: name,
  allocationKey: name,
  teamRef,
  monthlyBudgetUsd: null,
  unit: null,
});

const line = (team: string, service: string, usd: number): CostLine => ({
  kind: 'workload',
  teamKey: team,
  serviceKey: service,
  costs: { ...emptyBreakdown(), cpu: usd },
  cpuEfficiency: null,
  ramEfficiency: null,
});

// Ten weeks from Monday 2026-09-21 (index 0) to Sunday 2026-11-29 (index 69).
const DAYS = daysBetween('2026-09-21', '2026-11-29');
const SPIKE_DAY = '2026-11-25'; // a Wednesday, index 65
const AWS_MISSING = new Set(['2026-11-11', '2026-11-27']);
const KUBECOST_MISSING = new Set(['2026-11-28']);

/**
 * Kubecost: cart-service $300 + (index mod 3), $800 on the spike day; orders-service a flat
 * $50; warehouse-worker (team data) $100 + (index mod 3) with a $300 batch every Monday.
 * AWS: $100 a day of cart-service, not delivered on 11 and 27 November.
 */
async function storeHistory(store: CostStore) {
  await store.replaceEntities([
    entity('team', 'checkout'),
    entity('team', 'data'),
    entity('service', 'cart-service', 'group:default/checkout'),
    entity('service', 'orders-service', 'group:default/checkout'),
    entity('service', 'warehouse-worker', 'group:default/data'),
  ]);
  const at = new Date('2026-11-30T06:00:00Z');
  for (const [index, day] of DAYS.entries()) {
    const monday = new Date(`${day}T00:00:00Z`).getUTCDay() === 1;
    if (!KUBECOST_MISSING.has(day)) {
      await store.replaceDay(
        'kubecost',
        day,
        [
          line(
            'checkout',
            'cart-service',
            day === SPIKE_DAY ? 800 : 200 + (index % 3),
          ),
          line('checkout', 'orders-service', 50),
          line('data', 'warehouse-worker', (monday ? 300 : 100) + (index % 3)),
        ],
        false,
        at,
      );
    }
    if (!AWS_MISSING.has(day)) {
      await store.replaceDay(
        'aws',
        day,
        [line('checkout', 'cart-service', 100)],
        false,
        at,
      );
    }
  }
}

describe.each(databaseIds)(
  'cost anomalies from the stored history on %s',
  databaseId => {
    it('flags the real jump for the service and its team, and nothing else', async () => {
      const knex = await databases.init(databaseId);
      const store = await CostStore.create(mockServices.database({ knex }));
      await storeHistory(store);
      const report = new CostReport(store);

      const response = await report.anomalies(
        { from: '2026-11-16', to: '2026-11-29' },
        DEFAULT_ANOMALY_METHOD,
      );
      expect(response).toMatchObject({
        from: '2026-11-16',
        to: '2026-11-29',
        demo: false,
        asOf: '2026-11-29',
        method: DEFAULT_ANOMALY_METHOD,
      });
      // Cart-service Wednesdays before the spike, indexes 9..58 by 7, both sources:
      // 300 + (9,16,23,30,37,44,51,58 mod 3) = 300,301,302,300,301,302,[300: AWS missed
      // 11 Nov, left out],301 → median 301, MAD 1. The spike day is 800 + 100 = 900.
      // Checkout adds orders-service's 50: median 351, spike 950.
      // Not flagged: warehouse-worker's Monday batch (every Monday), 27 November (AWS
      // missing: cart-service would look $100 lower), 28 November (Kubecost missing).
      expect(response.anomalies).toEqual([
        {
          entityRef: 'component:default/cart-service',
          kind: 'service',
          title: 'cart-service',
          teamRef: 'group:default/checkout',
          day: SPIKE_DAY,
          usd: 900,
          baselineUsd: 301,
          jumpUsd: 599,
          jumpPercent: 199, // 599 / 301 = 1.99003
          direction: 'spike',
          score: 404.02, // 599 / 1.4826 = 404.01997
          observations: 7,
        },
        {
          entityRef: 'group:default/checkout',
          kind: 'team',
          title: 'checkout',
          teamRef: null,
          day: SPIKE_DAY,
          usd: 950,
          baselineUsd: 351,
          jumpUsd: 599,
          jumpPercent: 170.7, // 599 / 351 = 1.70655
          direction: 'spike',
          score: 404.02,
          observations: 7,
        },
      ]);
      // 8 weeks of history before 16 November plus the 14 days judged: 70 days, of which
      // 11 and 27 November (AWS) and 28 November (Kubecost) are incomplete.
      expect(response.missing).toEqual([
        '3 of 70 day(s) are left out because not every cost source delivered them.',
      ]);
    });

    it('says so when the catalog was empty at the last ingestion, instead of listing nothing', async () => {
      const knex = await databases.init(databaseId);
      const store = await CostStore.create(mockServices.database({ knex }));
      await storeHistory(store);
      await store.replaceEntities([]);
      const response = await new CostReport(store).anomalies(
        { from: '2026-11-16', to: '2026-11-29' },
        DEFAULT_ANOMALY_METHOD,
      );
      // Team lines still map by allocation key to group:default/<key>; services need the catalog.
      expect(response.anomalies.filter(a => a.kind === 'service')).toEqual([]);
      expect(response.missing[0]).toMatch(
        /^The catalog gave no teams \(Groups of type team\) or Components at the last cost ingestion/,
      );
    });

    it('names the cost no catalog component claims', async () => {
      const knex = await databases.init(databaseId);
      const store = await CostStore.create(mockServices.database({ knex }));
      await storeHistory(store);
      await store.replaceEntities([
        entity('team', 'checkout'),
        entity('team', 'data'),
        entity('service', 'cart-service', 'group:default/checkout'),
      ]);
      const response = await new CostReport(store).anomalies(
        { from: '2026-11-16', to: '2026-11-29' },
        DEFAULT_ANOMALY_METHOD,
      );
      expect(response.missing[0]).toMatch(
        /^Cost of 2 workload\(s\) matches no catalog Component \(orders-service, warehouse-worker\)/,
      );
    });

    it('defaults to the last two weeks up to the latest stored day', async () => {
      const knex = await databases.init(databaseId);
      const store = await CostStore.create(mockServices.database({ knex }));
      await storeHistory(store);
      const response = await new CostReport(store).anomalies(
        {},
        DEFAULT_ANOMALY_METHOD,
      );
      expect(response.from).toBe('2026-11-16');
      expect(response.to).toBe('2026-11-29');
      expect(response.anomalies.map(a => a.entityRef)).toEqual([
        'component:default/cart-service',
        'group:default/checkout',
      ]);
    });
  },
);
