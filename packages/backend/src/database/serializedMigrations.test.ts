import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serializeMigrations } from './serializedMigrations';

jest.setTimeout(120_000);

/** A migration that takes a while, as a plugin's first migration on a real database does. */
function slowMigrations(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-migrations-'));
  fs.writeFileSync(
    path.join(directory, '20261127_widgets.js'),
    `exports.up = async knex => {
  await knex.raw('SELECT pg_sleep(0.5)');
  await knex.schema.createTable('widgets', table => table.string('name'));
};
exports.down = knex => knex.schema.dropTable('widgets');
`,
  );
  // Like the catalog's: outside a transaction, waiting for every open transaction to end.
  fs.writeFileSync(
    path.join(directory, '20261128_widgets_index.js'),
    `exports.up = knex => knex.raw('CREATE INDEX CONCURRENTLY widgets_name_idx ON widgets (name)');
exports.down = knex => knex.raw('DROP INDEX widgets_name_idx');
exports.config = { transaction: false };
`,
  );
  return directory;
}

describe('serializeMigrations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
  const replicas: Knex[] = [];

  afterAll(async () => {
    await Promise.all(replicas.map(r => r.destroy()));
  });

  /** Two replicas' connection pools on one fresh database. */
  async function twoReplicasOnOneDatabase(): Promise<[Knex, Knex]> {
    const first = await databases.init('POSTGRES_15');
    const second = knexFactory({ client: 'pg', connection: first.client.config.connection });
    replicas.push(second);
    return [first, second];
  }

  it('without it, one of two replicas migrating a fresh database at once fails (the bug it fixes)', async () => {
    const directory = slowMigrations();
    const [a, b] = await twoReplicasOnOneDatabase();
    const results = await Promise.allSettled([a.migrate.latest({ directory }), b.migrate.latest({ directory })]);
    expect(results.map(r => r.status)).toContain('rejected');
  });

  it('lets two replicas migrate one database at once: one migrates, the other waits and finds it done', async () => {
    const directory = slowMigrations();
    const [a, b] = (await twoReplicasOnOneDatabase()).map(serializeMigrations);
    const results = await Promise.allSettled([a.migrate.latest({ directory }), b.migrate.latest({ directory })]);
    expect(results).toEqual([
      expect.objectContaining({ status: 'fulfilled' }),
      expect.objectContaining({ status: 'fulfilled' }),
    ]);
    const applied = await a('knex_migrations').select('name').orderBy('id');
    expect(applied).toEqual([{ name: '20261127_widgets.js' }, { name: '20261128_widgets_index.js' }]);
    expect(await a.schema.hasTable('widgets')).toBe(true);
    const [lock] = await a('knex_migrations_lock').select('is_locked');
    expect(lock.is_locked).toBe(0);
    // The rest of knex still works through the wrapper.
    await b('widgets').insert({ name: 'one' });
    expect(await a('widgets').count({ n: '*' })).toEqual([{ n: '1' }]);
  });
});
