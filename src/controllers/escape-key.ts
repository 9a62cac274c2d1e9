import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Calls `onEscape` when Escape is pressed anywhere on the page while the host is connected: a tooltip
 * that appears on hover must be dismissable without moving the pointer (WCAG 1.4.13).
 */
export class EscapeKeyController implements ReactiveController {
  readonly #onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.onEscape();
  };

  constructor(host: ReactiveControllerHost, private readonly onEscape: () => void) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.#onKeydown);
  }
}
