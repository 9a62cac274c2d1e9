/** The sync_runs row of a run: written when it starts, after each source, and when it ends. */
import type { Queryable } from '../store/db.js';
import type { SyncRun } from './types.js';

/** Runs still 'running' when the lock is free again were cut short by their process dying. */
export async function markInterrupted(db: Queryable): Promise<number> {
  const { affected } = await db.query("UPDATE sync_runs SET status = 'interrupted' WHERE status = 'running'");
  return affected;
}

export async function startRun(db: Queryable, startedAt: Date): Promise<number> {
  const { rows } = await db.query<{ run_id: number }>(
    "INSERT INTO sync_runs (started_at, status) VALUES ($1, 'running') RETURNING run_id",
    [startedAt.toISOString()],
  );
  return rows[0]!.run_id;
}

export async function saveRun(db: Queryable, run: SyncRun): Promise<void> {
  await db.query('UPDATE sync_runs SET ended_at = $2, status = $3, counts = $4, requests = $5, errors = $6 WHERE run_id = $1', [
    run.runId,
    run.endedAt ?? null,
    run.status,
    JSON.stringify(run.sources),
    run.requests,
    JSON.stringify(run.errors),
  ]);
}
