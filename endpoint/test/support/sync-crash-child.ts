/**
 * A sync in a process of its own that dies (SIGKILL, no cleanup) at a chosen point: before the Nth
 * Graph request, or on a chosen statement inside a transaction. The crash test spawns its own bundle
 * with CRASH_CHILD set to the plan; only PostgreSQL can be shared with another process.
 */
import type { Db, Queryable } from '../../src/store/db.js';
import { openPostgres } from '../../src/store/postgres-db.js';
import { runSync } from '../../src/sync/run-sync.js';

export const CRASH_CHILD = 'SSPR_SYNC_CRASH_CHILD';

export interface CrashPlan {
  graphUrl: string;
  connectionString: string;
  schema: string;
  /** Die as the Nth request starts. */
  killAtRequest?: number;
  /** Die when a transaction is about to run a statement containing this text. */
  killAtSql?: string;
}

const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

function dyingDb(db: Db, sql: string | undefined): Db {
  if (!sql) return db;
  const watch = (tx: Queryable): Queryable => ({
    query: (text, params) => (text.includes(sql) ? die() : tx.query(text, params)),
  });
  return { ...db, transaction: (fn) => db.transaction((tx) => fn(watch(tx))) };
}

export async function runCrashChild(plan: CrashPlan): Promise<void> {
  const db = openPostgres({ connectionString: plan.connectionString, schema: plan.schema, max: 4 });
  let requests = 0;
  const fetchUntilDeath: typeof fetch = (input, init) => (++requests === plan.killAtRequest ? die() : fetch(input, init));
  await runSync({ db: dyingDb(db, plan.killAtSql), graphUrl: plan.graphUrl, budget: false, fetch: fetchUntilDeath });
  // Reaching this line means the plan never fired: the parent sees a normal exit and fails.
  await db.close();
}
