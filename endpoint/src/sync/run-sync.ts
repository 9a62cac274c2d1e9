/**
 * One sync run: every source read in turn from Graph into the store, under the database's sync lock
 * (one run at a time across every replica), through the widgets' own Graph client, so the sync spends
 * Graph's request budget with the same retry rules as the browser does.
 */
import { ReportClient } from '../../../src/client/report-client.js';
import type { WaitInfo } from '../../../src/client/client-options.js';
import type { Queryable } from '../store/db.js';
import { countingFetch } from './counting-fetch.js';
import { readPaged, type SourceContext } from './paged-read.js';
import { markInterrupted, saveRun, startRun } from './run-record.js';
import { SYNC_SOURCES, type SyncSource } from './sources.js';
import { auditsSource } from './source-audits.js';
import { eventsSource } from './source-events.js';
import { readPrivilegedMembers } from './source-privileged.js';
import { resetsSource } from './source-resets.js';
import { usersSource } from './source-users.js';
import { errorRecord } from './sync-errors.js';
import type { RunStatus, SourceReport, SyncLogger, SyncOptions, SyncResult, SyncRun } from './types.js';

export { lastSynced, syncStatus, type SourceFreshness, type SyncStatus } from './status.js';
export { SYNC_SOURCES, type SyncSource } from './sources.js';
export type * from './types.js';

/** The advisory lock key of the sync (migrations use 0x55505201). */
export const SYNC_LOCK = 0x55_50_52_02;

/**
 * The lock of this store: SYNC_LOCK in the low 32 bits, the schema's hash above (21 bits, so the key
 * stays an exact number), since advisory locks are per database and two stores may share one.
 */
async function storeLock(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ h: number }>('SELECT hashtext(current_schema()) AS h');
  return ((rows[0]!.h >>> 0) & 0x1f_ffff) * 2 ** 32 + SYNC_LOCK;
}

const SILENT: SyncLogger = { info() {}, warn() {}, error() {} };

/** How each source is read in a run that started at `runAt`. */
function sourcesOfRun(runAt: Date): Record<SyncSource, (ctx: SourceContext) => Promise<void>> {
  return {
    userRegistrationDetails: async (ctx) => {
      await readPaged(ctx, usersSource(runAt));
      // the planner's picture of the users after a merge (PGlite has no autovacuum; PostgreSQL's comes
      // a while later): without it, the served pages may scan and sort instead of walking an index
      await ctx.db.query('ANALYZE user_versions');
    },
    userEventsSummary: (ctx) => readPaged(ctx, eventsSource()),
    directoryAudits: (ctx) => readPaged(ctx, auditsSource()),
    userPasswordResetsAndChangesSummary: (ctx) => readPaged(ctx, resetsSource()),
    privilegedRoleMembers: readPrivilegedMembers,
  };
}

const emptyReport = (): SourceReport => ({
  status: 'skipped', read: 0, inserted: 0, changed: 0, closed: 0, pages: 0, requests: 0, waits: 0, restarts: 0, resumed: false,
});

function runStatus(run: SyncRun, aborted: boolean): RunStatus {
  if (aborted) return 'aborted';
  const statuses = Object.values(run.sources).map((s) => s.status);
  if (statuses.every((s) => s === 'succeeded')) return 'succeeded';
  return statuses.some((s) => s === 'succeeded') ? 'partial' : 'failed';
}

/** One run under the database's sync lock; undefined when another process holds it (then nothing is requested). */
export async function runSync(options: SyncOptions): Promise<SyncResult | undefined> {
  return options.db.withLock(await storeLock(options.db), () => syncUnderLock(options));
}

async function syncUnderLock(options: SyncOptions): Promise<SyncResult> {
  const { db, signal } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? SILENT;
  const counter = countingFetch(options.fetch);
  const client = new ReportClient({
    endpoint: options.graphUrl,
    getToken: options.getToken,
    fetch: counter.fetch,
    budget: options.budget,
    retry: options.retry,
    maxWaitMs: options.maxWaitMs,
    cacheTtlMs: 0,
  });

  const interrupted = await markInterrupted(db);
  if (interrupted) log.warn({ runs: interrupted }, 'sync runs cut short by a process exit marked interrupted');
  const startedAt = now();
  const run: SyncRun = { runId: await startRun(db, startedAt), startedAt: startedAt.toISOString(), status: 'running', requests: 0, sources: {}, errors: [] };
  log.info({ runId: run.runId }, 'sync run started');
  const sources = sourcesOfRun(startedAt);

  for (const source of SYNC_SOURCES) {
    const report = emptyReport();
    run.sources[source] = report;
    if (signal?.aborted) continue;
    const before = counter.count;
    const onWait = (wait: WaitInfo) => {
      if (wait.reason === 'budget') return;
      report.waits++;
      log.warn({ runId: run.runId, source, reason: wait.reason, delayMs: wait.delayMs, attempt: wait.attempt }, 'Graph asked the sync to wait');
    };
    const recovered = (error: unknown) => {
      const record = errorRecord(source, error, now(), true);
      run.errors.push(record);
      log.warn({ runId: run.runId, ...record }, 'sync source read started again');
    };
    try {
      await sources[source]({ db, client, now, signal, report, onWait, recovered });
      report.status = 'succeeded';
    } catch (error) {
      report.status = 'failed';
      const record = errorRecord(source, error, now());
      run.errors.push(record);
      log.error({ runId: run.runId, ...record }, 'sync source failed');
    }
    report.requests = counter.count - before;
    run.requests = counter.count;
    log.info({ runId: run.runId, source, ...report }, 'sync source done');
    await saveRun(db, run);
  }

  run.status = runStatus(run, signal?.aborted === true);
  run.endedAt = now().toISOString();
  run.requests = counter.count;
  await saveRun(db, run);
  log.info({ runId: run.runId, status: run.status, requests: run.requests }, 'sync run ended');
  return run;
}

