import type { ReactiveController, ReactiveControllerHost } from 'lit';

const OVERSCAN = 3;

/**
 * The table's window onto its rows: which rows are in (and just around) the viewport, the viewport's
 * height (ResizeObserver), and the grid's one focusable cell, moved by the keyboard and kept in view.
 */
export class VirtualWindow implements ReactiveController {
  /** The first row in view. */
  first = 0;
  viewport = 448;
  rowHeight = 36;
  /** The focusable cell (row: position in the view; -1 is the header). */
  focus = { row: -1, col: 0 };
  /** The row the focus is on (its index in the rows, which survives re-sorting and new pages). */
  #focusRow = -1;
  #focusPending = false;
  #measured = false;
  #resize = new ResizeObserver(([entry]) => {
    this.viewport = entry.contentRect.height || this.viewport;
    this.host.requestUpdate();
  });

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly scroller: () => HTMLElement | undefined | null,
  ) {
    host.addController(this);
  }

  /** The rows to render: `[first, last)`. */
  range(rowCount: number): { first: number; last: number } {
    return {
      first: Math.max(0, this.first - OVERSCAN),
      last: Math.min(rowCount, this.first + Math.ceil(this.viewport / this.rowHeight) + OVERSCAN),
    };
  }

  /** Moves the focusable cell to `row`/`col` of the current `view`. */
  setFocus(row: number, col: number, view: Uint32Array): void {
    this.focus = { row, col };
    this.#focusRow = row >= 0 ? view[row] : -1;
  }

  /**
   * After the view changed (a page arrived, a re-sort, a filter): keep the focus on the same row, found
   * at its new position, or back on the header when the row is filtered out.
   */
  follow(view: Uint32Array): void {
    if (this.focus.row < 0 || view[this.focus.row] === this.#focusRow) return;
    const position = view.indexOf(this.#focusRow);
    this.focus = position >= 0 ? { row: position, col: this.focus.col } : { row: -1, col: this.focus.col };
    if (position < 0) this.#focusRow = -1;
  }

  /** Back to the top, focus on the header (a new load, another report). */
  reset(): void {
    this.first = 0;
    this.focus = { row: -1, col: 0 };
    this.#focusRow = -1;
    const scroller = this.scroller();
    if (scroller) scroller.scrollTop = 0;
  }

  /** Call on scroll; returns true when the bottom is near (server mode loads more then). */
  onScroll(): boolean {
    const scroller = this.scroller();
    if (!scroller) return false;
    const first = Math.floor(scroller.scrollTop / this.rowHeight);
    if (first !== this.first) {
      this.first = first;
      this.host.requestUpdate();
    }
    return this.nearEnd();
  }

  /**
   * The content ends within a few rows of the viewport's bottom (or does not fill it). Never while the
   * grid is not laid out (a hidden tab): nobody is looking, so nothing more should load.
   */
  nearEnd(): boolean {
    const scroller = this.scroller();
    if (!scroller || scroller.clientHeight === 0) return false;
    return scroller.scrollTop + scroller.clientHeight > scroller.scrollHeight - 8 * this.rowHeight;
  }

  onKeydown(event: KeyboardEvent, view: Uint32Array, colCount: number): void {
    const page = Math.max(1, Math.floor(this.viewport / this.rowHeight) - 1);
    const next = moveFocus(event.key, event.ctrlKey || event.metaKey, this.focus, view.length, colCount, page);
    if (!next) return;
    event.preventDefault();
    this.setFocus(next.row, next.col, view);
    const scroller = this.scroller();
    if (next.row >= 0 && scroller) this.first = scrollRowIntoView(scroller, next.row, this.rowHeight);
    this.#focusPending = true;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.host.updateComplete.then(() => this.#observe());
  }

  hostUpdated(): void {
    this.#observe();
    if (this.#focusPending) {
      this.#focusPending = false;
      this.host.shadowRoot?.querySelector<HTMLElement>(`[data-row="${this.focus.row}"][data-col="${this.focus.col}"]`)?.focus();
    }
  }

  hostDisconnected(): void {
    this.#resize.disconnect();
  }

  #observe(): void {
    const scroller = this.scroller();
    if (!scroller) return;
    if (!this.#measured) {
      this.#measured = true; // once: reading computed style forces a style pass
      this.rowHeight = parseFloat(getComputedStyle(this.host).getPropertyValue('--_row-height')) || this.rowHeight;
    }
    this.#resize.observe(scroller); // observing again is harmless
  }
}

/** Where a key moves the focus in a grid of `rowCount` rows (plus the header, row -1) and `colCount` columns. */
export function moveFocus(key: string, ctrl: boolean, focus: { row: number; col: number }, rowCount: number, colCount: number, pageRows: number) {
  let { row, col } = focus;
  switch (key) {
    case 'ArrowDown': row = Math.min(row + 1, rowCount - 1); break;
    case 'ArrowUp': row = Math.max(row - 1, -1); break;
    case 'ArrowRight': col = Math.min(col + 1, colCount - 1); break;
    case 'ArrowLeft': col = Math.max(col - 1, 0); break;
    case 'PageDown': row = Math.min(row + pageRows, rowCount - 1); break;
    case 'PageUp': row = Math.max(row - pageRows, row === -1 ? -1 : 0); break;
    case 'Home': if (ctrl) row = rowCount ? 0 : -1; col = 0; break;
    case 'End': if (ctrl) row = rowCount - 1; col = colCount - 1; break;
    default: return undefined;
  }
  return { row, col };
}

/** Scrolls so row `row` shows below the sticky header (so it is rendered); returns the first row in view. */
export function scrollRowIntoView(scroller: HTMLElement, row: number, rowHeight: number): number {
  const top = row * rowHeight;
  if (top < scroller.scrollTop) scroller.scrollTop = top;
  else if (top + 2 * rowHeight > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = top + 2 * rowHeight - scroller.clientHeight;
  return Math.floor(scroller.scrollTop / rowHeight);
}
