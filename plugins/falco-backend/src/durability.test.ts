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
async function ingestRestartAndCount(connect: () => Knex) {
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
  await backend.stop();

  const second = connect();
  const restarted = await startOn(second);
  const res = await request(restarted.server)
    .get('/api/falco/alerts?unmapped=true&limit=1')
    .set('Authorization', mockCredentials.user.header());
  const overview = await request(restarted.server)
    .get('/api/falco/overview?days=1')
    .set('Authorization', mockCredentials.user.header());
  await restarted.stop();
  return {
    clients: [first, second],
    acknowledged,
    storedAfterRestart: res.body.totalCount as number,
    countsAfterRestart: overview.body.unmapped.counts,
  };
}

const postgresConfigured = Boolean(process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING);

/** A function that opens a new connection pool to one and the same database each call. */
async function connectorFor(target: string): Promise<() => Knex> {
  if (target === 'PostgreSQL') {
    // TestDatabases owns `created`; each backend gets its own pool to the same database.
    const created = await databases.init('POSTGRES_15');
    return () => knexFactory(created.client.config);
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'falco-durability-')), 'falco.sqlite');
  return () => knexFactory({ client: 'better-sqlite3', connection: { filename: file }, useNullAsDefault: true });
}

describe('acknowledged events survive a backend restart', () => {
  // PostgreSQL when scripts/postgres.sh has been sourced.
  it.each(postgresConfigured ? ['SQLite in a file', 'PostgreSQL'] : ['SQLite in a file'])('on %s', async target => {
    const result = await ingestRestartAndCount(await connectorFor(target));
    await Promise.all(result.clients.map(c => c.destroy()));
    expect(result.acknowledged).toBe(BATCHES * PER_BATCH);
    expect(result.storedAfterRestart).toBe(result.acknowledged);
    // Every other event is Critical, the rest Info: the daily counts survived too.
    expect(result.countsAfterRestart).toMatchObject({
      critical: result.acknowledged / 2,
      informational: result.acknowledged / 2,
    });
  });
});
