import type { RequestOptions, WaitInfo } from './client-options.js';
import { abortError } from './errors.js';
import type { Priority } from './rate-limiter.js';

type Start<T> = (signal: AbortSignal, onWait: (wait: WaitInfo) => void, priority: Priority) => Promise<T>;

/** One network request shared by every caller that asked for the same key while it ran. */
interface Flight<T> {
  controller: AbortController;
  promise: Promise<T>;
  callers: number;
  listeners: Set<(wait: WaitInfo) => void>;
  lastWait?: WaitInfo;
  /** Background until a foreground caller joins. */
  priority: Priority;
}

/**
 * De-duplication of identical in-flight requests plus a short-lived cache of successes.
 * Each caller may abort on its own; the shared request is aborted only when every caller has left.
 * Errors are never cached. Cached values are shared: callers must treat them as read-only.
 */
export class SharedRequests<T> {
  #inflight = new Map<string, Flight<T>>();
  #cache = new Map<string, { value: T; expires: number }>();

  constructor(
    readonly ttlMs: number,
    readonly maxEntries = 200,
  ) {}

  run(key: string, options: RequestOptions, start: Start<T>): Promise<T> {
    const { signal, onWait } = options;
    if (signal?.aborted) return Promise.reject(abortError(key, signal.reason));
    if (options.cache !== false) {
      const hit = this.#cache.get(key);
      if (hit && hit.expires > Date.now()) return Promise.resolve(hit.value);
    }
    const flight = this.#inflight.get(key) ?? this.#launch(key, start, options.background === true);
    if (!options.background && flight.priority.background) {
      // someone is waiting for it now: it is no longer background work
      if (flight.priority.promote) flight.priority.promote();
      else flight.priority.background = false;
    }
    return this.#join(key, flight, signal, onWait);
  }

  /** Drops one cached response (e.g. one that parsed but turned out to have the wrong shape). */
  forget(key: string): void {
    this.#cache.delete(key);
  }

  clear(): void {
    this.#cache.clear();
  }

  #launch(key: string, start: Start<T>, background: boolean): Flight<T> {
    const flight: Flight<T> = { controller: new AbortController(), callers: 0, listeners: new Set(), priority: { background } } as Flight<T>;
    const fanOut = (wait: WaitInfo): void => {
      flight.lastWait = wait;
      for (const listener of flight.listeners) listener(wait);
    };
    flight.promise = start(flight.controller.signal, fanOut, flight.priority).then((value) => {
      this.#store(key, value);
      return value;
    });
    const settle = (): void => {
      if (this.#inflight.get(key) === flight) this.#inflight.delete(key);
    };
    flight.promise.then(settle, settle); // also keeps a rejection nobody waits for from going unhandled
    this.#inflight.set(key, flight);
    return flight;
  }

  #join(key: string, flight: Flight<T>, signal?: AbortSignal, onWait?: (wait: WaitInfo) => void): Promise<T> {
    flight.callers++;
    if (onWait) {
      flight.listeners.add(onWait);
      // A latecomer still hears about a wait that is under way.
      if (flight.lastWait && flight.lastWait.until > Date.now()) onWait(flight.lastWait);
    }
    return new Promise<T>((resolve, reject) => {
      let left = false;
      const leave = (): void => {
        if (left) return;
        left = true;
        signal?.removeEventListener('abort', onAbort);
        if (onWait) flight.listeners.delete(onWait);
        flight.callers--;
      };
      const onAbort = (): void => {
        leave();
        reject(abortError(key, signal?.reason));
        if (flight.callers === 0 && this.#inflight.get(key) === flight) {
          this.#inflight.delete(key); // the next caller starts afresh
          flight.controller.abort(signal?.reason);
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          leave();
          resolve(value);
        },
        (error: unknown) => {
          leave();
          reject(error);
        },
      );
    });
  }

  #store(key: string, value: T): void {
    if (!(this.ttlMs > 0)) return;
    const now = Date.now();
    for (const [k, entry] of this.#cache) if (entry.expires <= now) this.#cache.delete(k);
    this.#cache.delete(key); // re-insert so Map order stays oldest-first
    this.#cache.set(key, { value, expires: now + this.ttlMs });
    while (this.#cache.size > this.maxEntries) this.#cache.delete(this.#cache.keys().next().value!);
  }
}
