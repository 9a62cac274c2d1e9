import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { TableLoader } from '../../controllers/table-loader.js';
import { fetchFeatureSummary } from '../../reports/feature-summary.js';
import { PERIOD_MS, type Period } from '../../reports/types.js';
import type { ReportClient } from '../../client/report-client.js';
import { type Column, type TableReport, type TableRow } from '../../table/columns.js';
import { loadAdminUpns } from '../../table/admin-directory.js';
import { csvFilename, downloadBlob, toCsv } from '../../table/csv.js';
import type { Facet } from '../../table/facets.js';
import { SOURCES, type TableSource } from '../../table/sources.js';
import { TableModel, type TableFilter, type TableSort } from '../../table/table-model.js';
import { emit } from '../shared/events.js';
import { formatCount } from '../shared/locale.js';
import { SsprPeriodElement } from '../shared/period-element.js';
import { renderNoEndpoint, renderWait } from '../shared/status-views.js';
import { statusStyles } from '../shared/status.styles.js';
import { themeStyles } from '../shared/theme.styles.js';
import { filterConverter, normalizeFilter } from './filter-attribute.js';
import { auditTableStyles } from './sspr-audit-table.styles.js';
import { moveFocus, renderGrid } from './table-grid.js';
import { renderLoadStatus } from './table-status.js';
import { renderToolbar } from './table-toolbar.js';

const REPORT_LABEL: Record<TableReport, string> = {
  events: 'Registration and reset events',
  users: 'User registration details',
  audit: 'Self-service password reset audit log',
};
const OVERSCAN = 6;

/**
 * One table for the details behind every tile and bar: registration and reset `events`, per-user
 * registration details (`users`) and the SSPR `audit` log. Search, facet filters with counts, sort by any
 * column, CSV export of what is shown. Client mode loads every page (first rows at once, progress and
 * Cancel) and filters in memory; server mode (automatic above `server-threshold` users, or
 * `mode="server"`) sends search, filters and sort to the endpoint and loads pages as you scroll.
 *
 * @tag sspr-audit-table
 * @summary The filterable details table: events, users or the SSPR audit log.
 *
 * @fires {SsprFilterChangeEvent} sspr-filter-change - The user changed the search or a filter.
 * @fires {SsprLoadEvent} sspr-load - Every page has arrived (client mode) or a page arrived (server mode).
 * @fires {SsprErrorEvent} sspr-error - A page could not be read; the rows already loaded stay.
 *
 * @csspart toolbar - The row of controls.
 * @csspart search - The search box.
 * @csspart facet - A filter drop-down.
 * @csspart period - The period drop-down (events and audit).
 * @csspart count - "N of M rows".
 * @csspart clear - The Clear filters button.
 * @csspart columns - The column chooser.
 * @csspart export - The Export CSV button.
 * @csspart progress - The loading progress, with Cancel or Resume.
 * @csspart cancel - The Cancel button while loading.
 * @csspart resume - The Resume button after a cancel.
 * @csspart error - A failed page: what was loaded, what is missing, and Retry.
 * @csspart retry - The Retry button.
 * @csspart scroller - The scrolling grid.
 * @csspart header-row - The sticky header row.
 * @csspart header-cell - A column header (its button sorts).
 * @csspart row - A row.
 * @csspart cell - A cell.
 * @csspart empty - The message when no row matches.
 *
 * The `period` attribute also takes `all` here: every row loaded, whatever its date.
 *
 * @cssprop --sspr-table-height - Height of the scrolling grid (default 28rem).
 * @cssprop --sspr-table-row-height - Height of a row (default 36px).
 * @cssprop --sspr-table-header-background - Header background (default `--sspr-color-surface-raised`).
 * @cssprop --sspr-table-stripe - Background of every other row (default transparent).
 */
export class SsprAuditTable extends SsprPeriodElement {
  static override styles = [themeStyles, statusStyles, auditTableStyles];

  /** Which report: `events` (default), `users` or `audit`. */
  @property({ reflect: true }) report: TableReport = 'events';

  /** `auto` (default: server mode when the tenant has more users than `server-threshold`), `client` or `server`. */
  @property() mode: 'auto' | 'client' | 'server' = 'auto';

  /** Above this many users, `auto` mode reads the users report page by page from the endpoint. */
  @property({ type: Number, attribute: 'server-threshold' }) serverThreshold = 50_000;

  /** Facet filters, e.g. `{"isSsprCapable": true}` or `{"feature": "reset", "status": "failure"}` (JSON in the attribute). */
  @property({ converter: filterConverter }) filter: Record<string, string | boolean> = {};

  /** Search text: names and user principal names. */
  @property() search = '';

