import { mockServices, TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { computeSloStatus, SloDefinition } from '@internal/plugin-slo-common';
import { SloStatusStore } from './SloStatusStore';

jest.setTimeout(60_000);

const definition: SloDefinition = {
  entityRef: 'component:default/basket-service',
  name: 'basket-service-availability',
  displayName: 'Availability',
  target: 0.999,
  window: '30d',
  prometheus: 'default',
  indicator: { bad: 'http_requests_total{service="basket-service",code=~"5.."}', total: 'http_requests_total{service="basket-service"}' },
};
const healthy = computeSloStatus({
  target: 0.999,
  window: '30d',
  measured: {
    byWindow: { '5m': 0.0002, '30m': 0.0002, '1h': 0.0002, '2h': 0.0002, '6h': 0.0002, '1d': 0.0002, '3d': 0.0002 },
    wholeWindow: 0.0002,
  },
});

// SQLite always; PostgreSQL 15 when scripts/test.sh has started it.
const databaseIds: TestDatabaseId[] = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['SQLITE_3', 'POSTGRES_15']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids: databaseIds });

describe.each(databaseIds)('SloStatusStore on %s', databaseId => {
  async function createStore() {
    const knex = await databases.init(databaseId);
    return SloStatusStore.create(mockServices.database({ knex }));
  }

  it('keeps the last good status and its time when a later refresh fails', async () => {
    const store = await createStore();
    const measuredAt = new Date('2026-11-27T10:00:00Z');
    await store.saveStatus(definition, healthy, measuredAt);
    await store.saveError(definition, 'Prometheus at http://prometheus:9090 did not answer', new Date('2026-11-27T10:05:00Z'));

    const [stored] = await store.list({ entityRef: definition.entityRef });
    expect(stored.status).toEqual(healthy);
    expect(stored.measuredAt?.toISOString()).toBe(measuredAt.toISOString());
    expect(stored.error).toMatch(/did not answer/);
    expect(stored.errorAt?.toISOString()).toBe('2026-11-27T10:05:00.000Z');

    // The next good refresh clears the error.
    await store.saveStatus(definition, healthy, new Date('2026-11-27T10:10:00Z'));
    const [recovered] = await store.list();
    expect(recovered.error).toBeUndefined();
    expect(recovered.measuredAt?.toISOString()).toBe('2026-11-27T10:10:00.000Z');
  });

  it('has no status for an SLO that has never been measured, only the reason', async () => {
    const store = await createStore();
    await store.saveError(definition, 'No Prometheus named "eu" is configured', new Date());
    const [stored] = await store.list();
    expect(stored.status).toBeUndefined();
    expect(stored.error).toMatch(/No Prometheus/);
  });

  it('forgets SLOs that are no longer defined', async () => {
    const store = await createStore();
    const other = { ...definition, name: 'basket-service-latency' };
    await store.saveStatus(definition, healthy, new Date());
    await store.saveStatus(other, healthy, new Date());
    await store.retainOnly([{ entityRef: definition.entityRef, name: definition.name }]);
    expect((await store.list()).map(s => s.definition.name)).toEqual(['basket-service-availability']);
  });

  it('changes its version whenever a refresh stores a status, an error or a removal', async () => {
    const store = await createStore();
    const versions = [await store.version()];
    await store.inTransaction(async tx => {
      await tx.saveStatus(definition, healthy, new Date('2026-11-27T10:00:00Z'));
    });
    versions.push(await store.version());
    await store.saveStatus(definition, healthy, new Date('2026-11-27T10:05:00Z'));
    versions.push(await store.version());
    await store.saveError(definition, 'Prometheus did not answer', new Date('2026-11-27T10:10:00Z'));
    versions.push(await store.version());
    await store.retainOnly([]);
    versions.push(await store.version());
    for (let i = 1; i < versions.length; i++) expect(versions[i]).not.toBe(versions[i - 1]);
    expect(await store.version()).toBe(versions[versions.length - 1]);
  });
});
