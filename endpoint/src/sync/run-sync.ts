/**
 * One sync run: every source read in turn from Graph into the store, under the database's sync lock
 * (one run at a time across every replica), through the widgets' own Graph client, so the sync spends
 * Graph's request budget with the same retry rules as the browser does.
 */
import { ReportClient } from '../../../src/client/report-client.js';
import type { WaitInfo } from '../../../src/client/client-options.js';
import type { Db, LockFence, Queryable } from '../store/db.js';
import { countingFetch } from './counting-fetch.js';
import { readPaged, type SourceContext } from './paged-read.js';
import { markInterrupted, saveRun, startRun } from './run-record.js';
import { SYNC_SOURCES, type SyncSource } from './sources.js';
import { auditsSource } from './source-audits.js';
import { eventsSource } from './source-events.js';
import { readPrivilegedMembers } from './source-privileged.js';
import { resetsSource } from './source-resets.js';
import { usersSource } from './source-users.js';
import { errorRecord, redact } from './sync-errors.js';
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
  return options.db.withLock(await storeLock(options.db), (lost, fence) => syncUnderLock(options, lost, fence));
}

/** runSyncIfDue's answer when a run ended recently enough: nothing was requested. */
export interface NotDue {
  status: 'not-due';
  /** When the latest run that ran to its end (succeeded, partial or failed) ended (ISO). */
  lastEndedAt: string;
  /** When the next run is due, from now. */
  dueInMs: number;
}

/**
 * runSync for replicas: under the lock (so two replicas never both decide to run), a run only when no
 * run ran to its end within `onlyIfLastRunOlderThanMs`; else NotDue. Undefined: another process holds
 * the lock. A partial or failed run counts too: otherwise, in a tenant where one report always fails
 * (a missing permission), every replica would sync again at every retry. Aborted and interrupted runs
 * do not: they are taken over.
 */
export async function runSyncIfDue(options: SyncOptions & { onlyIfLastRunOlderThanMs: number }): Promise<SyncResult | NotDue | undefined> {
  return options.db.withLock(await storeLock(options.db), async (lost, fence) => {
    const { rows } = await options.db.query<{ ms: number | null }>(
      "SELECT (extract(epoch FROM max(ended_at)) * 1000)::float8 AS ms FROM sync_runs WHERE status IN ('succeeded', 'partial', 'failed')",
    );
    const last = rows[0]?.ms;
    const now = (options.now ?? (() => new Date()))().getTime();
    if (last != null && now - last < options.onlyIfLastRunOlderThanMs) {
      return { status: 'not-due' as const, lastEndedAt: new Date(last).toISOString(), dueInMs: last + options.onlyIfLastRunOlderThanMs - now };
    }
    return syncUnderLock(options, lost, fence);
  });
}

/** The store as the sources write it: every transaction checks, before it commits, that the lock is still held. */
function fenced(db: Db, fence: LockFence): Db {
  return {
    ...db,
    transaction: (fn) =>
      db.transaction(async (tx) => {
        const result = await fn(tx);
        await fence(tx);
        return result;
      }),
  };
}

async function syncUnderLock(options: SyncOptions, lost: AbortSignal, fence: LockFence): Promise<SyncResult> {
  const { db } = options;
  const sourceDb = fenced(db, fence);
  // the sources stop at their next checkpoint on either: a shutdown, or another process may hold the lock now
  const signal = options.signal ? AbortSignal.any([options.signal, lost]) : lost;
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
  let current: SyncSource = SYNC_SOURCES[0];
  const onLost = () => log.warn({ runId: run.runId, source: current, err: lost.reason }, 'sync lock lost; the run stops at its next checkpoint');
  if (lost.aborted) onLost();
  else lost.addEventListener('abort', onLost, { once: true });

  for (const source of SYNC_SOURCES) {
    const report = emptyReport();
    run.sources[source] = report;
    if (signal.aborted) continue;
    current = source;
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
      await sources[source]({ db: sourceDb, client, now, signal, report, onWait, recovered });
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

  lost.removeEventListener('abort', onLost);
  if (lost.aborted) {
    const reason = lost.reason instanceof Error ? lost.reason.message : String(lost.reason);
    run.errors.push({ source: current, kind: 'lock-lost', message: redact(reason), at: now().toISOString() });
  }
  run.status = runStatus(run, signal.aborted);
  run.endedAt = now().toISOString();
  run.requests = counter.count;
  await saveRun(db, run);
  log.info({ runId: run.runId, status: run.status, requests: run.requests }, 'sync run ended');
  return run;
}

