import { Knex } from 'knex';

/**
 * Any fixed number: PostgreSQL advisory locks are scoped to one database, and each plugin
 * has its own, so one key serializes the migrations of one plugin's database.
 */
const MIGRATION_LOCK_KEY = 7_007_001;

/**
 * Makes `knex.migrate.latest()` wait for any other process migrating the same PostgreSQL
 * database, instead of failing. Knex's own lock is not enough for replicas that start at
 * once: the first run of two races creating `knex_migrations_lock` ("relation already
 * exists"), and a later one fails fast with MigrationLocked rather than waiting. Either
 * way the losing replica exits at start-up. Other databases are returned unchanged.
 */
export function serializeMigrations(knex: Knex): Knex {
  if (knex.client.config.client !== 'pg') {
    return knex;
  }
  return new Proxy(knex, {
    get(target, property, receiver) {
      if (property !== 'migrate') {
        return Reflect.get(target, property, receiver);
      }
      const migrator: Knex.Migrator = Reflect.get(target, property, receiver);
      return new Proxy(migrator, {
        get(m, name) {
          if (name === 'latest') {
            return (config?: Knex.MigratorConfig) =>
              withMigrationLock(target, () => m.latest(config));
          }
          const value = Reflect.get(m, name);
          return typeof value === 'function' ? value.bind(m) : value;
        },
      });
    },
  });
}

/** How often a waiting replica asks for the lock again. */
const POLL_INTERVAL_MS = 500;

/**
 * Runs `fn` holding a session-level advisory lock on a connection of its own. Waiting
 * polls pg_try_advisory_lock rather than blocking in pg_advisory_lock: a blocked statement
 * is an open transaction, and a migration running CREATE INDEX CONCURRENTLY (the catalog
 * has some) waits for every open transaction to end, so the two would wait on each other.
 */
async function withMigrationLock<T>(knex: Knex, fn: () => Promise<T>): Promise<T> {
  const connection = await knex.client.acquireConnection();
  try {
    for (;;) {
      const { rows } = await knex
        .raw('SELECT pg_try_advisory_lock(?) AS locked', [MIGRATION_LOCK_KEY])
        .connection(connection);
      if (rows[0].locked) break;
      await new Promise(resolve => setTimeout(resolve, POLL_INTERVAL_MS));
    }
    // Released with the session if this process dies, so a crash never leaves it held.
    try {
      return await fn();
    } finally {
      await knex.raw('SELECT pg_advisory_unlock(?)', [MIGRATION_LOCK_KEY]).connection(connection);
    }
  } finally {
    await knex.client.releaseConnection(connection);
  }
}
