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
   * another session holds it: one sync at a time across every process on the database.
   */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T | undefined>;
  close(): Promise<void>;
}
