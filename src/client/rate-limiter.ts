import { GRAPH_REPORTS_BUDGET } from '../graph/types.js';
import { abortError, holdTooLongError } from './errors.js';

/** At most `requests` requests in any window of `perMs` milliseconds. */
export interface Budget {
  requests: number;
  perMs: number;
  /** Extra spacing on top of the window, for clocks and timers (default 2 % of `perMs`). */
  marginMs?: number;
}

/** Why a request waits for its slot: the window is full, or Graph asked the tenant to pause (a 429). */
export type WaitCause = 'budget' | 'throttled';

/**
 * A request's place in the queue: `background` ones wait behind the others. A shared request that a
 * foreground caller joins is promoted (`promote()`, set by the limiter while it waits).
 */
export interface Priority {
  background: boolean;
  promote?: () => void;
}

/** A granted request; `release()` once its response has arrived (or it failed). */
export interface Slot {
  release(): void;
}

interface Waiter {
  resolve: (slot: Slot) => void;
  /** Background: served after every waiting foreground request, and never into the window's last slot. */
  priority: Priority;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** Waits longer than this become a 'throttled' error instead (default two minutes). */
export const MAX_HOLD_MS = 120_000;

/**
 * Sliding-window limiter, first come first served — except that background requests (data nobody is
 * looking at yet) wait behind every foreground one and leave the window's last slot free, so a user's
 * click is not queued behind them. Graph counts every request against the tenant's
 * identity-reports budget (throttled ones too), so every attempt, retries included, takes a slot.
 *
 * Graph counts a request when it arrives, which is some time after it leaves. A slot therefore stays
 * in the window from its grant until its response ends (no later than the arrival) plus the window and
 * a margin: however slow one request is to leave, the server never sees more than the budget in any
 * window.
 */
export class RateLimiter {
  readonly budget: Required<Budget>;
  /** Per slot: when its response ended (epoch ms), or Infinity while in flight. */
  #slots: { ended: number }[] = [];
  #queue: Waiter[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #holdUntil = 0;

  constructor(budget: Budget = GRAPH_REPORTS_BUDGET) {
    if (!(budget.requests >= 1) || !(budget.perMs >= 0)) throw new RangeError('budget needs requests ≥ 1 and perMs ≥ 0');
    this.budget = {
      requests: Math.floor(budget.requests),
      perMs: budget.perMs,
      marginMs: budget.marginMs ?? Math.round(budget.perMs * 0.02),
    };
  }

