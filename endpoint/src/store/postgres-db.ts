import pg from 'pg';
import { LockLostError, type Db, type LockFence, type QueryResult, type Queryable } from './db.js';

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

/**
 * Runs `fn` holding the advisory lock on a client of its own for the whole run. A checked-out client
 * has no error listener, and one that errors without one crashes the process: ours turns the error
 * into the `lost` signal. A client whose connection broke is destroyed, never given back to the pool.
 */
async function withAdvisoryLock<T>(pool: pg.Pool, key: number, heartbeatMs: number, fn: (lost: AbortSignal, fence: LockFence) => Promise<T>): Promise<T | undefined> {
  const client = await pool.connect();
  const lost = new AbortController();
  let broken: Error | undefined;
  const onLost = (error: unknown) => {
    broken ??= error instanceof Error ? error : new Error(String(error));
    if (!lost.signal.aborted) lost.abort(new LockLostError(`the sync lock's database session was lost: ${broken.message}`, { cause: broken }));
  };
  const onEnd = () => onLost(new Error('the connection ended'));
  client.on('error', onLost);
  client.on('end', onEnd);
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [key]).catch((e: unknown) => {
      onLost(e);
      throw e;
    });
    if (!rows[0]?.locked) return undefined;
    const { rows: [session] } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // the server's own word, in the writing transaction: is the lock's session still there, holding it?
    const fence: LockFence = async (tx) => {
      const { rows: held } = await tx.query<{ held: boolean }>(
        // this key, as pg_locks shows a bigint advisory key: the high half in classid, the low in objid
        `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = $1 AND objsubid = 1
           AND classid::bigint = $2 AND objid::bigint = $3
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS held`,
        [session!.pid, Math.floor(key / 2 ** 32), key % 2 ** 32],
      );
      if (!held[0]?.held) {
        const error = new LockLostError("the sync lock's database session no longer holds the lock");
        onLost(error);
        throw error;
      }
    };
    // A session can also go without a word (a dead network): a check that does not answer in time counts as lost.
    // three intervals without an answer, not one: a busy database or a stalled event loop is not a lost session
    let unanswered = 0;
    const heartbeat = setInterval(() => {
      if (unanswered >= 3) return onLost(new Error(`no answer to a check within ${3 * heartbeatMs} ms`));
      if (unanswered++ > 0) return;
      client.query('SELECT 1').then(() => (unanswered = 0), onLost);
    }, heartbeatMs);
    heartbeat.unref();
    lost.signal.addEventListener('abort', () => clearInterval(heartbeat));
    try {
      return await fn(lost.signal, fence);
    } finally {
      clearInterval(heartbeat);
      if (!broken) await client.query('SELECT pg_advisory_unlock($1)', [key]).catch(onLost);
    }
  } finally {
    if (broken) {
      client.release(broken); // destroyed; our listener stays, for errors while it closes
    } else {
      client.off('error', onLost);
      client.off('end', onEnd);
      client.release();
    }
  }
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
