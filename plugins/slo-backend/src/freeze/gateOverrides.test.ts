import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { GateOverride, GateOverrideListResponse } from '@internal/plugin-slo-common';
import request from 'supertest';
import { burning, startFreezeBackend } from '../__testUtils__/freezeBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const ci = mockCredentials.service.header();
const user = mockCredentials.user.header('user:default/alex.rivera');

describe('emergency overrides of the deploy gate', () => {
  it('stores each override with what the gate said at that moment, and lists them newest first', async () => {
    const { server, refresher, measured } = await startFreezeBackend({ databases, services: ['cart', 'search'] });
    const record = (name: string, body: object) =>
      request(server).post(`/api/slo/gate/default/${name}/overrides`).set('Authorization', ci).send(body);

    measured.set('cart', burning(9));
    measured.set('search', burning(1));
    await refresher.refresh();
    const frozenGate = await request(server).get('/api/slo/gate/default/cart').set('Authorization', ci);
    expect(frozenGate.body.decision).toBe('frozen');

    const first = await record('cart', {
      reason: '  Rollback of the broken checkout release ',
      actor: 'sam.okafor',
      runUrl: 'https://github.com/harbor-market/cart/actions/runs/4711',
      commit: '9f1c2d3e4b5a69788f1c2d3e4b5a69788f1c2d3e',
    });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      entityRef: 'component:default/cart',
      reason: 'Rollback of the broken checkout release',
      actor: 'sam.okafor',
      runUrl: 'https://github.com/harbor-market/cart/actions/runs/4711',
      commit: '9f1c2d3e4b5a69788f1c2d3e4b5a69788f1c2d3e',
      decision: 'frozen',
      decisionReason: frozenGate.body.reason,
      // mockCredentials.service(): the static token's subject in production.
      recordedBy: 'external:test-service',
      createdAt: expect.any(String),
    });

    // The service recovers; a later override records "allowed", blank optionals as null.
    measured.set('cart', burning(1));
    await refresher.refresh();
    const second = await record('cart', { reason: 'Config hotfix', actor: '', commit: '' });
    expect(second.body).toMatchObject({ decision: 'allowed', actor: null, runUrl: null, commit: null });
    expect(second.body.decisionReason).toMatch(/^no deploy freeze/);
    // A component the portal measures no SLO for: unknown. Recorded by a person, like the gate allows.
    const third = await request(server).post('/api/slo/gate/default/payments/overrides').set('Authorization', user).send({ reason: 'Security patch' });
    expect(third.body).toMatchObject({ entityRef: 'component:default/payments', decision: 'unknown', recordedBy: 'user:default/alex.rivera' });
    expect(third.body.decisionReason).toMatch(/has no SLO the portal measures/);

    // Signed-in users read the record, newest first.
    const list = await request(server).get('/api/slo/overrides').set('Authorization', user);
    expect(list.status).toBe(200);
    const body = list.body as GateOverrideListResponse;
    expect(body.items.map((o: GateOverride) => o.id)).toEqual([third.body.id, second.body.id, first.body.id]);
    expect(body.items[2]).toEqual(first.body);
    expect(new Date(body.to).getTime() - new Date(body.from).getTime()).toBe(7 * 86_400_000);
    // Services (the weekly review) too.
    expect((await request(server).get('/api/slo/overrides').set('Authorization', ci)).body.items).toHaveLength(3);
    // One service's, for its freeze banner.
    const cartOnly = await request(server).get('/api/slo/overrides?entityRef=Component:default/cart').set('Authorization', user);
    expect(cartOnly.body.items.map((o: GateOverride) => o.id)).toEqual([second.body.id, first.body.id]);
    const badRef = await request(server).get('/api/slo/overrides?entityRef=:').set('Authorization', user);
    expect(badRef.status).toBe(400);
  });

  it('lists only overrides with from ≤ createdAt < to', async () => {
    const { server, knex } = await startFreezeBackend({ databases, services: ['cart'] });
    const created = await request(server).post('/api/slo/gate/default/cart/overrides').set('Authorization', ci).send({ reason: 'Hotfix' });
    await knex('slo_gate_overrides').update({ created_at: new Date('2026-11-20T10:00:00Z') });
    const list = (query: string) =>
      request(server).get(`/api/slo/overrides?${query}`).set('Authorization', user).then(r => r.body.items.map((o: GateOverride) => o.id));
    expect(await list('from=2026-11-20T10:00:00Z&to=2026-11-21T00:00:00Z')).toEqual([created.body.id]);
    expect(await list('from=2026-11-19T00:00:00Z&to=2026-11-20T10:00:00Z')).toEqual([]);
    // The default window is the last 7 days.
    expect(await list('')).toEqual([]);
    const bad = await request(server).get('/api/slo/overrides?from=last-week').set('Authorization', user);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^from "last-week" is not a time; use ISO 8601/);
  });

  it('answers 401 without credentials or with a token it does not know', async () => {
    const { server } = await startFreezeBackend({ databases, services: ['cart'] });
    const body = { reason: 'Hotfix' };
    expect((await request(server).post('/api/slo/gate/default/cart/overrides').send(body)).status).toBe(401);
    expect(
      (await request(server).post('/api/slo/gate/default/cart/overrides').set('Authorization', 'Bearer not-a-token').send(body)).status,
    ).toBe(401);
    expect((await request(server).get('/api/slo/overrides')).status).toBe(401);
    expect((await request(server).get('/api/slo/overrides').set('Authorization', 'Bearer not-a-token')).status).toBe(401);
  });

  it('rejects an override it cannot record with 400, naming the field and the fix, and stores nothing', async () => {
    const { server, knex } = await startFreezeBackend({ databases, services: ['cart'] });
    const post = async (body: unknown) => {
      const res = await request(server).post('/api/slo/gate/default/cart/overrides').set('Authorization', ci).send(body as object);
      expect(res.status).toBe(400);
      return res.body.error.message as string;
    };
    expect(await post({})).toMatch(/^reason is required: say why production must deploy/);
    expect(await post({ reason: '   ' })).toMatch(/^reason is empty/);
    expect(await post({ reason: 'x'.repeat(501) })).toMatch(/^reason is longer than 500 characters/);
    expect(await post({ reason: 'Hotfix', runUrl: 'ftp://ci.example/run/1' })).toMatch(/^runUrl must be an http\(s\) URL/);
    expect(await post({ reason: 'Hotfix', runUrl: 'not a url' })).toMatch(/^runUrl must be an http\(s\) URL/);
    expect(await post({ reason: 'Hotfix', actor: 42 })).toMatch(/^actor must be a string/);
    expect(await post([])).toMatch(/^the body must be a JSON object/);
    expect(await knex('slo_gate_overrides').count({ n: '*' })).toEqual([{ n: 0 }]);
    // 500 characters is still fine.
    const longest = await request(server).post('/api/slo/gate/default/cart/overrides').set('Authorization', ci).send({ reason: 'x'.repeat(500) });
    expect(longest.status).toBe(201);
  });
});
