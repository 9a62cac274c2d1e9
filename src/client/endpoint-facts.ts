import type { ReportRoute } from '../graph/documented-queries.js';
import { routeOf } from '../graph/permissions.js';

/** The reporting endpoint's annotations (plain Graph sends none; Graph clients ignore unknown ones). */
export const LAST_SYNC_ANNOTATION = '@sspr.lastSyncDateTime';
export const PERIODS_ANNOTATION = '@sspr.periods';

/**
 * What an endpoint has said about itself beyond Graph, read off the answers as they arrive (never a
 * request of its own): when each report's data was last brought up to date, and which periods it
 * offers. Empty against plain Graph.
 */
export class EndpointFacts {
  readonly #lastSync = new Map<ReportRoute, number>();
  #periods?: readonly string[];
  readonly #listeners = new Set<() => void>();

  /** Reads the annotations of an answer from `url`. */
  note(url: string, body: unknown): void {
    if (!body || typeof body !== 'object') return;
    const annotations = body as Record<string, unknown>;
    let changed = false;
    const route = routeOf(url);
    const at = typeof annotations[LAST_SYNC_ANNOTATION] === 'string' ? Date.parse(annotations[LAST_SYNC_ANNOTATION]) : NaN;
    // the latest wins: a cached older answer must not move "Last updated" back
    if (route && Number.isFinite(at) && at > (this.#lastSync.get(route) ?? -Infinity)) {
      this.#lastSync.set(route, at);
      changed = true;
    }
    const periods = annotations[PERIODS_ANNOTATION];
    if (Array.isArray(periods) && periods.every((p) => typeof p === 'string') && periods.join() !== this.#periods?.join()) {
      this.#periods = Object.freeze([...periods]);
      changed = true;
    }
    if (changed) for (const listener of this.#listeners) listener();
  }

  /** When `route`'s data was last synced (epoch ms), if the endpoint said. */
  lastSync(route: ReportRoute): number | undefined {
    return this.#lastSync.get(route);
  }

  /** The periods the endpoint offers, if it said (plain Graph: Graph's d1, d7, d30). */
  get periods(): readonly string[] | undefined {
    return this.#periods;
  }

  /** Calls `listener` whenever a fact changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
