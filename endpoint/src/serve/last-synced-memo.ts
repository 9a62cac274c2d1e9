/**
 * The reports' last sync times, read from the store at most every `ttlMs` rather than once per
 * request: every answer carries them and keys the summaries' cache, and under load that query was
 * one of each request's two round trips. A sync (here or on another replica) shows within `ttlMs`.
 * While the store does not answer, the last value read is kept, so answers that need nothing else
 * from the store (cached summaries) still go out; without one, the error goes to the request.
 */
import type { SyncSource } from '../sync/sources.js';

type LastSynced = () => Promise<Partial<Record<SyncSource, string>>>;

export function memoLastSynced(read: LastSynced, ttlMs: number, now: () => number = Date.now): LastSynced {
  if (ttlMs <= 0) return read;
  let value: Partial<Record<SyncSource, string>> | undefined;
  let readAt = -Infinity;
  let inFlight: Promise<Partial<Record<SyncSource, string>>> | undefined;
  return () => {
    if (value && now() - readAt < ttlMs) return Promise.resolve(value);
    inFlight ??= read().then(
      (fresh) => {
        value = fresh;
        readAt = now();
        inFlight = undefined;
        return fresh;
      },
      (error: unknown) => {
        inFlight = undefined;
        if (value) return value;
        throw error;
      },
    );
    return inFlight;
  };
}
