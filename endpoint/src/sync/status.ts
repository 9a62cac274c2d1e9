/** What the served routes and the status route tell about the sync, read from the store. */
import type { Queryable } from '../store/db.js';
import { SYNC_SOURCES, type SyncSource } from './sources.js';
import type { RunStatus, SourceReport, SyncErrorRecord, SyncRun } from './types.js';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const isSource = (name: string): name is SyncSource => (SYNC_SOURCES as readonly string[]).includes(name);

/** Per source, when its data was last brought up to date by a successful read (ISO), for "Last updated" on every response. */
export async function lastSynced(db: Queryable): Promise<Partial<Record<SyncSource, string>>> {
  const { rows } = await db.query<{ source: string; at: string }>(
    `SELECT source, ${iso('completed_at')} AS at FROM sync_checkpoints WHERE completed_at IS NOT NULL`,
  );
  return Object.fromEntries(rows.filter((r) => isSource(r.source)).map((r) => [r.source, r.at]));
}

export interface SourceFreshness {
  /** When a read of it last completed. */
  lastSynced?: string;
  /** A read stopped mid-way; the next run goes on from where it stopped. */
  readInProgress: boolean;
}

export interface SyncStatus {
  /** The latest runs, newest first. */
  runs: SyncRun[];
  /** The latest run in which every source succeeded (it may be older than `runs` reach). */
  lastSucceeded?: SyncRun;
  sources: Record<SyncSource, SourceFreshness>;
}

interface RunRow {
  run_id: number;
  started_at: string;
  ended_at: string | null;
  status: RunStatus;
  counts: Partial<Record<SyncSource, SourceReport>>;
  requests: number;
  errors: SyncErrorRecord[];
}

const RUN_COLUMNS = `run_id, ${iso('started_at')} AS started_at, ${iso('ended_at')} AS ended_at, status, counts, requests, errors`;

function toRun(r: RunRow): SyncRun {
  return {
    runId: r.run_id,
    startedAt: r.started_at,
    ...(r.ended_at ? { endedAt: r.ended_at } : {}),
    status: r.status,
    requests: r.requests,
    sources: r.counts,
    errors: r.errors,
  };
}

/** The latest runs and each source's freshness, for the status route. */
export async function syncStatus(db: Queryable, options: { runs?: number } = {}): Promise<SyncStatus> {
  const { rows: runs } = await db.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM sync_runs ORDER BY run_id DESC LIMIT $1`, [options.runs ?? 10]);
  const { rows: succeeded } = await db.query<RunRow>(
    `SELECT ${RUN_COLUMNS} FROM sync_runs WHERE status = 'succeeded' ORDER BY ended_at DESC LIMIT 1`,
  );
  const { rows: checkpoints } = await db.query<{ source: string; at: string | null; in_progress: boolean }>(
    `SELECT source, ${iso('completed_at')} AS at, next_link IS NOT NULL AS in_progress FROM sync_checkpoints`,
  );
  const sources = Object.fromEntries(SYNC_SOURCES.map((s) => [s, { readInProgress: false }])) as Record<SyncSource, SourceFreshness>;
  for (const c of checkpoints) {
    if (isSource(c.source)) sources[c.source] = { ...(c.at ? { lastSynced: c.at } : {}), readInProgress: c.in_progress };
  }
  return { runs: runs.map(toRun), ...(succeeded[0] ? { lastSucceeded: toRun(succeeded[0]) } : {}), sources };
}
