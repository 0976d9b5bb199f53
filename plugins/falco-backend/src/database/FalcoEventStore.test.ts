import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { emptyPriorityCounts } from '@internal/plugin-falco-common';
import { sidekickEvent } from '../__testUtils__/falcoFixtures';
import { validateFalcoEvents } from '../ingest/validateFalcoEvents';
import { ComponentMapping } from '../mapping/ComponentMapping';
import { FalcoEventStore, MappedFalcoEvent } from './FalcoEventStore';

jest.setTimeout(60_000);

// SQLite always; PostgreSQL 15 when scripts/postgres.sh has been sourced.
const databaseIds: TestDatabaseId[] = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['SQLITE_3', 'POSTGRES_15']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids: databaseIds });

const checkout = new ComponentMapping([
  { entityRef: 'component:default/checkout-service', kubernetesId: 'checkout-service', namespace: 'checkout', containerImages: [] },
]);

function events(raw: unknown[], mapping = new ComponentMapping([])): MappedFalcoEvent[] {
  return validateFalcoEvents(raw, { maxBatchSize: 1000 }).map(item => {
    if ('problem' in item) throw new Error(item.problem);
    return { ...item.event, mapping: mapping.map(item.event) };
  });
}

const statuses = (outcomes: Array<{ status: string }>) => outcomes.map(o => o.status);

