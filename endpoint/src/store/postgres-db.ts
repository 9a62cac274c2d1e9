import pg from 'pg';
import { withAdvisoryLock } from './advisory-lock.js';
import type { Db, QueryResult, Queryable } from './db.js';

// Timestamps come back as the text PostgreSQL wrote (ISO with offset), bigint counts as numbers:
// the served JSON never depends on the driver's Date handling.
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20) return (v: string) => Number(v); // int8: counts stay far below 2^53
    if (oid === 1184 || oid === 1114 || oid === 1082) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

function wrap(client: pg.Pool | pg.PoolClient, queryTimeoutMs?: number): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const result = await client.query({ text: sql, values: params as unknown[], types, ...(queryTimeoutMs ? { query_timeout: queryTimeoutMs } : {}) });
      return { rows: result.rows as R[], affected: result.rowCount ?? 0 };
    },
  };
}

export interface PostgresOptions {
  connectionString: string;
  /** Connections in the pool (default 10). */
  max?: number;
  /** Every connection's search_path, e.g. a schema per test. */
  schema?: string;
  /** How often withLock checks its session is alive (default 5000 ms); a check unanswered for three intervals: lost. */
  lockHeartbeatMs?: number;
  /** A new connection that has not answered by then fails (default 5000 ms): a host gone silent must not hold requests. */
  connectTimeoutMs?: number;
  /**
   * A single statement (`query`, what requests run) that has had no answer by then fails and its
   * connection is dropped (default 15,000 ms): a connection gone silent must not hold a viewer for
   * ever. Transactions (the sync's pages and merges) have none: a long merge is not a fault.
   */
  queryTimeoutMs?: number;
}

export function openPostgres(options: PostgresOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    // the operating system's probes find a peer that vanished without a word (no FIN, no RST)
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    // UTC in every session: dates and day boundaries never depend on the server's time zone
    options: `-c TimeZone=UTC${options.schema ? ` -c search_path=${options.schema}` : ''}`,
  });
  // An idle connection that drops (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const base = wrap(pool, options.queryTimeoutMs ?? 15_000);
  return {
    kind: 'postgres',
    query: base.query,
    async transaction(fn) {
      const client = await pool.connect();
      // as in withAdvisoryLock: a checked-out client must have an error listener
      let broken: Error | undefined;
      const onError = (error: Error) => (broken ??= error);
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        if (!broken) client.off('error', onError);
        client.release(broken);
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    withLock: (key, fn) => withAdvisoryLock(pool, key, options.lockHeartbeatMs ?? 5000, fn),
    close: () => pool.end(),
  };
}
