import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReportClient } from '../../client/report-client.js';
import type { WaitInfo } from '../../client/client-options.js';
import { isAbortError } from '../../client/errors.js';
import { fetchFeatureSummary } from '../../reports/feature-summary.js';
import { fetchMethodCounts, type MethodCounts } from '../../reports/method-counts.js';
import { isExtendedPeriod, PERIOD_MS, type AuditRow, type EventRow, type FeatureSummary, type Period, type UserRoles, type UserTypes } from '../../reports/types.js';
import { loadAdminUpns } from '../../table/admin-directory.js';
import { AUDIT_SOURCE, EVENTS_SOURCE } from '../../table/sources.js';
import type { InsightsData } from '../../insights/data.js';

export type SourceName = 'features' | 'methods' | 'events' | 'blocked' | 'admins';

export interface SourceState<T> {
  status: 'idle' | 'loading' | 'done' | 'failed';
  value?: T;
  error?: unknown;
  /** Rows read so far (events). */
  rows?: number;
}

export interface SourcesQuery {
  client: ReportClient;
  period: Period;
  userTypes: UserTypes;
  userRoles: UserRoles;
}

/** The activity name Graph logs when a user is throttled out of self-service password reset. */
export const BLOCKED_ACTIVITY = 'Blocked from self-service password reset';

/**
 * The five reports the insights read, loaded side by side. Each is read exactly as another element
 * reads it — the counts as the tiles and the methods chart do, the events as the table does in client
 * mode, the admins as the table's Admin filter does — so on a dashboard the client's de-duplication and
 * cache serve one request to all of them. Only the period's blocked users are an extra (small) query.
 * A source that fails leaves the others; leaving the page aborts everything and coming back reloads.
 */
export class InsightsSources implements ReactiveController {
  features: SourceState<FeatureSummary> = { status: 'idle' };
  methods: SourceState<MethodCounts> = { status: 'idle' };
  events: SourceState<EventRow[]> = { status: 'idle' };
  blocked: SourceState<AuditRow[]> = { status: 'idle' };
  admins: SourceState<ReadonlySet<string>> = { status: 'idle' };

  #query?: SourcesQuery;
  // what each source was last started for: its key and the client
  #keys: Partial<Record<SourceName, string>> = {};
  #clients: Partial<Record<SourceName, ReportClient>> = {};
  #aborts: Partial<Record<SourceName, AbortController>> = {};
  #detached = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onWait: (wait: WaitInfo) => void,
  ) {
    host.addController(this);
  }

  get loading(): boolean {
    return this.#all().some((s) => s.status === 'loading');
  }

  /** Starts what the query changed (the period reloads only the blocked users: events cover 30 days). */
  sync(query: SourcesQuery | undefined): void {
    this.#query = query;
    if (!query || this.#detached) return;
    // called while the host updates: what starts here is rendered by this very update
    this.#syncing = true;
    try {
      this.#startAll(query);
    } finally {
      this.#syncing = false;
    }
  }

  #syncing = false;

  #startAll(query: SourcesQuery): void {
    const scope = `${query.userTypes}|${query.userRoles}`;
    this.#start('features', scope, (signal) => fetchFeatureSummary(query.client, { userTypes: query.userTypes, userRoles: query.userRoles, signal, onWait: this.onWait }));
    this.#start('methods', scope, (signal) => fetchMethodCounts(query.client, { userTypes: query.userTypes, userRoles: query.userRoles, signal, onWait: this.onWait }));
    // events cover Graph's 30 days; a longer period (a reporting endpoint's history) reads its own
    const reach = isExtendedPeriod(query.period) ? query.period : '';
    this.#start('events', reach, (signal) => this.#readEvents(query.client, reach ? query.period : undefined, signal));
    // only the insights read these two: they wait behind the other elements' requests for the budget
    this.#start('blocked', query.period, (signal) => this.#readBlocked(query.client, query.period, signal));
    this.#start('admins', '', (signal) => loadAdminUpns(query.client, { signal, background: true }));
  }

  /** Reads one source again (Retry), keeping the others. */
  retry(name: SourceName): void {
    delete this.#keys[name];
    this.host.requestUpdate(); // the update syncs, and starts it again
  }

  /** What the answers are computed from: only the sources that are done. */
  data(period: Period, now: number): InsightsData {
    return {
      period,
      now,
      features: this.features.value,
      methods: this.methods.value,
      events: this.events.status === 'done' ? this.events.value : undefined,
      blocked: this.blocked.status === 'done' ? this.blocked.value : undefined,
      admins: this.admins.value,
    };
  }

  hostDisconnected(): void {
    this.#detached = true;
    for (const name of Object.keys(this.#aborts) as SourceName[]) {
      if (this[name].status === 'loading') {
        this.#aborts[name]?.abort();
        delete this.#keys[name]; // read again on return
      }
    }
  }

  hostConnected(): void {
    if (!this.#detached) return;
    this.#detached = false;
    this.host.requestUpdate(); // the update syncs what was aborted
  }

  #all(): SourceState<unknown>[] {
    return [this.features, this.methods, this.events, this.blocked, this.admins];
  }

  #start<T>(name: SourceName, key: string, read: (signal: AbortSignal) => Promise<T>): void {
    if (this.#keys[name] === key && this.#clients[name] === this.#query?.client) return;
    this.#keys[name] = key;
    this.#clients[name] = this.#query?.client;
    this.#aborts[name]?.abort();
    const abort = new AbortController();
    this.#aborts[name] = abort;
    (this as unknown as Record<SourceName, SourceState<T>>)[name] = { status: 'loading', rows: 0 };
    if (!this.#syncing) this.host.requestUpdate();
    read(abort.signal).then(
      (value) => {
        if (abort.signal.aborted) return;
        (this as unknown as Record<SourceName, SourceState<T>>)[name] = { status: 'done', value };
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (abort.signal.aborted || isAbortError(error)) return;
        (this as unknown as Record<SourceName, SourceState<T>>)[name] = { status: 'failed', error };
        this.host.requestUpdate();
      },
    );
  }

  async #readEvents(client: ReportClient, extended: Period | undefined, signal: AbortSignal): Promise<EventRow[]> {
    const rows: EventRow[] = [];
    const filter = extended ? { search: '', facets: {}, since: Math.floor(Date.now() / 60_000) * 60_000 - PERIOD_MS[extended] } : undefined;
    for await (const page of EVENTS_SOURCE.load(client, { signal, onWait: this.onWait, filter })) {
      if (signal.aborted) break; // a newer read owns the progress now
      rows.push(...page.rows);
      this.events = { status: 'loading', rows: rows.length };
      this.host.requestUpdate();
    }
    return rows;
  }

  async #readBlocked(client: ReportClient, period: Period, signal: AbortSignal): Promise<AuditRow[]> {
    const since = Math.floor(Date.now() / 60_000) * 60_000 - PERIOD_MS[period];
    const rows: AuditRow[] = [];
    const filter = { search: '', facets: { activity: BLOCKED_ACTIVITY }, since };
    for await (const page of AUDIT_SOURCE.load(client, { signal, onWait: this.onWait, filter, background: true })) rows.push(...page.rows);
    return rows;
  }
}
