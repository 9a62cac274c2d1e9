import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WaitInfo } from '../../client/client-options.js';

/** After this long without an answer, an element says Graph has not answered yet (and offers Cancel). */
export const SLOW_ANSWER_MS = 4000;

/**
 * Holds the client's current wait (throttled, service busy, or the request budget) and how long the
 * current load has run, and re-renders the host while either is worth telling — so the element can say
 * "retrying in 4 s" or "no answer yet after 12 s" truthfully.
 */
export class WaitController implements ReactiveController {
  wait?: WaitInfo;
  /** When the current load began (epoch ms), until it settles. */
  startedAt?: number;
  #timer?: ReturnType<typeof setInterval>;
  #slowTimer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** A load begins: after SLOW_ANSWER_MS without an answer the host re-renders once a second. */
  begin(): void {
    this.clear();
    this.startedAt = Date.now();
    this.#slowTimer = setTimeout(() => {
      this.#ticking();
      this.host.requestUpdate();
    }, SLOW_ANSWER_MS);
  }

  /** Pass as `onWait` to the client. */
  readonly onWait = (wait: WaitInfo): void => {
    this.wait = wait;
    this.#ticking();
    this.#tick();
  };

  /** Whole seconds left (at least 1 while waiting), or 0 when no wait is under way. */
  get secondsLeft(): number {
    if (!this.wait) return 0;
    return Math.max(1, Math.ceil((this.wait.until - Date.now()) / 1000));
  }

  /** Whole seconds the load has gone unanswered, once that is SLOW_ANSWER_MS or more; else 0. */
  get slowSeconds(): number {
    if (this.startedAt === undefined) return 0;
    const ms = Date.now() - this.startedAt;
    return ms >= SLOW_ANSWER_MS ? Math.floor(ms / 1000) : 0;
  }

  /** The load settled: no wait, no clock. */
  clear(): void {
    clearInterval(this.#timer);
    clearTimeout(this.#slowTimer);
    this.#timer = this.#slowTimer = undefined;
    const had = this.wait !== undefined || this.startedAt !== undefined;
    this.wait = undefined;
    this.startedAt = undefined;
    if (had) this.host.requestUpdate();
  }

  #ticking(): void {
    this.#timer ??= setInterval(() => this.#tick(), 500);
  }

  #tick(): void {
    if (this.wait && Date.now() >= this.wait.until) this.wait = undefined;
    if (!this.wait && this.startedAt === undefined) {
      this.clear();
      return;
    }
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.clear();
  }
}
