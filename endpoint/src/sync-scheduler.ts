/**
 * The sync inside `serve`: once at start (unless a recent run succeeded), then every interval. Runs
 * never overlap (the database's sync lock also keeps replicas from doubling Graph requests); stopping
 * aborts a run in progress, which the next start resumes from its checkpoints.
 */
import type { Logger } from './log.js';
import type { Db } from './store/db.js';
import { runSync, syncStatus, type SyncOptions } from './sync/run-sync.js';

export interface SyncScheduler {
  /** Resolves when the run in progress (if any) has stopped. */
  stop(): Promise<void>;
}

export function startSyncScheduler(options: Omit<SyncOptions, 'signal'> & { db: Db; log: Logger; intervalSeconds: number }): SyncScheduler {
  const controller = new AbortController();
  let running: Promise<unknown> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const runOnce = async () => {
    try {
      const result = await runSync({ ...options, signal: controller.signal });
      if (result === undefined) options.log.info('another process is syncing; this one serves only');
    } catch (error) {
      if (!controller.signal.aborted) options.log.error({ err: error }, 'sync run failed');
    }
  };
  const schedule = (delayMs: number) => {
    if (controller.signal.aborted) return;
    timer = setTimeout(() => {
      running = runOnce().finally(() => {
        running = undefined;
        schedule(options.intervalSeconds * 1000);
      });
    }, delayMs);
    timer.unref();
  };

  // the first run at once, unless one succeeded within the interval (a restart does not cost a sync)
  void syncStatus(options.db).then(
    (status) => {
      const last = status.lastSucceeded?.endedAt;
      const age = last ? Date.now() - Date.parse(last) : Infinity;
      schedule(Math.max(0, Math.min(options.intervalSeconds * 1000 - age, options.intervalSeconds * 1000)));
    },
    () => schedule(0),
  );

  return {
    async stop() {
      controller.abort();
      if (timer) clearTimeout(timer);
      await running?.catch(() => {});
    },
  };
}