  @state() private view: Uint32Array = new Uint32Array(0);
  @state() private counts = new Map<string, Map<string, number>>();
  @state() private sort?: TableSort;
  @state() private hiddenColumns = new Set<string>();
  @state() private first = 0;
  @state() private viewport = 448;
  @state() private exporting?: number;
  @state() private activeMode: 'client' | 'server' = 'client';
  @state() private total?: number;

  @query('[part="scroller"]') private scroller?: HTMLElement;

  #model = this.#newModel(SOURCES.events);
  #loadKey = '';
  #client?: ReportClient;
  /** The load whose admins were asked for (events and audit facet "Admin"). */
  #adminsFor = '';
  #announcedState = '';
  #refreshToken = 0;
  #searchTimer?: ReturnType<typeof setTimeout>;
  #focus = { row: -1, col: 0 };
  #moveFocus = false;
  #rowHeight = 36;
  #resize = new ResizeObserver(([entry]) => (this.viewport = entry.contentRect.height || this.viewport));
  #dates?: { lang: string; format: Intl.DateTimeFormat };

  /** @internal */
  readonly loader = new TableLoader<TableRow>(this, (rows) => this.#onRows(rows), this.waits.onWait);

  get #source(): TableSource<TableRow> {
    return (SOURCES[this.report] ?? SOURCES.events) as TableSource<TableRow>;
  }

