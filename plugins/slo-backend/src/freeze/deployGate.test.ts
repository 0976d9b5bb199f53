import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { GateResponse } from '@internal/plugin-slo-common';
import request from 'supertest';
import { burning, startFreezeBackend } from '../__testUtils__/freezeBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const service = mockCredentials.service.header();
const platformUser = mockCredentials.user.header('user:default/priya.nair');

describe('the deploy gate and the error-budget policy', () => {
  it('goes allowed → frozen → exempted → allowed again as the stored burn changes', async () => {
    const { server, refresher, measured } = await startFreezeBackend({ databases, services: ['checkout-service'] });
    const gate = async () => {
      const res = await request(server).get('/api/slo/gate/default/checkout-service').set('Authorization', service);
      expect(res.status).toBe(200);
      return res.body as GateResponse;
    };

    measured.set('checkout-service', burning(1));
    await refresher.refresh();
    const allowed = await gate();
    expect(allowed).toMatchObject({ entityRef: 'component:default/checkout-service', decision: 'allowed', frozenSince: null });
    expect(allowed.reason).toBe('no deploy freeze: the highest burn is 1× over 6h and 1× over 30m (freeze at 6×)');
    expect(allowed.burn).toMatchObject({ sloName: 'availability', threshold: 6, longWindow: '6h', shortWindow: '30m' });

    const frozenAt = new Date();
    measured.set('checkout-service', burning(7.5));
    const summary = await refresher.refresh(frozenAt);
    expect(summary).toMatchObject({ freezesStarted: 1, freezesEnded: 0 });
    const frozen = await gate();
    expect(frozen).toMatchObject({ decision: 'frozen', frozenSince: frozenAt.toISOString() });
    expect(frozen.reason).toBe(
      `deploy freeze since ${frozenAt.toISOString()}: SLO availability burning 7.5× over 6h and 7.5× over 30m (freeze at 6×) (error-budget policy)`,
    );
    expect(frozen.burn?.long).toBeCloseTo(7.5, 9);

    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const created = await request(server)
      .post('/api/slo/freezes/exemptions')
      .set('Authorization', platformUser)
      .send({ entityRef: 'component:default/checkout-service', reason: 'Hotfix for the payment outage', expiresAt });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ createdBy: 'user:default/priya.nair', expiresAt });
    const exempted = await gate();
    expect(exempted).toMatchObject({ decision: 'allowed', frozenSince: frozenAt.toISOString(), exemption: { id: created.body.id } });
    expect(exempted.reason).toMatch(/^frozen since .*, but exempted until .* by user:default\/priya\.nair: Hotfix for the payment outage$/);

    // Removing the exemption freezes it again; the freeze keeps its start.
    const removed = await request(server).delete(`/api/slo/freezes/exemptions/${created.body.id}`).set('Authorization', platformUser);
    expect(removed.status).toBe(204);
    expect(await gate()).toMatchObject({ decision: 'frozen', frozenSince: frozenAt.toISOString() });

    // 5× is below the threshold but above 4.8×: still frozen (hysteresis).
    measured.set('checkout-service', burning(5));
    await refresher.refresh();
    expect((await gate()).decision).toBe('frozen');

    measured.set('checkout-service', burning(2));
    expect(await refresher.refresh()).toMatchObject({ freezesEnded: 1 });
    expect(await gate()).toMatchObject({ decision: 'allowed', frozenSince: null });

    const freezes = await request(server).get('/api/slo/freezes').set('Authorization', platformUser);
    expect(freezes.body.items).toEqual([
      expect.objectContaining({ entityRef: 'component:default/checkout-service', frozen: false, exemption: null }),
    ]);
    expect(freezes.body.transitions.map((t: any) => [t.kind, t.sloName])).toEqual([
      ['started', 'availability'],
      ['ended', 'availability'],
    ]);
    expect(freezes.body.transitions[0].at).toBe(frozenAt.toISOString());
  });

  it('freezes a budget spent to zero within float noise, and the gate says frozen', async () => {
    const { server, refresher, measured } = await startFreezeBackend({ databases, services: ['checkout-service'] });
    // Burning calmly (1×), but the 30 days have spent all but 2e-13 of the budget.
    measured.set('checkout-service', burning(1, 1 - 2e-13));
    const at = new Date();
    expect(await refresher.refresh(at)).toMatchObject({ freezesStarted: 1 });
    const res = await request(server).get('/api/slo/gate/default/checkout-service').set('Authorization', service);
    expect(res.body).toMatchObject({ decision: 'frozen', frozenSince: at.toISOString() });
    expect(res.body.reason).toMatch(/error budget exhausted/);
    expect(res.body.burn).toMatchObject({ budgetRemaining: 0, budgetExhausted: true });
  });

  it('never answers allowed without current figures: no SLO, never measured, failed refresh, no traffic', async () => {
    const { server, refresher, measured } = await startFreezeBackend({ databases, services: ['cart', 'search', 'quiet'] });
    const gate = (name: string) =>
      request(server).get(`/api/slo/gate/default/${name}`).set('Authorization', service).then(r => r.body as GateResponse);

    expect(await gate('cart')).toMatchObject({ decision: 'unknown', reason: expect.stringMatching(/has no SLO the portal measures/) });
    measured.set('cart', burning(1));
    measured.set('search', 'Prometheus at http://prometheus:9090 did not answer');
    measured.set('quiet', burning(Number.NaN));
    await refresher.refresh();
    expect((await gate('cart')).decision).toBe('allowed');
    expect(await gate('search')).toMatchObject({ decision: 'unknown', reason: expect.stringMatching(/not been measured yet \(Prometheus .* did not answer\)/) });
    expect(await gate('quiet')).toMatchObject({ decision: 'unknown', reason: expect.stringMatching(/had no traffic/) });
    expect(await gate('not-a-service')).toMatchObject({ decision: 'unknown' });

    // Prometheus goes down after a good measurement: the last good figures are not enough.
    measured.set('cart', 'Prometheus timed out');
    await refresher.refresh();
    expect(await gate('cart')).toMatchObject({ decision: 'unknown', reason: 'SLO availability could not be measured at the last refresh: Prometheus timed out' });
  });

  it('keeps a freeze through a failed refresh: frozen stays frozen', async () => {
    const { server, refresher, measured } = await startFreezeBackend({ databases, services: ['cart'] });
    measured.set('cart', burning(1, 1.2)); // budget exhausted
    await refresher.refresh();
    measured.set('cart', 'Prometheus timed out');
    await refresher.refresh();
    const res = await request(server).get('/api/slo/gate/default/cart').set('Authorization', service);
    expect(res.body).toMatchObject({ decision: 'frozen', reason: expect.stringMatching(/error budget exhausted/) });
  });

  it('answers 401 without credentials or with a token it does not know', async () => {
    const { server } = await startFreezeBackend({ databases, services: ['cart'] });
    expect((await request(server).get('/api/slo/gate/default/cart')).status).toBe(401);
    expect((await request(server).get('/api/slo/gate/default/cart').set('Authorization', 'Bearer not-a-token')).status).toBe(401);
    expect((await request(server).get('/api/slo/freezes')).status).toBe(401);
  });

  it('lets only holders of slo.freeze.exempt create or remove exemptions', async () => {
    const { server } = await startFreezeBackend({ databases, services: ['cart'], permission: AuthorizeResult.DENY });
    const body = { entityRef: 'component:default/cart', reason: 'Release the fix', expiresAt: new Date(Date.now() + 60_000).toISOString() };
    const denied = await request(server).post('/api/slo/freezes/exemptions').set('Authorization', platformUser).send(body);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/slo\.freeze\.exempt/);
    expect((await request(server).delete('/api/slo/freezes/exemptions/1').set('Authorization', platformUser)).status).toBe(403);
    // A service token cannot create one either: an exemption is a person's decision.
    expect((await request(server).post('/api/slo/freezes/exemptions').set('Authorization', service).send(body)).status).toBe(403);
  });

  it('honours expiry and rejects exemptions it cannot record, naming the field', async () => {
    const { server, refresher, measured, knex } = await startFreezeBackend({ databases, services: ['cart'] });
    measured.set('cart', burning(9));
    await refresher.refresh();
    const post = (body: object) => request(server).post('/api/slo/freezes/exemptions').set('Authorization', platformUser).send(body);
    const soon = new Date(Date.now() + 60_000).toISOString();
    expect((await post({ entityRef: 'component:default/cart', reason: 'Fix', expiresAt: soon })).body.error.message).toMatch(/^reason is required/);
    expect((await post({ entityRef: 'component:default/cart', reason: 'Release the fix', expiresAt: 'tomorrow' })).body.error.message).toMatch(/^expiresAt "tomorrow" is not a time/);
    expect((await post({ entityRef: 'component:default/cart', reason: 'Release the fix', expiresAt: '2020-01-01T00:00:00Z' })).body.error.message).toMatch(/^expiresAt must be in the future/);
    expect((await post({ entityRef: 'component:default/cart', reason: 'Release the fix', expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() })).status).toBe(400);

    const created = await post({ entityRef: 'cart', reason: 'Release the fix', expiresAt: soon });
    expect(created.body.entityRef).toBe('component:default/cart');
    const gate = () => request(server).get('/api/slo/gate/default/cart').set('Authorization', service).then(r => r.body);
    expect((await gate()).decision).toBe('allowed');
    // The exemption's end passes (moved into the past rather than waiting for it).
    await knex('slo_freeze_exemptions').update({ expires_at: new Date(Date.now() - 1000) });
    expect((await gate()).decision).toBe('frozen');
    const freezes = await request(server).get('/api/slo/freezes').set('Authorization', platformUser);
    expect(freezes.body.items[0]).toMatchObject({ frozen: true, exemption: null });
  });
});
