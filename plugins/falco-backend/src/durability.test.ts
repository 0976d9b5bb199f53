import { mockCredentials, mockServices, startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { sidekickEvent } from './__testUtils__/falcoFixtures';
import { falcoPlugin } from './plugin';

jest.setTimeout(180_000);

const TOKEN = 'durability-token';
const BATCHES = 20;
const PER_BATCH = 50;

const databases = TestDatabases.create({
  ids: process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ? ['POSTGRES_15'] : [],
});

/** Starts the plugin on `knex`; the catalog is empty, so every event stays unmapped. */
function startOn(knex: Knex) {
  return startTestBackend({
    features: [
      falcoPlugin,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({ data: { falco: { ingest: { token: TOKEN } } } }),
    ],
  });
}

/**
 * Sends BATCHES batches concurrently, stops the backend, starts a new one with a new
 * connection to the same database and reads back: every acknowledged event is there.
 */
async function expectAcknowledgedEventsSurviveRestart(connect: () => Knex) {
  const first = connect();
  const backend = await startOn(first);
  const responses = await Promise.all(
    Array.from({ length: BATCHES }, (_, b) =>
      request(backend.server)
        .post('/api/falco/events')
        .set('Authorization', `Bearer ${TOKEN}`)
        .set('Content-Type', 'application/json')
        .send(
          Array.from({ length: PER_BATCH }, (__, i) =>
            sidekickEvent({ namespace: 'checkout', pod: `p-${b}-${i}`, priority: i % 2 ? 'Critical' : 'Info' }),
          ),
        ),
    ),
  );
  const acknowledged = responses.filter(r => r.status === 200).reduce((sum, r) => sum + r.body.accepted, 0);
  expect(acknowledged).toBe(BATCHES * PER_BATCH);
  await backend.stop();

  const second = connect();
  const restarted = await startOn(second);
  const res = await request(restarted.server)
    .get('/api/falco/alerts?unmapped=true&limit=1')
    .set('Authorization', mockCredentials.user.header());
  expect(res.body.totalCount).toBe(acknowledged);
  const overview = await request(restarted.server)
    .get('/api/falco/overview?days=1')
    .set('Authorization', mockCredentials.user.header());
  expect(overview.body.unmapped.counts).toMatchObject({ critical: acknowledged / 2, informational: acknowledged / 2 });
  await restarted.stop();
  return [first, second];
}

describe('acknowledged events survive a backend restart', () => {
  it('on SQLite in a file', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'falco-durability-')), 'falco.sqlite');
    const connect = () => knexFactory({ client: 'better-sqlite3', connection: { filename: file }, useNullAsDefault: true });
    const clients = await expectAcknowledgedEventsSurviveRestart(connect);
    await Promise.all(clients.map(c => c.destroy()));
  });

  const postgres = process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ? it : it.skip;
  postgres('on PostgreSQL', async () => {
    const created = await databases.init('POSTGRES_15');
    // TestDatabases owns `created`; each backend gets its own pool to the same database.
    const clients = await expectAcknowledgedEventsSurviveRestart(() => knexFactory(created.client.config));
    await Promise.all(clients.map(c => c.destroy()));
  });
});
