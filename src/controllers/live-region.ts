import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Text for one polite live region, set only once things settle: a screen reader hears "12 of 300
 * rows" when typing pauses, not a count per keystroke.
 */
export class LiveRegion implements ReactiveController {
  text = '';
  #next = '';
  #timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost, private readonly settleMs = 500) {
    host.addController(this);
  }

  /** What to say once nothing changes for a moment ('' says nothing new). */
  say(text: string): void {
    if (text === this.#next) return;
    this.#next = text;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.text = text;
      this.host.requestUpdate();
    }, this.settleMs);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#next = ''; // so the same text is said again after a reconnect
  }
}
