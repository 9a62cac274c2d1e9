import { SYNC_SOURCES, type SyncSource } from '../sync/sources.js';

export interface Freshness {
  /** Every report was brought up to date within `maxAgeSeconds`. */
  fresh: boolean;
  maxAgeSeconds: number;
  /** Per report: seconds since its last successful read (absent: never synced). */
  ageSeconds: Partial<Record<SyncSource, number>>;
  /** The reports never synced, or synced longer ago than allowed. */
  stale: SyncSource[];
}

/** Whether the data is fresh: every report synced within the allowed age (twice the sync interval by default). */
export function freshness(lastSynced: Partial<Record<SyncSource, string>>, now: Date, maxAgeSeconds: number): Freshness {
  const ageSeconds: Partial<Record<SyncSource, number>> = {};
  const stale: SyncSource[] = [];
  for (const source of SYNC_SOURCES) {
    const at = lastSynced[source] ? Date.parse(lastSynced[source]!) : NaN;
    if (Number.isFinite(at)) ageSeconds[source] = Math.max(0, Math.round((now.getTime() - at) / 1000));
    if (!(ageSeconds[source]! <= maxAgeSeconds)) stale.push(source);
  }
  return { fresh: stale.length === 0, maxAgeSeconds, ageSeconds, stale };
}
