import type { Queryable } from '../store/db.js';
import type { SyncSource } from './sources.js';

/** Per source, what a read needs to go on or to start the next one (e.g. the audits' last-seen time). */
export type CheckpointState = Record<string, unknown>;

export interface Checkpoint {
  /** The next page of the read in progress, relative to the Graph root; undefined: none in progress. */
  nextLink?: string;
  state: CheckpointState;
}

export async function loadCheckpoint(db: Queryable, source: SyncSource): Promise<Checkpoint> {
  const { rows } = await db.query<{ next_link: string | null; state: CheckpointState }>(
    'SELECT next_link, state FROM sync_checkpoints WHERE source = $1',
    [source],
  );
  const row = rows[0];
  return { nextLink: row?.next_link ?? undefined, state: row?.state ?? {} };
}

/** Moves the checkpoint; `completedAt` when the read has just completed. */
export async function saveCheckpoint(tx: Queryable, source: SyncSource, checkpoint: Checkpoint, now: Date, completedAt?: Date): Promise<void> {
  await tx.query(
    `INSERT INTO sync_checkpoints (source, next_link, state, completed_at, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (source) DO UPDATE SET next_link = EXCLUDED.next_link, state = EXCLUDED.state,
       completed_at = coalesce(EXCLUDED.completed_at, sync_checkpoints.completed_at), updated_at = EXCLUDED.updated_at`,
    [source, checkpoint.nextLink ?? null, JSON.stringify(checkpoint.state), completedAt?.toISOString() ?? null, now.toISOString()],
  );
}
