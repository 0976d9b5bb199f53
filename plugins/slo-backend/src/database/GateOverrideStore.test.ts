import { mockServices, TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { SloStatusStore } from './SloStatusStore';

jest.setTimeout(60_000);

const databaseIds: TestDatabaseId[] = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['SQLITE_3', 'POSTGRES_15']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids: databaseIds });

describe.each(databaseIds)('GateOverrideStore on %s', databaseId => {
  async function createStore() {
    const knex = await databases.init(databaseId);
    return (await SloStatusStore.create(mockServices.database({ knex }))).gateOverrides();
  }
  const at = (hour: number) => new Date(Date.UTC(2026, 10, 27, hour));
  const override = (entityRef: string, hour: number) => ({
    entityRef,
    reason: `Hotfix at ${hour}h`,
    actor: 'sam.okafor',
    runUrl: `https://github.com/harbor-market/cart/actions/runs/${hour}`,
    commit: null,
    decision: 'frozen' as const,
    decisionReason: 'deploy freeze since 2026-11-27T08:00:00.000Z',
    recordedBy: 'ci-deploy-gate',
    now: at(hour),
  });

  it('keeps every field and lists from ≤ createdAt < to, newest first', async () => {
    const store = await createStore();
    const { now, ...fields } = override('component:default/cart', 10);
    const stored = await store.add({ ...fields, now });
    expect(stored).toEqual({ ...fields, id: expect.any(String), createdAt: at(10).toISOString() });
    await store.add(override('component:default/search', 12));
    await store.add(override('component:default/cart', 11));

    expect((await store.list(at(0), at(24))).map(o => o.createdAt)).toEqual([12, 11, 10].map(h => at(h).toISOString()));
    expect((await store.list(at(10), at(12))).map(o => o.createdAt)).toEqual([11, 10].map(h => at(h).toISOString()));
    expect((await store.list(at(0), at(24)))[2]).toEqual(stored);
  });
});
