import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where focus goes when the focused control disappears, in order of preference. */
const NEXT_CONTROLS = '[part~="cancel"], [part~="retry"], [part~="resume"]';

/**
 * Keeps keyboard focus inside an element when a render removes the control that had it — a Retry that
 * turns into a loading state, a Cancel that ends a wait, a Clear that disables itself — instead of
 * letting it fall to `<body>` (WCAG 2.4.3). Focus moves to the control that took its place (Cancel,
 * Retry, Resume), else to the element's `[data-focus-fallback]` container.
 */
export class FocusKeeper implements ReactiveController {
  #focused?: Element | null;
  /** The section the focused control was in (an insight, say), where its replacement is looked for first. */
  #section?: Element | null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.#focused = this.host.shadowRoot?.activeElement;
    this.#section = this.#focused?.closest('section, [data-focus-scope]');
  }

  hostUpdated(): void {
    const lost = this.#focused;
    this.#focused = undefined;
    const root = this.host.shadowRoot;
    if (!lost || lost.isConnected && !(lost as HTMLButtonElement).disabled) return;
    if (root?.activeElement) return; // something else in the element already has focus
    const section = this.#section?.isConnected ? this.#section : undefined;
    const next =
      section?.querySelector<HTMLElement>(NEXT_CONTROLS) ??
      root?.querySelector<HTMLElement>(NEXT_CONTROLS) ??
      root?.querySelector<HTMLElement>('[data-focus-fallback]');
    next?.focus({ preventScroll: true });
  }
}
