import { PGlite, types } from '@electric-sql/pglite';
import type { Db, QueryResult, Queryable } from './db.js';

// As in postgres-db.ts: timestamps as PostgreSQL's text, int8 as numbers.
const parsers = {
  [types.TIMESTAMPTZ]: (v: string) => v,
  [types.TIMESTAMP]: (v: string) => v,
  [types.DATE]: (v: string) => v,
  [types.INT8]: (v: string) => Number(v),
};

function wrap(target: Pick<PGlite, 'query'>): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await target.query<R>(sql, params as unknown[], { parsers });
      return { rows: result.rows, affected: result.affectedRows ?? 0 };
    },
  };
}

const NEVER_LOST = new AbortController().signal;

/**
 * Embedded PostgreSQL in this process: `dataDir` keeps the database on disk (created on first use);
 * without one it lives in memory. One connection, so statements and transactions run one at a time.
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  const db = new PGlite(dataDir);
  await db.waitReady;
  await db.exec("SET TIME ZONE 'UTC'"); // day boundaries never depend on a time zone
  const base = wrap(db);
  let locked = false;
  return {
    kind: 'pglite',
    query: base.query,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async exec(sql) {
      await db.exec(sql);
    },
    // One process owns an embedded database, so the lock is this process's own and never lost.
    async withLock(_key, fn) {
      if (locked) return undefined;
      locked = true;
      try {
        return await fn(NEVER_LOST, async () => {});
      } finally {
        locked = false;
      }
    },
    close: () => db.close(),
  };
}
