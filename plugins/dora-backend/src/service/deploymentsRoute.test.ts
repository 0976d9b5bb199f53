import { mockErrorHandler, mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DoraDeploymentsResponse } from '@internal/plugin-dora-common';
import express from 'express';
import request from 'supertest';
import { DoraStore } from '../database/DoraStore';
import { createRouter } from './createRouter';
import { DoraReadModel } from './DoraReadModel';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const deployment = (id: string, state: 'success' | 'failure' | 'in_progress', finishedAt: string | null) => ({
  entityRef: 'component:default/cart-service',
  deploymentId: id,
  sha: id.padEnd(40, '0'),
  ref: 'main',
  environment: 'production',
  state,
  final: state !== 'in_progress',
  createdAt: new Date('2026-11-01T00:00:00Z'),
  finishedAt: finishedAt ? new Date(finishedAt) : null,
  url: null,
  creator: null,
  statusesEtag: null,
  commitsResolved: true,
});

describe('GET /deployments', () => {
  async function start() {
    const knex = await databases.init('SQLITE_3');
    const store = await DoraStore.create(mockServices.database({ knex }));
    await store.upsertService({
      entityRef: 'component:default/cart-service',
      ownerRef: 'group:default/checkout',
      repository: 'harbor-market/cart-service',
      environment: 'production',
      workflow: null,
      demo: false,
    }, new Date('2026-11-01T00:00:00Z'));
    await store.upsertDeployments([
      deployment('1', 'success', '2026-11-10T10:00:00Z'),
      deployment('2', 'failure', '2026-11-11T10:00:00Z'),
      deployment('3', 'in_progress', null),
      deployment('4', 'success', '2026-11-20T10:00:00Z'),
    ]);
    await store.saveCommits('component:default/cart-service', '1', [
      { sha: 'a'.repeat(40), committedAt: new Date('2026-11-10T09:50:00Z') },
      { sha: 'b'.repeat(40), committedAt: new Date('2026-11-10T09:00:00Z') },
    ]);
    const app = express()
      .use(createRouter({ store, readModel: new DoraReadModel({ store, webBaseUrl: 'https://github.com', demo: false, timeZone: 'Europe/Berlin' }), clock: () => new Date('2026-11-27T00:00:00Z') }))
      .use(mockErrorHandler());
    return app;
  }

  it('lists finished deployments in the range with their owner and lead times', async () => {
    const app = await start();
    const res = await request(app).get('/deployments?since=2026-11-09T00:00:00Z&until=2026-11-16T00:00:00Z');
    expect(res.status).toBe(200);
    const body = res.body as DoraDeploymentsResponse;
    expect(body.items).toEqual([
      {
        entityRef: 'component:default/cart-service',
        ownerRef: 'group:default/checkout',
        finishedAt: '2026-11-10T10:00:00.000Z',
        outcome: 'success',
        leadTimesSeconds: expect.arrayContaining([600, 3600]),
      },
      {
        entityRef: 'component:default/cart-service',
        ownerRef: 'group:default/checkout',
        finishedAt: '2026-11-11T10:00:00.000Z',
        outcome: 'failure',
        leadTimesSeconds: [],
      },
    ]);
    expect(body.items[0].leadTimesSeconds).toHaveLength(2);
    // Never read from GitHub here, so its history counts as still being read.
    expect(body.servicesReading).toEqual(['component:default/cart-service']);
  });

  it('names the parameter at fault', async () => {
    const app = await start();
    expect((await request(app).get('/deployments')).body.error.message).toMatch(/since is required/);
    expect((await request(app).get('/deployments?since=yesterday')).body.error.message).toMatch(/since must be one ISO 8601 time/);
    const tooLong = await request(app).get('/deployments?since=2026-01-01T00:00:00Z&until=2026-11-01T00:00:00Z');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toMatch(/at most 120 days apart/);
  });
});
