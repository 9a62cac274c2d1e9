import { GRAPH_REPORTS_BUDGET } from '../graph/types.js';
import { abortError } from './errors.js';

/** At most `requests` requests in any window of `perMs` milliseconds. */
export interface Budget {
  requests: number;
  perMs: number;
}

interface Waiter {
  resolve: () => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * Sliding-window limiter, first come first served. Graph counts every request against the tenant's
 * identity-reports budget (throttled ones too), so every attempt, retries included, takes a slot.
 */
export class RateLimiter {
  readonly budget: Budget;
  #grants: number[] = []; // send times inside the current window, ascending
  #queue: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #holdUntil = 0;

  constructor(budget: Budget = GRAPH_REPORTS_BUDGET) {
    if (!(budget.requests >= 1) || !(budget.perMs >= 0)) throw new RangeError('budget needs requests ≥ 1 and perMs ≥ 0');
    this.budget = { requests: Math.floor(budget.requests), perMs: budget.perMs };
  }

  /**
   * Resolves when a slot is free. When the caller must wait, `onWait` hears the expected wait (ms)
   * first. Aborting rejects with an 'aborted' ReportError and gives the place to the next waiter.
   */
  acquire(signal?: AbortSignal, onWait?: (delayMs: number) => void): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(undefined, signal.reason));
    const now = Date.now();
    this.#prune(now);
    if (this.#queue.length === 0 && this.#slotAfter(this.#grants, now) <= now) {
      this.#grants.push(now);
      return Promise.resolve();
    }
    onWait?.(this.#expectedSlot(now) - now);
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, signal };
      if (signal) {
        waiter.onAbort = () => {
          this.#queue = this.#queue.filter((w) => w !== waiter);
          reject(abortError(undefined, signal.reason));
          this.#schedule();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#queue.push(waiter);
      this.#schedule();
    });
  }

  /** Holds every request until `time` (epoch ms): after a 429, the whole tenant budget is spent. */
  holdUntil(time: number): void {
    if (time <= this.#holdUntil) return;
    this.#holdUntil = time;
    this.#schedule();
  }

  /** Requests waiting for a slot (for tests and diagnostics). */
  get waiting(): number {
    return this.#queue.length;
  }

  #prune(now: number): void {
    const cutoff = now - this.budget.perMs;
    while (this.#grants.length > 0 && this.#grants[0] <= cutoff) this.#grants.shift();
  }

  /** The earliest time one more request may be sent after `grants`. */
  #slotAfter(grants: readonly number[], now: number): number {
    const { requests, perMs } = this.budget;
    const windowFree = grants.length < requests ? now : grants[grants.length - requests] + perMs;
    return Math.max(windowFree, now, this.#holdUntil);
  }

  /** When a newcomer at the back of the queue would be served, if nobody ahead aborts. */
  #expectedSlot(now: number): number {
    const grants = [...this.#grants];
    let slot = now;
    for (let i = 0; i <= this.#queue.length; i++) {
      slot = this.#slotAfter(grants, now);
      grants.push(slot);
    }
    return slot;
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#queue.length === 0) return;
    const now = Date.now();
    this.#timer = setTimeout(() => this.#pump(), Math.max(0, this.#slotAfter(this.#grants, now) - now));
  }

  #pump(): void {
    const now = Date.now();
    this.#prune(now);
    while (this.#queue.length > 0 && this.#slotAfter(this.#grants, now) <= now) {
      const waiter = this.#queue.shift()!;
      if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.#grants.push(now);
      waiter.resolve();
    }
    this.#schedule();
  }
}

const limiters = new Map<string, RateLimiter>();

/**
 * One limiter per endpoint and budget, shared by every client on the page, so several elements
 * pointed at one tenant spend one budget. (A different budget for the same endpoint is a deliberate
 * choice by the page author and gets its own limiter.)
 */
export function limiterFor(endpointKey: string, budget: Budget = GRAPH_REPORTS_BUDGET): RateLimiter {
  const key = `${endpointKey} ${budget.requests}/${budget.perMs}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new RateLimiter(budget);
    limiters.set(key, limiter);
  }
  return limiter;
}
