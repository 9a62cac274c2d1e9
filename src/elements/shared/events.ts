import type { Period } from '../../reports/types.js';
import type { ReportError } from '../../client/errors.js';

/** The report a drill-down opens, and the filter to open it with (Graph property names and values). */
export interface DrilldownDetail {
  report: 'users' | 'events' | 'audit';
  filter: Record<string, string | boolean>;
  /** Text for the table's search box (an insight about one user opens the table on that user). */
  search?: string;
}

// Each event's `detail` has a named type: the manifest's `@fires {…Detail}` and the JSX and Vue types
// generated from it (`CustomEvent<…Detail>`) refer to these.
export type SsprDrilldownDetail = DrilldownDetail;
export interface SsprPeriodChangeDetail {
  period: Period;
}
export interface SsprFilterChangeDetail {
  report: string;
  search: string;
  filter: Record<string, string | boolean>;
  /** Rows that match now, and rows loaded. */
  rows: number;
  total: number;
}
export interface SsprLoadDetail {
  report: string;
  rows: number;
  loadedAt: number;
}
export interface SsprErrorDetail {
  report: string;
  error: ReportError | Error;
}

/** A tile or bar was activated. Cancel it (`preventDefault()`) to handle navigation yourself. */
export type SsprDrilldownEvent = CustomEvent<SsprDrilldownDetail>;
/** The user picked another period. */
export type SsprPeriodChangeEvent = CustomEvent<SsprPeriodChangeDetail>;
/** The user changed the table's search or filters. */
export type SsprFilterChangeEvent = CustomEvent<SsprFilterChangeDetail>;
/** A report finished loading. */
export type SsprLoadEvent = CustomEvent<SsprLoadDetail>;
/** A report failed; `error.kind` says why, `error.requestId` is for a support ticket. */
export type SsprErrorEvent = CustomEvent<SsprErrorDetail>;

declare global {
  interface HTMLElementEventMap {
    'sspr-drilldown': SsprDrilldownEvent;
    'sspr-period-change': SsprPeriodChangeEvent;
    'sspr-filter-change': SsprFilterChangeEvent;
    'sspr-load': SsprLoadEvent;
    'sspr-error': SsprErrorEvent;
  }
}

/** Dispatches a bubbling, composed custom event; returns false when a listener cancelled it. */
export function emit<K extends keyof HTMLElementEventMap>(
  target: HTMLElement,
  type: K,
  detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}