describe.each(databaseIds)('FalcoEventStore on %s', databaseId => {
  async function createStore() {
    const knex = await databases.init(databaseId);
    return FalcoEventStore.create(mockServices.database({ knex }));
  }

  it('stores an event once however often it is delivered, and counts it once', async () => {
    const store = await createStore();
    const raw = [
      sidekickEvent({ namespace: 'checkout', pod: 'checkout-service-abc-12345', priority: 'Critical', time: '2026-11-20T10:00:00.000000001Z' }),
      sidekickEvent({ namespace: 'checkout', pod: 'checkout-service-abc-12345', priority: 'Warning', time: '2026-11-20T11:00:00Z' }),
    ];
    expect(statuses(await store.insert(events(raw, checkout), new Date()))).toEqual(['accepted', 'accepted']);
    // Falcosidekick retries with the same uuid; a batch may also repeat an event.
    expect(statuses(await store.insert(events([raw[0], raw[0], raw[1]], checkout), new Date()))).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
    const fresh = sidekickEvent({ namespace: 'checkout', pod: 'checkout-service-abc-12345', time: '2026-11-20T12:00:00Z' });
    expect(statuses(await store.insert(events([fresh, fresh], checkout), new Date()))).toEqual(['accepted', 'duplicate']);

    const { items, totalCount } = await store.listAlerts({ entityRef: 'component:default/checkout-service', limit: 10, offset: 0 });
    expect(totalCount).toBe(3);
    expect(items.map(i => i.priority)).toEqual(['notice', 'warning', 'critical']);
    expect(items[2].time).toBe('2026-11-20T10:00:00.000000001Z');
    expect(await store.countsByPriority('2026-11-01', 'component:default/checkout-service')).toEqual({
      ...emptyPriorityCounts(),
      critical: 1,
      warning: 1,
      notice: 1,
    });
  });

  it('keeps unmapped events and moves them, with their counts, once a component claims them', async () => {
    const store = await createStore();
    await store.insert(
      events([
        sidekickEvent({ namespace: 'checkout', pod: 'checkout-service-abc-1', priority: 'Error', time: '2026-11-21T10:00:00Z' }),
        sidekickEvent({ namespace: 'kube-system', pod: 'coredns-1', priority: 'Notice', time: '2026-11-21T10:00:00Z' }),
      ]),
      new Date(),
    );
    expect((await store.listAlerts({ entityRef: null, limit: 10, offset: 0 })).totalCount).toBe(2);
    expect((await store.countsByPriority('2026-11-01', null)).error).toBe(1);

    expect(await store.remapUnmapped(checkout, new Date('2026-11-01T00:00:00Z'))).toBe(1);
    const unmapped = await store.listAlerts({ entityRef: null, limit: 10, offset: 0 });
    expect(unmapped.items.map(i => i.namespace)).toEqual(['kube-system']);
    expect(await store.countsByPriority('2026-11-01', null)).toEqual({ ...emptyPriorityCounts(), notice: 1 });
    expect(await store.countsByPriority('2026-11-01', 'component:default/checkout-service')).toEqual({
      ...emptyPriorityCounts(),
      error: 1,
    });
    const [moved] = (await store.listAlerts({ entityRef: 'component:default/checkout-service', limit: 1, offset: 0 })).items;
    expect(moved.mappedBy).toBe('pod-name');
    // A second pass finds nothing more to move.
    expect(await store.remapUnmapped(checkout, new Date('2026-11-01T00:00:00Z'))).toBe(0);
  });

  it('filters by priority, rule and time, and pages newest first', async () => {
    const store = await createStore();
    const raw = Array.from({ length: 25 }, (_, i) =>
      sidekickEvent({
        namespace: 'checkout',
        pod: 'checkout-service-abc-1',
        priority: i % 5 === 0 ? 'Critical' : 'Notice',
        rule: i % 2 === 0 ? 'Terminal shell in container' : 'Write below etc',
        time: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      }),
    );
    await store.insert(events(raw, checkout), new Date());
    const entityRef = 'component:default/checkout-service';

    const page2 = await store.listAlerts({ entityRef, limit: 10, offset: 10 });
    expect(page2.totalCount).toBe(25);
    expect(page2.items[0].time).toBe(new Date(Date.UTC(2026, 10, 1, 0, 14)).toISOString());

    const critical = await store.listAlerts({ entityRef, priorities: ['critical'], limit: 50, offset: 0 });
    expect(critical.totalCount).toBe(5); // minutes 0, 5, 10, 15, 20
    const shells = await store.listAlerts({ entityRef, rule: 'Terminal shell in container', limit: 50, offset: 0 });
    expect(shells.totalCount).toBe(13); // even minutes 0..24
    const lastFive = await store.listAlerts({ entityRef, since: new Date(Date.UTC(2026, 10, 1, 0, 20)), limit: 50, offset: 0 });
    expect(lastFive.totalCount).toBe(5);
    expect(await store.distinctRules(entityRef)).toEqual(['Terminal shell in container', 'Write below etc']);

    const [top] = await store.topRules(new Date('2026-11-01T00:00:00Z'), 5);
    expect(top).toEqual({ rule: 'Terminal shell in container', count: 13, highestPriority: 'critical' });
  });

  it('deletes events past retention but keeps their daily counts until those expire', async () => {
    const store = await createStore();
    await store.insert(
      events(
        [
          sidekickEvent({ namespace: 'checkout', pod: 'checkout-service-a-1', priority: 'Critical', time: '2026-09-01T10:00:00Z' }),
          sidekickEvent({ namespace: 'checkout', pod: 'checkout-service-a-1', priority: 'Critical', time: '2026-11-20T10:00:00Z' }),
        ],
        checkout,
      ),
      new Date(),
    );
    expect(await store.deleteOld({ eventsBefore: new Date('2026-10-28T00:00:00Z'), countsBeforeDay: '2025-10-01' })).toEqual({
      events: 1,
      counts: 0,
    });
    expect((await store.listAlerts({ limit: 10, offset: 0 })).totalCount).toBe(1);
    expect((await store.countsByPriority('2026-01-01')).critical).toBe(2);
    expect((await store.deleteOld({ eventsBefore: new Date(0), countsBeforeDay: '2026-10-01' })).counts).toBe(1);
  });

  it('rejects only the row the database refuses, and stores and counts its neighbours', async () => {
    const store = await createStore();
    const [before, broken, after] = events(
      [0, 1, 2].map(i => sidekickEvent({ namespace: 'checkout', pod: `checkout-service-a-${i}`, priority: 'Error', time: '2026-11-22T10:00:00Z' })),
      checkout,
    );
    // Validation never lets such an event through; here it stands for any row a database refuses.
    broken.timeAt = new Date(Number.NaN);
    const outcomes = await store.insert([before, broken, after], new Date());
    expect(outcomes).toEqual([
      { status: 'accepted' },
      { status: 'rejected', reason: expect.stringMatching(/^the database refused it: /) },
      { status: 'accepted' },
    ]);
    expect((await store.listAlerts({ limit: 10, offset: 0 })).totalCount).toBe(2);
    expect((await store.countsByPriority('2026-11-01')).error).toBe(2);
    // Sent again, the stored ones are duplicates.
    expect(statuses(await store.insert([before, after], new Date()))).toEqual(['duplicate', 'duplicate']);
  });

  it('counts every event once when many batches arrive at the same time', async () => {
    const store = await createStore();
    const batches = Array.from({ length: 24 }, (_, b) =>
      events(
        Array.from({ length: 25 }, (__, i) =>
          sidekickEvent({ namespace: 'checkout', pod: `checkout-service-${b}-${i}`, priority: i % 5 ? 'Notice' : 'Critical', time: '2026-11-23T10:00:00Z' }),
        ),
        checkout,
      ),
    );
    const outcomes = await Promise.all(batches.map(batch => store.insert(batch, new Date())));
    expect(outcomes.flat().every(o => o.status === 'accepted')).toBe(true);
    expect(await store.countsByPriority('2026-11-23', 'component:default/checkout-service')).toEqual({
      ...emptyPriorityCounts(),
      notice: 24 * 20,
      critical: 24 * 5,
    });
    expect(await store.dailyTrend('2026-11-23')).toEqual([
      { day: '2026-11-23', counts: { ...emptyPriorityCounts(), notice: 480, critical: 120 } },
    ]);
  });

  it('stores and counts a batch of 1,000 events over 25 days and 20 services (1,000 count rows)', async () => {
    const store = await createStore();
    const services = Array.from({ length: 20 }, (_, i) => `svc-${i}`);
    const mapping = new ComponentMapping(
      services.map(id => ({ entityRef: `component:default/${id}`, kubernetesId: id, namespace: id, containerImages: [] })),
    );
    const raw = services.flatMap(id =>
      Array.from({ length: 25 }, (_, d) =>
        ['Critical', 'Notice'].map(priority =>
          sidekickEvent({ namespace: id, pod: `${id}-7d9f-abcde`, priority, time: `2026-11-${String(d + 1).padStart(2, '0')}T10:00:00Z` }),
        ),
      ).flat(),
    );
    expect(raw).toHaveLength(1000);
    const outcomes = await store.insert(events(raw, mapping), new Date());
    expect(outcomes.filter(o => o.status === 'accepted')).toHaveLength(1000);
    expect(await store.countsByPriority('2026-11-01', 'component:default/svc-7')).toEqual({
      ...emptyPriorityCounts(),
      critical: 25,
      notice: 25,
    });
  });

  it('keeps the events and counts of the first schema when it upgrades', async () => {
    const knex = await databases.init(databaseId);
    const directory = resolvePackagePath('@internal/plugin-falco-backend', 'migrations');
    await knex.migrate.up({ directory, name: '20261127_falco_events.js' });
    const [old] = events([sidekickEvent({ namespace: 'checkout', pod: 'checkout-service-a-1', priority: 'Critical', time: '2026-11-24T10:00:00Z' })], checkout);
    await knex('falco_events').insert({
      event_key: old.key, time: old.time, time_at: old.timeAt, day: old.day, rule: old.rule, priority: old.priority,
      priority_rank: 2, output: old.output, source: old.source, hostname: old.hostname, tags: '[]',
      output_fields: JSON.stringify(old.outputFields), namespace: old.namespace, pod: old.pod,
      container_image: old.containerImage, entity_ref: 'component:default/checkout-service', mapped_by: 'pod-name', received_at: new Date(),
    });
    await knex('falco_daily_counts').insert({ day: old.day, entity_ref: 'component:default/checkout-service', priority: 'critical', count: 1 });

    const store = await FalcoEventStore.create(mockServices.database({ knex }));
    expect(statuses(await store.insert([old], new Date()))).toEqual(['duplicate']);
    const longHost = { ...events([sidekickEvent({ namespace: 'checkout', pod: 'checkout-service-a-2', priority: 'Critical', time: '2026-11-24T11:00:00Z' })], checkout)[0], hostname: 'h'.repeat(300) };
    expect(statuses(await store.insert([longHost], new Date()))).toEqual(['accepted']);
    expect((await store.countsByPriority('2026-11-24', 'component:default/checkout-service')).critical).toBe(2);
  });
});
