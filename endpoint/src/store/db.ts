/**
 * The one interface the endpoint's code talks to a database through, with two back ends: PostgreSQL
 * (node-postgres, `DATABASE_URL`) and embedded PostgreSQL (PGlite, a data folder). Both speak the same
 * SQL, so every query and every test runs on either.
 */
export interface QueryResult<R> {
  rows: R[];
  /** Rows inserted, updated or deleted by the statement. */
  affected: number;
}

export interface Queryable {
  /** One statement with `$1…` parameters. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` while holding the session-level advisory lock `key`, or resolves undefined at once when
   * another session holds it: one sync at a time across every process on the database. `lost` aborts
   * (reason: a LockLostError) when the session holding the lock is gone, so another process may hold
   * it now: `fn` must stop at its next checkpoint. The promise still settles with what `fn` returns.
   * `fence(tx)`, run in a transaction just before it commits, throws a LockLostError unless the lock's
   * session still holds the lock: a page read before the loss was noticed is never written beside
   * another process's run.
   */
  withLock<T>(key: number, fn: (lost: AbortSignal, fence: LockFence) => Promise<T>): Promise<T | undefined>;
  close(): Promise<void>;
}

export type LockFence = (tx: Queryable) => Promise<void>;

/** The reason of withLock's `lost` signal: the lock's session ended (server restart, terminated, no answer). */
export class LockLostError extends Error {
  override name = 'LockLostError';
}
