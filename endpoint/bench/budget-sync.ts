/**
 * Proof of the budget arithmetic: a small tenant (paged small, so its sync costs a few dozen requests)
 * synced once with the budget off, which gives a request's latency and work, then once under Graph's
 * real budget, timed against budgetedSyncTime for the same request count. Writes JSON to --out.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { migrate } from '../src/store/migrate.js';
import { openPglite } from '../src/store/pglite-db.js';
import { budgetedSyncTime, type BudgetEstimate } from './budget-model.js';
import { startMockProcess } from './mock-process.js';
import { measureSync, type SyncMeasure } from './sync-bench.js';

export interface BudgetResult {
  tenant: { users: number; events: number; audits: number; pageSize: number };
  unbudgeted: SyncMeasure;
  budgeted: SyncMeasure;
  /** The formula for the budgeted run's request count, with the unbudgeted run's latency and work per request. */
  predicted: BudgetEstimate;
}

const { values } = parseArgs({ options: { users: { type: 'string' }, events: { type: 'string' }, 'page-size': { type: 'string' }, now: { type: 'string' }, out: { type: 'string' } } });
const pageSize = Number(values['page-size']);
const mock = await startMockProcess({ users: Number(values.users), events: Number(values.events), now: new Date(values.now!), pageSize });

async function syncOnce(budget: false | undefined): Promise<SyncMeasure> {
  const db = await openPglite();
  try {
    await migrate(db);
    return await measureSync(db, mock.url, budget);
  } finally {
    await db.close();
  }
}

try {
  await syncOnce(false); // warm: the first run pays for compiling and the mock's first answers
  const unbudgeted = await syncOnce(false);
  const budgeted = await syncOnce(undefined);
  const predicted = budgetedSyncTime(budgeted.requests, unbudgeted.meanLatencyMs, unbudgeted.wallMs / unbudgeted.requests);
  const result: BudgetResult = { tenant: { users: mock.users, events: mock.events, audits: mock.audits, pageSize }, unbudgeted, budgeted, predicted };
  await writeFile(values.out!, JSON.stringify(result, null, 2));
  console.log(`[budget] ${budgeted.requests} requests: ${(budgeted.wallMs / 1000).toFixed(1)} s measured, ${(predicted.clientMs / 1000).toFixed(1)} s predicted`);
} finally {
  await mock.stop();
}
