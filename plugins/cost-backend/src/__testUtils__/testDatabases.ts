import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/** SQLite always; PostgreSQL too when scripts/test.sh (or scripts/postgres.sh) provides one. */
export const databaseIds: TestDatabaseId[] = process.env
  .BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  ? ['SQLITE_3', 'POSTGRES_15']
  : ['SQLITE_3'];

/** Call at a test file's top level: it registers the hooks that clean the databases up. */
export function createTestDatabases(): TestDatabases {
  return TestDatabases.create({ ids: databaseIds });
}
