/** The sync's session-level advisory lock on PostgreSQL: held, watched and fenced (Db.withLock). */
import type pg from 'pg';
import { LockLostError, type LockFence } from './db.js';

/**
 * Runs `fn` holding the advisory lock on a client of its own for the whole run. A checked-out client
 * has no error listener, and one that errors without one crashes the process: ours turns the error
 * into the `lost` signal. A client whose connection broke is destroyed, never given back to the pool.
 */
export async function withAdvisoryLock<T>(pool: pg.Pool, key: number, heartbeatMs: number, fn: (lost: AbortSignal, fence: LockFence) => Promise<T>): Promise<T | undefined> {
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
    // A session can also go without a word (a dead network): a check unanswered for three intervals
    // counts as lost (not one: a busy database or a stalled event loop is not a lost session).
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
