/**
 * The database a test runs on: embedded PGlite in memory, or — when the runner says so
 * (SSPR_TEST_DB=postgres) — a schema of its own on the PostgreSQL server, dropped at close.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { openPglite } from '../../src/store/pglite-db.js';
import { openPostgres } from '../../src/store/postgres-db.js';

export interface TestDb extends Db {
  /** Empties every table (schema dropped and migrated again). */
  reset(): Promise<void>;
}

export const testBackend = (): 'pglite' | 'postgres' => (process.env.SSPR_TEST_DB === 'postgres' ? 'postgres' : 'pglite');
const postgresUrl = () => process.env.SSPR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A migrated, empty database. PGlite takes a few seconds to start: open one per test file. */
export async function openTestDb(): Promise<TestDb> {
  if (testBackend() === 'pglite') {
    const db = await openPglite();
    await migrate(db);
    return Object.assign(db, {
      async reset() {
        await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
        await migrate(db);
      },
    });
  }
  const schema = `sspr_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${schema}`);
  const db = openPostgres({ connectionString: postgresUrl(), schema, max: 4 });
  await migrate(db);
  const close = db.close;
  return Object.assign(db, {
    async reset() {
      await db.exec(`DROP SCHEMA ${schema} CASCADE; CREATE SCHEMA ${schema};`);
      await migrate(db);
    },
    async close() {
      await close();
      await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
  });
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
