/** One sync run against the mock Graph, timed, with what it read and how many Graph requests it cost. */
import type { Budget } from '../../src/client/rate-limiter.js';
import type { Db } from '../src/store/db.js';
import { runSync } from '../src/sync/run-sync.js';
import { SYNC_SOURCES, type SyncSource } from '../src/sync/sources.js';
import { timedFetch } from './timed-fetch.js';

export interface SyncMeasure {
  status: string;
  wallMs: number;
  /** Graph requests, every attempt (the refused `$top` of the first users page included). */
  requests: number;
  rows: number;
  rowsPerSecond: number;
  /** Time on the wire, summed over the requests (the rest is the endpoint's: parsing and storing). */
  graphMs: number;
  meanLatencyMs: number;
  sources: Record<SyncSource, { read: number; pages: number; requests: number }>;
}

export async function measureSync(db: Db, graphUrl: string, budget: Budget | false | undefined): Promise<SyncMeasure> {
  const timed = timedFetch();
  const t0 = performance.now();
  const run = await runSync({ db, graphUrl, budget, fetch: timed.fetch });
  const wallMs = performance.now() - t0;
  if (!run) throw new Error('another process holds the sync lock of the bench database');
  if (run.status !== 'succeeded') throw new Error(`the sync ended ${run.status}: ${JSON.stringify(run.errors)}`);
  const sources = Object.fromEntries(
    SYNC_SOURCES.map((s) => {
      const r = run.sources[s]!;
      return [s, { read: r.read, pages: r.pages, requests: r.requests }];
    }),
  ) as SyncMeasure['sources'];
  const rows = Object.values(sources).reduce((n, s) => n + s.read, 0);
  const graphMs = timed.latencies.reduce((a, b) => a + b, 0);
  return {
    status: run.status,
    wallMs,
    requests: run.requests,
    rows,
    rowsPerSecond: rows / (wallMs / 1000),
    graphMs,
    meanLatencyMs: graphMs / Math.max(1, timed.latencies.length),
    sources,
  };
}