  #newModel(source: TableSource<TableRow> | TableSource<unknown>) {
    const s = source as TableSource<TableRow>;
    return new TableModel<TableRow>(s.columns, s.facets, s.searchText, s.time);
  }

  /** The rows that match now, in display order (a copy). */
  get visibleRows(): TableRow[] {
    return Array.from(this.view, (i) => this.#model.rows[i]);
  }

  /** Rows loaded so far. */
  get loadedRows(): number {
    return this.#model.size;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.effectiveClient;
    const clientChanged = client !== this.#client;
    const key = this.#key(this.activeMode);
    if (clientChanged || key !== this.#loadKey) {
      this.#client = client;
      this.#loadKey = key;
      void this.#restart(client);
    } else if (this.activeMode === 'client' && ['filter', 'search', 'period', 'contextPeriod', 'sort'].some((k) => (changed as Map<string, unknown>).has(k))) {
      this.#refresh();
    }
  }

  /** What a load depends on: the report and mode, and in server mode the query itself. */
  #key(mode: 'client' | 'server'): string {
    const filter = this.#filter();
    const query = mode === 'server' ? [filter.search, filter.facets, this.#periodKey(), this.#sort()] : [];
    return JSON.stringify([this.report, this.mode, this.serverThreshold, mode, query]);
  }

  /** The period rows must fall in; none for users, nor when the table's own period is `all`. */
  #periodKey(): Period | 'all' | undefined {
    if (this.report === 'users') return undefined;
    return (this.period as string) === 'all' ? 'all' : this.effectivePeriod;
  }

  #filter(): TableFilter {
    const period = this.#periodKey();
    return { search: this.search, facets: normalizeFilter(this.filter), since: period && period !== 'all' ? Date.now() - PERIOD_MS[period] : undefined };
  }

  #sort(): TableSort {
    return this.sort ?? this.#source.defaultSort;
  }

  async #restart(client: ReportClient | undefined): Promise<void> {
    const source = this.#source;
    this.#model = this.#newModel(source);
    this.view = new Uint32Array(0);
    this.counts = new Map();
    this.first = 0;
    this.total = undefined;
    if (this.scroller) this.scroller.scrollTop = 0;
    if (!client) return;
    const key = this.#loadKey;
    let server = this.mode === 'server';
    if (this.report === 'users') {
      // The tenant's size decides the mode, and gives the progress bar its end.
      try {
        this.total = (await fetchFeatureSummary(client, { onWait: this.waits.onWait })).total;
      } catch {
        this.total = undefined; // the rows may still load; progress just has no end
      }
      if (key !== this.#loadKey) return;
      server ||= this.mode === 'auto' && (this.total ?? 0) > this.serverThreshold;
    }
    const mode = server ? 'server' : 'client';
    this.activeMode = mode;
    this.#loadKey = this.#key(mode); // settled: the mode change must not start another load
    this.loader.start(client, source, server ? { filter: this.#filter(), sort: this.#sort() } : {}, !server);
  }

  #onRows(rows: TableRow[]): void {
    this.#model.append(rows);
    if (this.activeMode === 'server') {
      this.view = Uint32Array.from({ length: this.#model.size }, (_, i) => i);
    } else {
      this.#refresh();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Announce each finished load (every page in client mode; each page in server mode) and each failure once.
    const state = `${this.#loadKey}|${this.loader.state}|${this.activeMode === 'server' ? this.loader.pages : ''}`;
    if (state !== this.#announcedState) {
      this.#announcedState = state;
      if (this.loader.state === 'done' || this.loader.state === 'more') {
        emit(this, 'sspr-load', { report: this.report, rows: this.#model.size, loadedAt: Date.now() });
        if (this.activeMode === 'client' && this.report !== 'users') void this.#loadAdmins();
      } else if (this.loader.state === 'failed') {
        emit(this, 'sspr-error', { report: this.report, error: this.loader.error as Error });
      }
    }
    if (this.scroller && !this.#observed) {
      this.#observed = true;
      this.#resize.observe(this.scroller);
      this.#rowHeight = parseFloat(getComputedStyle(this).getPropertyValue('--_row-height')) || 36;
    }
    if (this.#moveFocus) {
      this.#moveFocus = false;
      this.shadowRoot?.querySelector<HTMLElement>(`[data-row="${this.#focus.row}"][data-col="${this.#focus.col}"]`)?.focus();
    }
  }
  #observed = false;

  /** Reads the tenant's admins once per load, so the Admin facet can tell admins' events apart. */
  async #loadAdmins(): Promise<void> {
    const key = this.#loadKey;
    const client = this.#client;
    if (!client || this.#adminsFor === key) return;
    this.#adminsFor = key;
    let context;
    try {
      context = { admins: await loadAdminUpns(client) };
    } catch {
      context = { adminsFailed: true };
    }
    if (key !== this.#loadKey) return;
    this.#model.setContext(context);
    this.#refresh();
  }

  /** Client mode: filter (one pass, with facet counts), then order by the sort — at once when that order is known. */
  #refresh(): void {
    const { mask, matches, counts } = this.#model.filter(this.#filter());
    this.counts = counts;
    const sort = this.#sort();
    const order = this.#model.order(sort.key);
    const token = ++this.#refreshToken;
    if (order instanceof Uint32Array) {
      this.view = TableModel.arrange(order, mask, matches, sort.direction);
      return;
    }
    // The order is being built (first sort by this column): show the matches in arrival order now.
    this.view = TableModel.arrange(Uint32Array.from({ length: mask.length }, (_, i) => i), mask, matches, 'asc');
    order.then((o) => {
      if (token === this.#refreshToken) this.view = TableModel.arrange(o, mask, matches, sort.direction);
    });
  }

  override render() {
    if (!this.effectiveClient) return renderNoEndpoint('sspr-audit-table');
    const source = this.#source;
    const columns = source.columns.filter((c) => !this.hiddenColumns.has(c.key));
    const lang = this.locale;
    const count = (n: number) => formatCount(n, lang);
    const facets = normalizeFilter(this.filter);
    const filtered = this.search.trim() !== '' || Object.values(facets).some((v) => v !== '');
    const rowsTotal = this.#model.size;
    const countText = this.activeMode === 'server'
      ? `${count(rowsTotal)} rows loaded${this.loader.nextLink ? ' (more on scroll)' : ''}`
      : `${count(this.view.length)} of ${count(rowsTotal)} rows`;
    const first = Math.max(0, this.first - OVERSCAN);
    const last = Math.min(this.view.length, this.first + Math.ceil(this.viewport / this.#rowHeight) + OVERSCAN);
    return html`
      ${renderToolbar({
        search: this.search,
        searchHint: this.activeMode === 'server' ? 'Name or UPN starts with…' : 'Name or UPN',
        facets: this.activeMode === 'server' ? source.facets.filter((f) => source.serverFacets.includes(f.key)) : source.facets,
        facetOptions: (facet) => this.#facetOptions(facet, facets[facet.key]),
        selected: facets,
        period: this.#periodKey(),
        columns: source.columns,
        hidden: this.hiddenColumns,
        countText,
        filtered,
        exporting: this.exporting,
        formatCount: count,
        onSearch: (value) => this.#onSearch(value),
        onFacet: (key, value) => this.#userFilter({ ...this.filter, [key]: value }),
        onPeriod: (period) => (this.period = period as Period),
        onClear: () => {
          this.search = '';
          this.#userFilter({});
        },
        onColumn: (key, visible) => {
          const hidden = new Set(this.hiddenColumns);
          if (visible) hidden.delete(key);
          else hidden.add(key);
          this.hiddenColumns = hidden;
        },
        onExport: () => void this.exportCsv(),
      })}
      ${renderLoadStatus({ loader: this.loader as TableLoader<unknown>, mode: this.activeMode, total: this.total, rows: rowsTotal, formatCount: count })}
      ${this.loader.state === 'loading' ? renderWait(this.waits) : nothing}
      ${renderGrid({
        label: REPORT_LABEL[source.report],
        columns,
        rows: this.#model.rows,
        view: this.view,
        sort: this.#sort(),
        sortable: this.activeMode === 'server' ? (c) => this.#serverSortable(c) : undefined,
        rowHeight: this.#rowHeight,
        first,
        last,
        focus: this.#focus,
        busy: this.loader.state === 'loading',
        formatDate: (t) => this.#formatDate(t, lang),
        onSort: (key) => this.#toggleSort(key),
        onScroll: () => this.#onScroll(),
        onKeydown: (e) => this.#onKeydown(e, columns.length),
        onFocusCell: (row, col) => (this.#focus = { row, col }),
      })}
      ${this.view.length === 0 && this.loader.state !== 'loading' && this.loader.state !== 'idle'
        ? html`<p part="empty" class="empty">${rowsTotal ? 'No rows match these filters.' : 'No rows in this report.'}</p>`
        : nothing}
    `;
  }

  #facetOptions(facet: Facet<TableRow>, selected: string | undefined) {
    const values = new Set(this.#model.facetValues(facet.key));
    if (this.activeMode === 'server' && /^is[A-Z]/.test(facet.key)) ['true', 'false'].forEach((v) => values.add(v));
    if (selected) values.add(selected);
    const counts = this.activeMode === 'client' ? this.counts.get(facet.key) : undefined;
    return [...values]
      .map((value) => ({ value, count: counts ? (counts.get(value) ?? 0) : undefined }))
      .sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.value.localeCompare(b.value));
  }

  #serverSortable(column: Column<TableRow>): boolean {
    return Boolean(column.orderBy) || (column.key === 'time' && this.report !== 'users');
  }

  #formatDate(t: number, lang: string): string {
    if (!Number.isFinite(t)) return '';
    if (this.#dates?.lang !== lang) {
      let format: Intl.DateTimeFormat;
      try {
        format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
      } catch {
        format = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
      }
      this.#dates = { lang, format };
    }
    return this.#dates.format.format(t);
  }

  #onSearch(value: string): void {
    clearTimeout(this.#searchTimer);
    // Debounced: one filter pass when typing pauses, not one per key.
    this.#searchTimer = setTimeout(() => {
      this.search = value;
      this.#announceFilter();
    }, 150);
  }

  #userFilter(filter: Record<string, string | boolean>): void {
    this.filter = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== ''));
    this.#announceFilter();
  }

  #announceFilter(): void {
    this.updateComplete.then(() =>
      emit(this, 'sspr-filter-change', { report: this.report, search: this.search, filter: this.filter, rows: this.view.length, total: this.#model.size }),
    );
  }

  #toggleSort(key: string): void {
    const current = this.#sort();
    const column = this.#source.columns.find((c) => c.key === key);
    const numeric = column ? typeof column.sortValue(this.#model.rows[0] ?? ({} as TableRow)) === 'number' : false;
    this.sort = current.key === key ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: numeric ? 'desc' : 'asc' };
  }

  #onScroll(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const first = Math.floor(scroller.scrollTop / this.#rowHeight);
    if (first !== this.first) this.first = first;
    if (this.activeMode === 'server' && scroller.scrollTop + scroller.clientHeight > scroller.scrollHeight - 8 * this.#rowHeight) this.loader.more();
  }

  #onKeydown(event: KeyboardEvent, colCount: number): void {
    const page = Math.max(1, Math.floor(this.viewport / this.#rowHeight) - 1);
    const next = moveFocus(event.key, event.ctrlKey || event.metaKey, this.#focus, this.view.length, colCount, page);
    if (!next) return;
    event.preventDefault();
    this.#focus = next;
    const scroller = this.scroller!;
    if (next.row >= 0) {
      // Bring the row into view (below the sticky header) so it is rendered, then focus it.
      const top = next.row * this.#rowHeight;
      const header = this.#rowHeight;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (top + this.#rowHeight > scroller.scrollTop + scroller.clientHeight - header) scroller.scrollTop = top + 2 * this.#rowHeight - scroller.clientHeight;
      this.first = Math.floor(scroller.scrollTop / this.#rowHeight);
    }
    this.#moveFocus = true;
    this.requestUpdate();
  }

  /**
   * The rows shown (filters and sort applied, visible columns) as CSV; downloads it unless
   * `download: false`. Built in slices so the page stays responsive.
   */
  async exportCsv({ download = true }: { download?: boolean } = {}): Promise<Blob> {
    const columns = this.#source.columns.filter((c) => !this.hiddenColumns.has(c.key));
    this.exporting = 0;
    try {
      const blob = await toCsv(columns, this.#model.rows, this.view, (done) => (this.exporting = done / Math.max(1, this.view.length)));
      if (download) downloadBlob(blob, csvFilename(this.report));
      return blob;
    } finally {
      this.exporting = undefined;
    }
  }
}
