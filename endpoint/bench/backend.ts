/**
 * One back end, start to finish, in a process of its own (so one back end's heap and caches never
 * colour the other's figures): the tenant synced from the mock Graph with the budget off, the store's
 * size, then the served routes. Writes its figures as JSON to --out.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openBenchDb, type Backend, type StoreSize } from './bench-db.js';
import { budgetedSyncTime, type BudgetEstimate } from './budget-model.js';
import { startMockProcess } from './mock-process.js';
import { measureServing, type ServeMeasure } from './serve-bench.js';
import { measureSync, type SyncMeasure } from './sync-bench.js';

export interface BackendResult {
  backend: Backend;
  version: string;
  tenant: { users: number; events: number; audits: number; days: number };
  sync: SyncMeasure;
  /** The same sync under Graph's budget, computed from its request count (budget-model.ts). */
  budget: BudgetEstimate;
  size: StoreSize;
  /** Whether PostgreSQL's autovacuum (or anything) had analyzed user_versions when serving began. */
  analyzedBeforeServing: boolean;
  serve: ServeMeasure;
}

const { values } = parseArgs({
  options: {
    backend: { type: 'string' },
    'postgres-url': { type: 'string' },
    users: { type: 'string' },
    events: { type: 'string' },
    now: { type: 'string' },
    out: { type: 'string' },
    'page-requests': { type: 'string' },
    'route-requests': { type: 'string' },
    'compute-runs': { type: 'string' },
    'walk-budget-ms': { type: 'string' },
  },
});
const backend = values.backend as Backend;
const started = performance.now();
const log = (message: string) => console.log(`[${backend} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

const mock = await startMockProcess({ users: Number(values.users), events: Number(values.events), now: new Date(values.now!) });
log(`mock Graph: ${mock.users} users, ${mock.events} events, ${mock.audits} audits, built in ${(mock.builtMs / 1000).toFixed(1)} s`);
const bench = await openBenchDb(backend, values['postgres-url']!);
try {
  const sync = await measureSync(bench.db, mock.url, false);
  log(`sync: ${(sync.wallMs / 1000).toFixed(1)} s, ${sync.requests} requests, ${Math.round(sync.rowsPerSecond)} rows/s`);
  await mock.stop();
  const size = await bench.size();
  const { rows } = await bench.db.query<{ analyzed: boolean }>(
    `SELECT coalesce(last_analyze, last_autoanalyze) IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE relname = 'user_versions'`,
  );
  const analyzedBeforeServing = rows[0]?.analyzed === true;
  const serve = await measureServing(
    bench.db,
    {
      pageRequests: Number(values['page-requests']),
      routeRequests: Number(values['route-requests']),
      computeRuns: Number(values['compute-runs']),
      walkBudgetMs: Number(values['walk-budget-ms']),
    },
    log,
  );
  const result: BackendResult = {
    backend,
    version: bench.version,
    tenant: { users: mock.users, events: mock.events, audits: mock.audits, days: mock.days },
    sync,
    budget: budgetedSyncTime(sync.requests, sync.meanLatencyMs, sync.wallMs / sync.requests),
    size,
    analyzedBeforeServing,
    serve,
  };
  await writeFile(values.out!, JSON.stringify(result, null, 2));
  log('done');
} finally {
  await mock.stop().catch(() => {});
  await bench.dispose();
}
