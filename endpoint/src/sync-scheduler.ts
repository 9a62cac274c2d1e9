/**
 * The sync inside `serve`, safe with several replicas on one database. At every tick it tries the
 * sync lock; under it, it syncs only when no run ended within the interval (else it waits out the
 * rest), so a restart or a second replica does not cost a sync. When another replica holds the lock
 * it tries again after `retrySeconds`: should that replica die mid-run, its session ends, PostgreSQL
 * frees the lock, and this one goes on from the checkpoints. Stopping aborts a run in progress.
 */
import type { Logger } from './log.js';
import type { Db } from './store/db.js';
import { runSyncIfDue, type SyncOptions, type SyncResult } from './sync/run-sync.js';

export interface SyncScheduler {
  /** Resolves when the run in progress (if any) has stopped. */
  stop(): Promise<void>;
}

export interface SyncSchedulerOptions extends Omit<SyncOptions, 'signal'> {
  db: Db;
  log: Logger;
  intervalSeconds: number;
  /** How soon to try again when another process holds the lock, or the lock was lost (default 60). */
  retrySeconds?: number;
  /** After every run that ran (whatever its status), e.g. for metrics. */
  onRun?: (result: SyncResult) => void;
}

export function startSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  const { log, onRun } = options;
  const intervalMs = options.intervalSeconds * 1000;
  const retryMs = (options.retrySeconds ?? 60) * 1000;
  const controller = new AbortController();
  let running: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;
  // said once per stretch of finding the lock held, not at every retry
  let heldSaid = false;

  /** One tick; resolves the delay to the next. */
  const tick = async (): Promise<number> => {
    let result;
    try {
      result = await runSyncIfDue({ ...options, signal: controller.signal, onlyIfLastRunOlderThanMs: intervalMs });
    } catch (error) {
      // the store failed (nothing recorded, or not all of it): the lock attempt is cheap, try again soon
      if (!controller.signal.aborted) log.error({ err: error }, 'sync run failed');
      return retryMs;
    }
    if (result === undefined) {
      log[heldSaid ? 'debug' : 'info']({ retrySeconds: retryMs / 1000 }, 'another process is syncing; this one serves only');
      heldSaid = true;
      return retryMs;
    }
    heldSaid = false;
    if (result.status === 'not-due') {
      log.info({ lastEndedAt: result.lastEndedAt, dueInSeconds: Math.round(result.dueInMs / 1000) }, 'a sync ran within the interval; none due yet');
      return result.dueInMs;
    }
    try {
      onRun?.(result);
    } catch (error) {
      log.error({ err: error }, 'onRun failed');
    }
    // a run stopped by a lost lock goes on soon, from its checkpoints (here or in the replica that has it)
    const lockLost = result.status === 'aborted' && result.errors.some((e) => e.kind === 'lock-lost');
    return lockLost ? retryMs : intervalMs;
  };

  const schedule = (delayMs: number) => {
    if (controller.signal.aborted) return;
    timer = setTimeout(() => {
      running = tick().catch(() => retryMs).then((next) => {
        running = undefined;
        schedule(next);
      });
    }, Math.max(0, delayMs));
    timer.unref();
  };
  schedule(0);

  return {
    async stop() {
      controller.abort();
      if (timer) clearTimeout(timer);
      await running?.catch(() => {});
    },
  };
}
