import { mockServices, TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { FalcoEventStore } from '../database/FalcoEventStore';
import { FalcoIngestor } from '../ingest/FalcoIngestor';
import { MappableComponent } from '../mapping/ComponentMapping';
import { MappingCache } from '../mapping/MappingCache';
import { DemoEventFeeder } from './DemoEventFeeder';

const checkout: MappableComponent = {
  entityRef: 'component:default/checkout-service',
  kubernetesId: 'checkout-service',
  namespace: 'checkout',
  containerImages: [],
};

jest.setTimeout(60_000);

const databaseIds: TestDatabaseId[] = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['SQLITE_3', 'POSTGRES_15']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids: databaseIds });

describe('DemoEventFeeder', () => {
  it('waits for the catalog, then sends 14 days of events once per hour', async () => {
    let catalog: MappableComponent[] = [];
    const mapping = new MappingCache(async () => catalog);
    const ingest = jest.fn(async (body: unknown) => ({
      accepted: (body as unknown[]).length,
      duplicates: 0,
      rejected: 0,
      expired: 0,
      results: (body as unknown[]).map((_, index) => ({ index, status: 'accepted' })),
    }));
    let now = new Date('2026-11-27T10:05:00Z');
    const feeder = new DemoEventFeeder({
      ingestor: { ingest } as unknown as FalcoIngestor,
      firstSeen: async refs => new Map(refs.map(ref => [ref, new Date('2026-11-27T10:05:00Z')])),
      mapping,
      maxBatchSize: 1000,
      logger: mockServices.logger.mock(),
      clock: () => now,
    });

    expect(await feeder.feed()).toEqual({ accepted: 0, duplicates: 0 });
    expect(ingest).not.toHaveBeenCalled();

    catalog = [checkout];
    const first = await feeder.feed();
    expect(first.accepted).toBeGreaterThan(0);
    const sent = ingest.mock.calls.flatMap(([body]) => body as Array<{ time: string; output_fields: Record<string, unknown> }>);
    const times = sent.map(e => Date.parse(e.time));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2026-11-13T11:00:00Z'));
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(sent.some(e => e.output_fields['k8s.ns.name'] === 'checkout')).toBe(true);

    ingest.mockClear();
    now = new Date('2026-11-27T10:45:00Z');
    await feeder.feed();
    expect(ingest).not.toHaveBeenCalled();
    now = new Date('2026-11-27T11:01:00Z');
    await feeder.feed();
    expect(ingest).toHaveBeenCalled();
  });
});

describe.each(databaseIds)('DemoEventFeeder on %s', databaseId => {
  it('invents no events from before a component created after the demo began', async () => {
    const knex = await databases.init(databaseId);
    const store = await FalcoEventStore.create(mockServices.database({ knex }));
    let catalog: MappableComponent[] = [checkout];
    const mapping = new MappingCache(async () => catalog);
    let now = new Date('2026-11-20T10:05:00Z');
    const feeder = new DemoEventFeeder({
      ingestor: new FalcoIngestor({
        store,
        mapping,
        maxBatchSize: 1000,
        eventRetentionMs: 30 * 86_400_000,
        logger: mockServices.logger.mock(),
        clock: () => now,
      }),
      firstSeen: (refs, at) => store.demoFirstSeen(refs, at),
      mapping,
      maxBatchSize: 1000,
      logger: mockServices.logger.mock(),
      clock: () => now,
    });
    await feeder.feed();

    // Created from a template two days later; noisy (a legacy gateway), so it has events.
    const created = new Date('2026-11-22T14:03:00Z');
    const fresh: MappableComponent = {
      entityRef: 'component:default/legacy-new-gateway',
      kubernetesId: 'legacy-new-gateway',
      namespace: 'payments',
      containerImages: [],
    };
    catalog = [checkout, fresh];
    now = created;
    await mapping.reload();
    await feeder.feed();
    now = new Date('2026-11-24T14:30:00Z');
    await feeder.feed();

    const times = async (entityRef: string) =>
      (await store.listAlerts({ entityRef, limit: 500, offset: 0 })).items.map(a => Date.parse(a.time));
    const freshTimes = await times(fresh.entityRef);
    expect(freshTimes.length).toBeGreaterThan(0);
    expect(Math.min(...freshTimes)).toBeGreaterThanOrEqual(created.getTime());
    // The demo organisation keeps its 14 days before the demo began.
    expect(Math.min(...(await times(checkout.entityRef)))).toBeLessThan(Date.parse('2026-11-19T00:00:00Z'));
  });
});
