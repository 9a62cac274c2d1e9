import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WaitInfo } from '../../client/client-options.js';

/**
 * Holds the client's current wait (throttled, service busy, or the request budget) and re-renders the
 * host every half second while it lasts, so the element can say "retrying in 4 s" truthfully.
 */
export class WaitController implements ReactiveController {
  wait?: WaitInfo;
  #timer?: ReturnType<typeof setInterval>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Pass as `onWait` to the client. */
  readonly onWait = (wait: WaitInfo): void => {
    this.wait = wait;
    this.#tick();
    this.#timer ??= setInterval(() => this.#tick(), 500);
  };

  /** Whole seconds left (at least 1 while waiting), or 0 when no wait is under way. */
  get secondsLeft(): number {
    if (!this.wait) return 0;
    return Math.max(1, Math.ceil((this.wait.until - Date.now()) / 1000));
  }

  clear(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    if (this.wait) {
      this.wait = undefined;
      this.host.requestUpdate();
    }
  }

  #tick(): void {
    if (this.wait && Date.now() >= this.wait.until) {
      this.clear();
      return;
    }
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.clear();
  }
}
