import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReportClient } from '../client/report-client.js';
import type { WaitInfo } from '../client/client-options.js';
import { fetchFeatureSummary } from '../reports/feature-summary.js';
import { loadAdminUpns } from '../table/admin-directory.js';
import type { TableRow } from '../table/columns.js';
import type { TableSource } from '../table/sources.js';
import { TableModel, type TableFilter, type TableSort } from '../table/table-model.js';
import { TableLoader } from './table-loader.js';
import { EXTENDED_PERIODS } from '../reports/types.js';

export interface TableQuery {
  client?: ReportClient;
  source: TableSource<TableRow>;
  /** The element's `mode` attribute. */
  mode: 'auto' | 'client' | 'server';
  serverThreshold: number;
  filter: TableFilter;
  /** The period as a key (`d7`, `all`…): `filter.since` moves with the clock, this does not. */
  period?: string;
  sort: TableSort;
  /** The language the labels are in: sort orders of label columns are built again when it changes. */
  language?: string;
}

/** The extended period whose history a load must reach (a reporting endpoint's), or '' for Graph's 30 days. */
const reach = (q: TableQuery): string => (q.period && (EXTENDED_PERIODS as readonly string[]).includes(q.period) ? q.period : '');

/**
 * The table's data: which mode it runs in, loading (through TableLoader), the indexed rows, and the
 * view — filtered, counted and sorted in memory (client mode), or as the endpoint returned it (server
 * mode, where a new query means a new load). The element only renders what this holds.
 */
export class TableData implements ReactiveController {
  hostConnected(): void {
    // Moved in the DOM (disconnected, then connected): carry on loading where it was stopped, or start
    // the load whose first step the move interrupted.
    if (this.loader.state === 'cancelled' && this.loader.stoppedByDisconnect) this.loader.resume();
    else if (this.#query && this.#loadKey === '') this.host.requestUpdate();
  }

  model: TableModel<TableRow>;
  /** Row indices in display order. */
  view: Uint32Array = new Uint32Array(0);
  counts = new Map<string, Map<string, number>>();
  activeMode: 'client' | 'server' = 'client';
  /** Users in the tenant (users report), for the progress bar and the missing-rows count. */
  total?: number;
  /** The tenant's size is being read (it decides the mode) before any row is asked for. */
  sizing = false;
  readonly loader: TableLoader<TableRow>;

  #query?: TableQuery;
  #loadKey = '';
  #client?: ReportClient;
  #adminsFor = '';
  /** Bumped by every restart: an older restart's late answer must not start a load. */
  #generation = 0;
  #abort?: AbortController;
  /** The Admin facet's data: read only when someone filters on it (it costs requests against the budget). */
  admins: 'idle' | 'loading' | 'loaded' | 'failed' = 'idle';
  adminsError?: unknown;
  #adminsAbort?: AbortController;
  #refreshToken = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    onWait: (wait: WaitInfo) => void,
    /** Called when a new load starts (the element scrolls back to the top). */
    private readonly onReset: () => void,
    /**
     * Runs `fn` in the host's language: the model sorts a label column (method, status, …) by the labels
     * the reader sees, also for pages that arrive outside the host's update.
     */
    private readonly inLanguage: <T>(fn: () => T) => T = (fn) => fn(),
  ) {
    host.addController(this);
    this.loader = new TableLoader<TableRow>(host, (rows) => this.#onRows(rows), onWait);
    this.model = this.#newModel();
  }

  /** The key of the load in effect, to tell one load's events from the next. */
  get loadKey(): string {
    return this.#loadKey;
  }

  /** Called on every host update with the current query: reloads when it must, else re-filters. */
  sync(query: TableQuery): void {
    const previous = this.#query;
    this.#query = query;
    const key = this.#key(query, this.activeMode);
    if (query.client !== this.#client || key !== this.#loadKey) {
      this.#client = query.client;
      this.#loadKey = key;
      void this.#restart(query);
    } else if (previous && previous.language !== query.language) {
      this.model.forgetOrders();
      if (this.activeMode === 'client') this.refresh();
    } else if (this.activeMode === 'client' && previous && !sameView(previous, query)) {
      this.refresh();
    }
    if (query.filter.facets.isAdmin !== undefined && this.activeMode === 'client') void this.loadAdmins();
  }

  #key(q: TableQuery, mode: 'client' | 'server'): string {
    const server = mode === 'server' ? [q.filter.search, q.filter.facets, q.period, q.sort] : [];
    return JSON.stringify([q.source.report, q.mode, q.serverThreshold, mode, server, reach(q)]);
  }

