import { mockServices } from '@backstage/backend-test-utils';
import {
  createTestDatabases,
  databaseIds,
} from '../__testUtils__/testDatabases';
import { CostStore } from '../database/CostStore';
import { CostIngester } from '../ingest/CostIngester';
import { CostEntity } from '../ingest/readCostEntities';
import { CostReport } from '../service/CostReport';
import { DemoCostSource } from './DemoCostSource';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const team: CostEntity = {
  entityRef: 'group:default/checkout',
  kind: 'team',
  title: 'Checkout',
  allocationKey: 'checkout',
  teamRef: null,
  monthlyBudgetUsd: null,
  unit: null,
  unitQuery: null,
};
const service = (name: string): CostEntity => ({
  entityRef: `component:default/${name}`,
  kind: 'service',
  title: name,
  allocationKey: name,
  teamRef: 'group:default/checkout',
  monthlyBudgetUsd: null,
  unit: 'orders',
  unitQuery: 'sum(increase(orders_total[1d]))',
});

describe.each(databaseIds)('demo cost on %s', databaseId => {
  it('invents no past for a service created after the demo began', async () => {
    const knex = await databases.init(databaseId);
    const store = await CostStore.create(mockServices.database({ knex }));
    let catalog = [team, service('cart-service')];
    let now = new Date('2026-11-20T08:00:00Z');
    const demo = new DemoCostSource({
      entities: () => catalog,
      firstSeen: () => store.firstSeenTimes(),
      now: () => now,
    });
    const ingester = new CostIngester({
      store,
      sources: [demo],
      readEntities: async () => catalog,
      throughput: demo,
      lookbackDays: 30,
      logger: mockServices.logger.mock(),
    });
    await ingester.run(now);

    // A service created from a template on the 21st, seen by the next runs.
    catalog = [...catalog, service('new-service')];
    now = new Date('2026-11-21T15:00:00Z');
    await ingester.run(now);
    now = new Date('2026-11-24T08:00:00Z');
    await ingester.run(now);

    const report = new CostReport(store, { now: () => now });
    const fresh = await report.service('component:default/new-service');
    const costDays = fresh.trend.filter(p => p.totalUsd > 0).map(p => p.day);
    expect(costDays).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
    const units = await store.unitsOf(
      ['component:default/new-service'],
      '2026-10-01',
      '2026-11-30',
    );
    expect(units.map(u => u.day).sort()).toEqual([
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
    ]);

    // The demo organisation keeps its whole history: 30 days back from the 19th, and on.
    const old = await report.service('component:default/cart-service');
    expect(old.trend.every(p => p.totalUsd > 0)).toBe(true);
    expect(old.windows['30d'].daysRead).toBe(30);
  });

  it('gives entities the catalog listed in its first minutes the whole history', async () => {
    const knex = await databases.init(databaseId);
    const store = await CostStore.create(mockServices.database({ knex }));
    const started = new Date('2026-11-20T08:00:00Z');
    await store.replaceEntities([team, service('cart-service')], started);
    // The catalog was still reading examples/ on the first run.
    await store.replaceEntities(
      [team, service('cart-service'), service('late-example')],
      new Date(started.getTime() + 60_000),
    );
    const demo = new DemoCostSource({
      entities: () => [team, service('cart-service'), service('late-example')],
      firstSeen: () => store.firstSeenTimes(),
      now: () => started,
    });
    const [first] = await demo.readDays('2026-10-01', '2026-10-01');
    expect(first.lines.map(l => l.serviceKey)).toEqual(
      expect.arrayContaining(['cart-service', 'late-example']),
    );
    // Every uncharged line: idle, unmounted volumes, and unallocated with an AWS part.
    expect(
      first.lines.filter(l => l.teamKey === null).map(l => l.kind),
    ).toEqual(['idle', 'unmounted', 'unallocated']);
    expect(
      first.lines.find(l => l.kind === 'unallocated')!.costs.cloud,
    ).toBeGreaterThan(0);
  });
});
