import type { SsprFilterChangeEvent, SsprLoadEvent } from '../../src/elements/shared/events.js';

declare global {
  interface Window {
    /** The table's `sspr-load` events: when (performance.now()) and how many rows. */
    benchLoads: { at: number; rows: number }[];
    /** The table's `sspr-filter-change` events: the search and the rows that match it. */
    benchFilters: { at: number; search: string; rows: number }[];
  }
}

/** Keeps the table's load and filter events, with their times, for the driver. */
export function recordEvents(element: HTMLElement): void {
  window.benchLoads = [];
  window.benchFilters = [];
  element.addEventListener('sspr-load', (event: SsprLoadEvent) => {
    window.benchLoads.push({ at: performance.now(), rows: event.detail.rows });
  });
  element.addEventListener('sspr-filter-change', (event: SsprFilterChangeEvent) => {
    window.benchFilters.push({ at: performance.now(), search: event.detail.search, rows: event.detail.rows });
  });
}
