import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases, databaseIds } from '../__testUtils__/testDatabases';
import { emptyBreakdown } from '@internal/plugin-cost-common';
import { CostStore, StoredEntity } from '../database/CostStore';
import { CostLine } from '../sources/CostSource';
import { CostReport } from './CostReport';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const team = (name: string): StoredEntity => ({
  entityRef: `group:default/${name}`,
  kind: 'team',
  title: name,
  allocationKey: name,
  teamRef: null,
  monthlyBudgetUsd: null,
  unit: null,
});
const service = (name: string, owner: string, unit: string | null): StoredEntity => ({
  entityRef: `component:default/${name}`,
  kind: 'service',
  title: name,
  allocationKey: name,
  teamRef: `group:default/${owner}`,
  monthlyBudgetUsd: null,
  unit,
});
const line = (
  kind: CostLine['kind'],
  teamKey: string,
  serviceKey: string,
  usd: number,
): CostLine => ({
  kind,
  teamKey,
  serviceKey,
  costs: { ...emptyBreakdown(), cpu: usd },
  cpuEfficiency: null,
  ramEfficiency: null,
});

// The week of Monday 2026-11-16 to Sunday 2026-11-22.
const WEEK = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'];
const KUBECOST_MISSING = '2026-11-19';
const PAYMENTS_COUNT_MISSING = '2026-11-21';

/**
 * Every day: checkout-service $30, payments-service $20 (both count orders), search-service
 * $40 (counts requests), idle $6 and unallocated $4: $100 in all. Orders: checkout 100,000,
 * payments 150,000. Kubecost did not deliver the 19th; payments' count of the 21st is missing.
 */
async function storeWeek(store: CostStore) {
  await store.replaceEntities([
    team('checkout'),
    team('payments'),
    team('search'),
    service('checkout-service', 'checkout', 'orders'),
    service('payments-service', 'payments', 'orders'),
    service('search-service', 'search', 'requests'),
  ]);
  const at = new Date('2026-11-23T06:00:00Z');
  for (const day of WEEK) {
    if (day !== KUBECOST_MISSING) {
      await store.replaceDay(
        'kubecost',
        day,
        [
          line('workload', 'checkout', 'checkout-service', 30),
          line('workload', 'payments', 'payments-service', 20),
          line('workload', 'search', 'search-service', 40),
          line('idle', '', '', 6),
          line('unallocated', '', '', 4),
        ],
        false,
        at,
      );
    }
    await store.saveUnits('component:default/checkout-service', day, 100_000);
    if (day !== PAYMENTS_COUNT_MISSING)
      await store.saveUnits('component:default/payments-service', day, 150_000);
    await store.saveUnits('component:default/search-service', day, 9_000_000);
  }
}

describe.each(databaseIds)('cost per 1,000 units on %s', databaseId => {
  it('divides all spend by the declared units over the days with both stored', async () => {
    const knex = await databases.init(databaseId);
    const store = await CostStore.create(mockServices.database({ knex }));
    await storeWeek(store);
    const report = new CostReport(store);

    const week = await report.unitCost({ unit: 'orders', from: WEEK[0], to: WEEK[6] });
    // Five days count: $100 × 5 = $500 over 250,000 × 5 = 1,250,000 orders → $0.40.
    expect(week).toMatchObject({
      unit: 'orders',
      from: '2026-11-16',
      to: '2026-11-22',
      services: ['component:default/checkout-service', 'component:default/payments-service'],
      countedDays: ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-20', '2026-11-22'],
      missingDays: [KUBECOST_MISSING, PAYMENTS_COUNT_MISSING],
      units: 1_250_000,
      costUsd: 500,
      costPerThousandUsd: 0.4,
      teams: [
        { teamRef: 'group:default/checkout', costUsd: 150, costPerThousandUsd: 0.12 },
        { teamRef: 'group:default/payments', costUsd: 100, costPerThousandUsd: 0.08 },
        { teamRef: 'group:default/search', costUsd: 200, costPerThousandUsd: 0.16 },
      ],
    });

    // Another unit divides the same spend by its own counts: $500 / 45,000,000 × 1,000.
    const requests = await report.unitCost({ unit: 'requests', from: WEEK[0], to: WEEK[6] });
    expect(requests.services).toEqual(['component:default/search-service']);
    expect(requests.countedDays).toHaveLength(6);
    expect(requests.units).toBe(54_000_000);
    expect(requests.costUsd).toBe(600);
    expect(requests.costPerThousandUsd).toBeCloseTo(600 / 54_000, 4);
  });

  it('says nothing was counted when no component declares the unit', async () => {
    const knex = await databases.init(databaseId);
    const store = await CostStore.create(mockServices.database({ knex }));
    await storeWeek(store);
    const report = new CostReport(store);

    const week = await report.unitCost({ unit: 'checkouts', from: WEEK[0], to: WEEK[6] });
    expect(week).toMatchObject({
      services: [],
      countedDays: [],
      missingDays: WEEK,
      units: 0,
      costUsd: 0,
      costPerThousandUsd: null,
      teams: [],
    });
  });
});