  /**
   * Resolves with a slot when one is free. When the caller must wait, `onWait` hears the expected wait
   * (ms) and its cause first. Aborting rejects with an 'aborted' ReportError and gives the place to the next waiter.
   * While Graph has asked for a pause longer than `maxHoldMs`, rejects at once with a 'throttled' error
   * that says when requests are accepted again, rather than queueing for hours.
   */
  acquire(signal?: AbortSignal, onWait?: (delayMs: number, cause: WaitCause) => void, maxHoldMs = MAX_HOLD_MS, priority: Priority = { background: false }): Promise<Slot> {
    const background = priority.background;
    if (signal?.aborted) return Promise.reject(abortError(undefined, signal.reason));
    const now = Date.now();
    if (this.#holdUntil - now > maxHoldMs) return Promise.reject(holdTooLongError(this.#holdUntil));
    this.#prune(now);
    const ahead = background ? this.#queue.length : this.#queue.filter((w) => !w.priority.background).length;
    if (ahead === 0 && this.#slotAfter(this.#ends(), now, background) <= now) return Promise.resolve(this.#grant());
    const expected = this.#expectedSlot(now, ahead, background);
    // Say why: a pause after someone's 429 is not the same as a full window.
    onWait?.(expected - now, this.#holdUntil >= expected ? 'throttled' : 'budget');
    return new Promise<Slot>((resolve, reject) => {
      const waiter: Waiter = { resolve, signal, priority };
      // joined by a foreground caller while waiting: move ahead of the background waiters
      priority.promote = () => {
        priority.background = false;
        this.#queue = this.#queue.filter((w) => w !== waiter);
        this.#enqueue(waiter);
        this.#schedule();
      };
      if (signal) {
        waiter.onAbort = () => {
          this.#queue = this.#queue.filter((w) => w !== waiter);
          reject(abortError(undefined, signal.reason));
          this.#schedule();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#enqueue(waiter);
      this.#schedule();
    });
  }

  /** A foreground waiter goes ahead of every waiting background one. */
  #enqueue(waiter: Waiter): void {
    const firstBackground = waiter.priority.background ? -1 : this.#queue.findIndex((w) => w.priority.background);
    if (firstBackground < 0) this.#queue.push(waiter);
    else this.#queue.splice(firstBackground, 0, waiter);
  }

  /** Holds every request until `time` (epoch ms): after a 429, the whole tenant budget is spent. */
  holdUntil(time: number): void {
    if (time <= this.#holdUntil) return;
    this.#holdUntil = time;
    this.#schedule();
  }

  /** When Graph's last pause ends (epoch ms; 0 when there is none). */
  get heldUntil(): number {
    return this.#holdUntil > Date.now() ? this.#holdUntil : 0;
  }

  /** Drops a pause Graph asked for: the user chose to try again now. */
  releaseHold(): void {
    this.#holdUntil = 0;
    this.#schedule();
  }

  /** Requests waiting for a slot (for tests and diagnostics). */
  get waiting(): number {
    return this.#queue.length;
  }

  #grant(): Slot {
    const slot = { ended: Infinity };
    this.#slots.push(slot);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        slot.ended = Date.now();
        this.#schedule();
      },
    };
  }

  /** Slot end times, ascending (in-flight slots last, as Infinity). */
  #ends(): number[] {
    return this.#slots.map((s) => s.ended).sort((a, b) => a - b);
  }

  #prune(now: number): void {
    const cutoff = now - this.budget.perMs - this.budget.marginMs;
    this.#slots = this.#slots.filter((s) => s.ended > cutoff);
  }

  /**
   * The earliest time one more request may be sent after slots ending at `ends` (Infinity: after a
   * release). A background request needs two free slots, so one stays for the user.
   */
  #slotAfter(ends: readonly number[], now: number, background = false): number {
    const { perMs, marginMs } = this.budget;
    const requests = background ? Math.max(1, this.budget.requests - 1) : this.budget.requests;
    const windowFree = ends.length < requests ? now : ends[ends.length - requests]! + perMs + marginMs;
    return Math.max(windowFree, now, this.#holdUntil);
  }

  /** When a newcomer behind `ahead` waiters would be served, if nobody ahead aborts (a best case). */
  #expectedSlot(now: number, ahead: number, background: boolean): number {
    const ends = this.#ends().map((end) => Math.min(end, now)); // in flight: assume it ends now
    let slot = now;
    for (let i = 0; i <= ahead; i++) {
      slot = this.#slotAfter(ends, now, background && i === ahead);
      ends.push(slot);
      ends.sort((a, b) => a - b);
    }
    return slot;
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#queue.length === 0) return;
    const now = Date.now();
    const at = this.#slotAfter(this.#ends(), now, this.#queue[0]!.priority.background);
    if (!Number.isFinite(at)) return; // every slot is in flight: a release schedules again
    this.#timer = setTimeout(() => this.#pump(), Math.max(0, at - now));
  }

  #pump(): void {
    const now = Date.now();
    this.#prune(now);
    while (this.#queue.length > 0 && this.#slotAfter(this.#ends(), now, this.#queue[0]!.priority.background) <= now) {
      const waiter = this.#queue.shift()!;
      waiter.priority.promote = undefined;
      if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve(this.#grant());
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
  const key = `${endpointKey} ${budget.requests}/${budget.perMs}/${budget.marginMs ?? ''}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new RateLimiter(budget);
    limiters.set(key, limiter);
  }
  return limiter;
}
