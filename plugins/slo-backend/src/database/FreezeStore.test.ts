import { mockServices, TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { DEFAULT_FREEZE_POLICY, evaluateFreeze } from '@internal/plugin-slo-common';
import { burning } from '../__testUtils__/freezeBackend';
import { SloStatusStore } from './SloStatusStore';

jest.setTimeout(60_000);

const databaseIds: TestDatabaseId[] = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['SQLITE_3', 'POSTGRES_15']
  : ['SQLITE_3'];
const databases = TestDatabases.create({ ids: databaseIds });

describe.each(databaseIds)('FreezeStore on %s', databaseId => {
  async function createStore() {
    const knex = await databases.init(databaseId);
    return (await SloStatusStore.create(mockServices.database({ knex }))).freezes();
  }
  const at = (hour: number) => new Date(Date.UTC(2026, 10, 27, hour));
  const evaluate = (burn: number, previous: any, hour: number) =>
    evaluateFreeze({ policy: DEFAULT_FREEZE_POLICY, status: burning(burn), previous, now: at(hour) });

  it('keeps state, its start and the history of transitions for the weekly review', async () => {
    const store = await createStore();
    expect(await store.recordedSince()).toBeNull();
    const started = evaluate(8, null, 10);
    await store.save('component:default/cart', 'availability', started, at(10));
    const states = await store.states();
    expect(states.get('component:default/cart\u0000availability')).toEqual({
      frozen: true,
      since: at(10).toISOString(),
      reason: started.reason,
    });
    await store.save('component:default/cart', 'availability', evaluate(5, states.get('component:default/cart\u0000availability'), 11), at(11));
    await store.save('component:default/cart', 'availability', evaluate(1, { frozen: true, since: at(10).toISOString(), reason: 'x' }, 12), at(12));

    expect((await store.list())[0]).toMatchObject({ frozen: false, since: null, measuredAt: at(12).toISOString() });
    // History begins at the first evaluation, however often the state is saved again.
    await store.save('component:default/search', 'latency', evaluate(1, null, 11), at(11));
    expect(await store.recordedSince()).toBe(at(10).toISOString());
    expect((await store.transitions(at(0), at(24))).map(t => [t.kind, t.at])).toEqual([
      ['started', at(10).toISOString()],
      ['ended', at(12).toISOString()],
    ]);
    // from is inclusive, to exclusive.
    expect(await store.transitions(at(10), at(12))).toHaveLength(1);

    await store.retainOnly([]);
    expect(await store.list()).toEqual([]);
    expect(await store.transitions(at(0), at(24))).toHaveLength(2);
  });

  it('lists active exemptions only: not expired, not removed', async () => {
    const store = await createStore();
    const now = at(10);
    const first = await store.addExemption({ entityRef: 'component:default/cart', reason: 'Hotfix', expiresAt: at(12), createdBy: 'user:default/priya.nair', now });
    await store.addExemption({ entityRef: 'component:default/search', reason: 'Migration', expiresAt: at(11), createdBy: 'user:default/priya.nair', now });
    expect(first).toMatchObject({ entityRef: 'component:default/cart', expiresAt: at(12).toISOString(), createdAt: now.toISOString() });
    expect((await store.activeExemptions(at(10))).map(e => e.entityRef).sort()).toEqual(['component:default/cart', 'component:default/search']);
    expect((await store.activeExemptions(at(11))).map(e => e.entityRef)).toEqual(['component:default/cart']);
    expect(await store.removeExemption(first.id, 'user:default/priya.nair', at(10))).toBe(true);
    expect(await store.removeExemption(first.id, 'user:default/priya.nair', at(10))).toBe(false);
    expect(await store.activeExemptions(at(10), 'component:default/cart')).toEqual([]);
  });
});
