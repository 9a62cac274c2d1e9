/**
 * The two back ends as the bench runs them: PGlite in a fresh temporary data folder, and PostgreSQL in
 * a database of its own (`sspr_bench`, created empty and dropped at the end), so sizes are the store's
 * alone.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Db } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { openPglite } from '../src/store/pglite-db.js';
import { openPostgres } from '../src/store/postgres-db.js';

export type Backend = 'pglite' | 'postgres';

export interface StoreSize {
  /** pg_database_size of the store's database. */
  databaseBytes: number;
  /** pg_total_relation_size (heap, indexes, TOAST) per table of the store. */
  tables: Record<string, number>;
  /** PGlite: the data folder on disk (WAL and catalogs included). */
  folderBytes?: number;
}

export interface BenchDb {
  db: Db;
  /** e.g. "PostgreSQL 15.4". */
  version: string;
  size(): Promise<StoreSize>;
  dispose(): Promise<void>;
}

const BENCH_DATABASE = 'sspr_bench';

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

async function storeSize(db: Db): Promise<Omit<StoreSize, 'folderBytes'>> {
  const { rows } = await db.query<{ name: string; bytes: number }>(
    `SELECT c.relname AS name, pg_total_relation_size(c.oid) AS bytes FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY 1`,
  );
  const { rows: database } = await db.query<{ bytes: number }>('SELECT pg_database_size(current_database()) AS bytes');
  return { databaseBytes: database[0]!.bytes, tables: Object.fromEntries(rows.map((r) => [r.name, r.bytes])) };
}

async function serverVersion(db: Db): Promise<string> {
  const { rows } = await db.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  return rows[0]!.v;
}

export async function openBenchDb(backend: Backend, postgresUrl: string): Promise<BenchDb> {
  if (backend === 'pglite') {
    const dir = await mkdtemp(path.join(tmpdir(), 'sspr-bench-pglite-'));
    const db = await openPglite(dir);
    await migrate(db);
    return {
      db,
      version: `PGlite (PostgreSQL ${await serverVersion(db)})`,
      async size() {
        await db.exec('CHECKPOINT'); // the folder holds what a restart would find
        return { ...(await storeSize(db)), folderBytes: await folderBytes(dir) };
      },
      async dispose() {
        await db.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  await admin(postgresUrl, [`DROP DATABASE IF EXISTS ${BENCH_DATABASE}`, `CREATE DATABASE ${BENCH_DATABASE}`]);
  const url = new URL(postgresUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  const db = openPostgres({ connectionString: url.href });
  await migrate(db);
  return {
    db,
    version: `PostgreSQL ${await serverVersion(db)}`,
    size: () => storeSize(db),
    async dispose() {
      await db.close();
      await admin(postgresUrl, [`DROP DATABASE IF EXISTS ${BENCH_DATABASE}`]);
    },
  };
}

async function admin(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}
