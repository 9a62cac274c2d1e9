/**
 * Answers computed from the stored rows (usersRegisteredByFeature, …ByMethod, userRegistrationActivity)
 * cost a pass over every user or event: hundreds of milliseconds at 500,000 users, for an answer that
 * only changes when a sync brings new rows. So each answer is kept, keyed by the request, for as long
 * as the stored data's version (the sources' last sync times) stays the same: repeated dashboard views
 * cost nothing until the next sync. An answer that also depends on the clock (a period counted back
 * from now) is kept `maxAgeMs` at most, so its window still moves when syncs stop.
 */

export interface SummaryCacheOptions {
  /** Answers kept at most (least recently used dropped first); default 64. */
  maxEntries?: number;
  /** The clock, in epoch ms (tests). */
  now?: () => number;
}

interface Entry {
  version: string;
  at: number;
  value: Promise<unknown>;
}

export class SummaryCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: SummaryCacheOptions = {}) {
    this.#maxEntries = Math.max(1, options.maxEntries ?? 64);
    this.#now = options.now ?? Date.now;
  }

  /**
   * The answer for `key` computed from the data's `version` (and within `maxAgeMs`), else `compute()`'s.
   * Callers arriving while it runs share it; a computation that fails is not kept.
   */
  get<T>(key: string, version: string, compute: () => Promise<T>, maxAgeMs = Infinity): Promise<T> {
    const now = this.#now();
    const found = this.#entries.get(key);
    this.#entries.delete(key); // re-inserted below: the Map's order is the recency order
    if (found && found.version === version && now - found.at < maxAgeMs) {
      this.#entries.set(key, found);
      return found.value as Promise<T>;
    }
    const entry: Entry = { version, at: now, value: new Promise<T>((resolve) => resolve(compute())) };
    entry.value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    this.#entries.set(key, entry);
    if (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return entry.value as Promise<T>;
  }

  get size(): number {
    return this.#entries.size;
  }
}