  #newModel(): TableModel<TableRow> {
    const s = this.#query?.source;
    return s ? new TableModel<TableRow>(s.columns, s.facets, s.searchText, s.time, this.inLanguage) : new TableModel<TableRow>([], [], () => '');
  }

  async #restart(q: TableQuery): Promise<void> {
    const generation = ++this.#generation;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.#refreshToken++; // a sort still being built belongs to the old rows
    this.loader.stop(); // its pages belong to the old rows too
    this.model = this.#newModel();
    this.view = new Uint32Array(0);
    this.counts = new Map();
    this.total = undefined;
    this.sizing = false;
    this.admins = 'idle';
    this.#adminsFor = '';
    this.#adminsAbort?.abort();
    this.onReset();
    this.host.requestUpdate();
    if (!q.client) return;
    let server = q.mode === 'server';
    if (q.source.report === 'users') {
      // The tenant's size decides the mode, and gives the progress bar its end.
      this.sizing = true;
      try {
        this.total = (await fetchFeatureSummary(q.client, { signal: abort.signal })).total;
      } catch {
        this.total = undefined; // the rows may still load; the progress just has no end
      }
      if (generation !== this.#generation) return;
      this.sizing = false;
      if (abort.signal.aborted) {
        // taken off the page before the mode was decided: decide again (and load) when it comes back
        this.#loadKey = '';
        return;
      }
      server ||= q.mode === 'auto' && (this.total ?? 0) > q.serverThreshold;
    }
    this.activeMode = server ? 'server' : 'client';
    this.#loadKey = this.#key(q, this.activeMode); // settled: the mode itself must not start another load
    // client mode loads everything once and filters here; a period beyond Graph's 30 days loads its history
    const clientOptions = reach(q) ? { filter: { search: '', facets: {}, since: q.filter.since } } : {};
    this.loader.start(q.client, q.source, server ? { filter: q.filter, sort: q.sort } : clientOptions, !server);
  }

  #onRows(rows: TableRow[]): void {
    this.model.append(rows);
    // Server mode too: what the endpoint could not do (a period on events, a refused filter) is done here,
    // on the rows loaded; what it did is done again at no harm.
    this.refresh();
  }

  hostDisconnected(): void {
    this.#abort?.abort(); // the loader stops itself; the tenant-size look-up stops here
    this.#adminsAbort?.abort();
    if (this.admins === 'loading') {
      this.admins = 'idle';
      this.#adminsFor = ''; // asked again when the table is back
    }
  }

  /** Forget a failed admin look-up, so the next sync asks again. */
  retryAdmins(): void {
    if (this.admins !== 'failed') return;
    this.#adminsFor = '';
    this.admins = 'idle';
    this.host.requestUpdate();
  }

  /** Reads the tenant's admins once per load, so the Admin facet can tell admins' events apart. */
  async loadAdmins(): Promise<void> {
    const key = this.#loadKey;
    const client = this.#client;
    if (!client || this.#adminsFor === key || this.#query?.source.report === 'users') return;
    this.#adminsFor = key;
    this.admins = 'loading';
    this.host.requestUpdate();
    const generation = this.#generation;
    const abort = (this.#adminsAbort = new AbortController());
    let context;
    try {
      context = { admins: await loadAdminUpns(client, { signal: abort.signal }) };
    } catch (error) {
      this.adminsError = error;
      context = { adminsFailed: true };
    }
    if (abort.signal.aborted || generation !== this.#generation || this.admins !== 'loading') return;
    this.admins = context.admins ? 'loaded' : 'failed';
    this.model.setContext(context);
    this.refresh();
  }

  /** Filter (one pass, with facet counts), then order by the sort — at once when that order is known. */
  refresh(): void {
    const q = this.#query;
    if (!q) return;
    const { mask, matches, counts } = this.model.filter(q.filter);
    this.counts = counts;
    const model = this.model;
    const order = model.order(q.sort.key);
    const token = ++this.#refreshToken;
    const direction = q.sort.direction;
    if (order instanceof Uint32Array) {
      this.view = TableModel.arrange(order, mask, matches, direction);
    } else {
      // The order is being built (first sort by this column): show the matches in arrival order meanwhile.
      this.view = TableModel.arrange(Uint32Array.from({ length: mask.length }, (_, i) => i), mask, matches, 'asc');
      order.then(
        (o) => {
          if (token !== this.#refreshToken || model !== this.model) return;
          this.view = TableModel.arrange(o, mask, matches, direction);
          this.host.requestUpdate();
        },
        (error: unknown) => console.error('sspr-audit-table: sorting failed', error),
      );
    }
    this.host.requestUpdate();
  }
}

function sameView(a: TableQuery, b: TableQuery): boolean {
  return (
    a.filter.search === b.filter.search &&
    a.period === b.period &&
    JSON.stringify(a.filter.facets) === JSON.stringify(b.filter.facets) &&
    a.sort.key === b.sort.key &&
    a.sort.direction === b.sort.direction
  );
}
