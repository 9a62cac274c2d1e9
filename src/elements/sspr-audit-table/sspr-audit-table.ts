import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { TableData } from '../../controllers/table-data.js';
import { VirtualWindow } from '../../controllers/virtual-window.js';
import type { TableLoader } from '../../controllers/table-loader.js';
import { PERIOD_MS, type Period } from '../../reports/types.js';
import type { TableReport, TableRow } from '../../table/columns.js';
import { csvFilename, downloadBlob, toCsv, type CsvValues } from '../../table/csv.js';
import { facetOptions } from '../../table/facet-options.js';
import { SOURCES, type TableSource } from '../../table/sources.js';
import type { TableFilter, TableSort } from '../../table/table-model.js';
import { formatCount, formatDateTime } from '../../i18n/format.js';
import { msg, str } from '../../i18n/msg.js';
import { offeredPeriods, SsprPeriodElement } from '../shared/period-element.js';
import { renderLastUpdated, renderNoEndpoint } from '../shared/status-views.js';
import { renderEmptyState, renderNotices } from './table-notices.js';
import { statusStyles } from '../shared/status.styles.js';
import { themeStyles } from '../shared/theme.styles.js';
import { filterConverter, normalizeFilter } from './filter-attribute.js';
import { auditTableStyles } from './sspr-audit-table.styles.js';
import { renderGrid } from './table-grid.js';
import { renderToolbar } from './table-toolbar.js';
import { TableAnnouncer } from './table-announcer.js';

function reportLabel(report: TableReport): string {
  if (report === 'users') return msg('User registration details');
  if (report === 'audit') return msg('Self-service password reset audit log');
  return msg('Registration and reset events');
}

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
 * @fires {SsprFilterChangeDetail} sspr-filter-change - The user changed the search or a filter.
 * @fires {SsprLoadDetail} sspr-load - Every page has arrived (client mode) or a page arrived (server mode).
 * @fires {SsprErrorDetail} sspr-error - A page could not be read; the rows already loaded stay.
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
 * @csspart updated - "Last updated …", when a reporting endpoint says when it last synced the report.
 * @csspart scroller - The scrolling grid.
 * @csspart header-row - The sticky header row.
 * @csspart header-cell - A column header (its button sorts).
 * @csspart row - A row.
 * @csspart cell - A cell.
 * @csspart empty - The message when no row matches, or what to check when the report has no rows at all.
 * @csspart status - Notices: what server mode did in memory instead of at Graph, a read started over after an expired page link.
 *
 * The `period` attribute also takes `all` here: every row loaded, whatever its date.
 *
 * @cssprop --sspr-table-height - Height of the scrolling grid (default 28rem).
 * @cssprop --sspr-table-row-height - Height of a row (default 36px).
 * @cssprop --sspr-table-header-background - Header background (default `--sspr-color-surface-raised`).
 * @cssprop --sspr-table-stripe - Background of every other row (default transparent).
 */
export class SsprAuditTable extends SsprPeriodElement {
  protected static override translationParts = ['core', 'errors', 'table'] as const;

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

  /** What the CSV export writes in every column: the labels shown (`labels`, default) or Graph's own values (`raw`). */
  @property({ attribute: 'csv-values' }) csvValues: CsvValues = 'labels';

  @state() private sort?: TableSort;
  @state() private hiddenColumns = new Set<string>();
  @state() private exporting?: number;

  @query('[part="scroller"]') private scroller?: HTMLElement;

  readonly #window = new VirtualWindow(this, () => this.scroller);
  readonly #data = new TableData(this, this.waits.onWait, () => this.#window.reset(), (fn) => this.inLanguage(fn));
  readonly #announcer = new TableAnnouncer(this, this.#data);
  #searchTimer?: ReturnType<typeof setTimeout>;

  /** @internal the page loader (state, progress, cancel, resume) */
  get loader(): TableLoader<TableRow> {
    return this.#data.loader;
  }

  get #source(): TableSource<TableRow> {
    return (SOURCES[this.report] ?? SOURCES.events) as TableSource<TableRow>;
  }

  /** The rows that match now, in display order (a copy). */
  get visibleRows(): TableRow[] {
    return Array.from(this.#data.view, (i) => this.#data.model.rows[i]);
  }

  /** Rows loaded so far. */
  get loadedRows(): number {
    return this.#data.model.size;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('report') && changed.get('report') !== undefined) {
      // another report: its own columns, sort and focus
      this.sort = undefined;
      this.hiddenColumns = new Set();
      this.#window.reset();
    }
    const period = this.#periodKey();
    const filter: TableFilter = {
      search: this.search,
      facets: normalizeFilter(this.filter),
      // to the minute: a filter that moved with every millisecond would never reuse the last search
      since: period && period !== 'all' ? Math.floor(Date.now() / 60_000) * 60_000 - PERIOD_MS[period] : undefined,
    };
    this.#data.sync({
      client: this.effectiveClient,
      source: this.#source,
      mode: this.mode,
      serverThreshold: this.serverThreshold,
      filter,
      period,
      sort: this.#sort(),
      language: this.language,
    });
  }

  /** The period rows must fall in; none for users, nor when the table's own period is `all`. */
  #periodKey(): Period | 'all' | undefined {
    if (this.report === 'users') return undefined;
    return (this.period as string) === 'all' ? 'all' : this.effectivePeriod;
  }

  #sort(): TableSort {
    const source = this.#source;
    return this.sort && source.columns.some((c) => c.key === this.sort!.key) ? this.sort : source.defaultSort;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#announcer.afterUpdate();
    // Server mode loads more as the user scrolls; a first page too short to scroll must not stall it.
    if (this.#data.activeMode === 'server' && this.loader.state === 'more' && this.#window.nearEnd()) this.loader.more();
  }

  override render() {
    if (!this.effectiveClient) return renderNoEndpoint('sspr-audit-table');
    const source = this.#source;
    const data = this.#data;
    const server = data.activeMode === 'server';
    const columns = source.columns.filter((c) => !this.hiddenColumns.has(c.key));
    const lang = this.locale;
    const count = (n: number) => formatCount(n, lang);
    const facets = normalizeFilter(this.filter);
    const loaded = data.model.size;
    const view = data.view;
    this.#window.follow(view);
    const { first, last } = this.#window.range(view.length);
    return html`
      ${renderToolbar({
        search: this.search,
        searchHint: server ? msg('Name or UPN starts with…') : msg('Name or UPN'),
        facets: server ? source.facets.filter((f) => source.serverFacets.includes(f.key)) : source.facets,
        facetOptions: (facet) =>
          facet.contextual && data.admins !== 'loaded'
            ? facetOptions(facet, [], undefined, facets[facet.key], true) // picking one reads the admins
            : facetOptions(facet, data.model.facetValues(facet.key), server ? undefined : data.counts.get(facet.key), facets[facet.key], server),
        selected: facets,
        period: this.#periodKey(),
        periods: offeredPeriods(this.effectiveClient?.facts.periods, this.effectivePeriod),
        columns: source.columns,
        hidden: this.hiddenColumns,
        countText: server
          ? this.loader.nextLink ? msg(str`${count(loaded)} rows loaded (more on scroll)`) : msg(str`${count(loaded)} rows loaded`)
          : msg(str`${count(view.length)} of ${count(loaded)} rows`),
        filtered: this.search.trim() !== '' || Object.keys(facets).length > 0,
        exporting: this.exporting,
        formatCount: count,
        onSearch: (value) => this.#onSearch(value),
        onFacet: (key, value) => this.#userFilter({ ...this.filter, [key]: value }),
        onPeriod: (period) => (this.period = period as Period),
        onClear: () => {
          clearTimeout(this.#searchTimer); // a search still waiting to apply is cleared too
          this.search = '';
          this.#userFilter({});
          // the button disables itself: keep focus in the toolbar (on the search box) rather than on <body>
          this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('[part="search"]')?.focus());
        },
        onColumn: (key, visible) => {
          const hidden = new Set(this.hiddenColumns);
          if (visible) hidden.delete(key);
          else hidden.add(key);
          this.hiddenColumns = hidden;
        },
        onExport: () => void this.exportCsv(),
      })}
      ${renderNotices({ data, source, facets, period: this.#periodKey() !== undefined && this.#periodKey() !== 'all', sort: this.#sort(), waits: this.waits, formatCount: count })}
      <span class="visually-hidden" role="status" aria-live="polite">${this.#announcer.live.text}</span>
      ${renderGrid({
        label: reportLabel(source.report),
        columns,
        rows: data.model.rows,
        view,
        sort: this.#sort(),
        sortable: server ? (c) => Boolean(c.orderBy) || (c.key === 'time' && source.report !== 'users') : undefined,
        rowHeight: this.#window.rowHeight,
        first,
        last,
        focus: this.#window.focus,
        busy: (data.sizing || this.loader.state === 'loading') && loaded === 0, // rows already shown are usable
        formatDate: (t) => formatDateTime(t, lang),
        onSort: (key) => this.#toggleSort(key),
        onScroll: () => {
          if (this.#window.onScroll() && server) this.loader.more();
        },
        onKeydown: (e) => this.#window.onKeydown(e, view, columns.length),
        onFocusCell: (row, col) => this.#window.setFocus(row, col, view),
      })}
      ${renderEmptyState({ data, facets, search: this.search })}
      ${loaded > 0 ? renderLastUpdated(this.lastSynced(source.route)) : nothing}
    `;
  }

  #onSearch(value: string): void {
    clearTimeout(this.#searchTimer);
    // In memory a filter pass is a few milliseconds: apply it at once. Against the endpoint, wait until
    // typing pauses, so each query is one the user meant.
    const apply = () => {
      this.search = value;
      this.#announcer.userFiltered();
    };
    if (this.#data.activeMode === 'server') this.#searchTimer = setTimeout(apply, 300);
    else apply();
  }

  #userFilter(filter: Record<string, string | boolean>): void {
    this.filter = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== ''));
    this.#announcer.userFiltered();
  }

  #toggleSort(key: string): void {
    const current = this.#sort();
    const column = this.#source.columns.find((c) => c.key === key);
    // Dates and counts read best newest / largest first; text A to Z.
    const numeric = column?.date === true;
    this.sort = current.key === key ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: numeric ? 'desc' : 'asc' };
  }

  /**
   * The rows shown (filters and sort applied, visible columns) as CSV; downloads it unless
   * `download: false`. Every column holds labels, or Graph's values with `values: 'raw'` (default
   * `csvValues`). Built in slices so the page stays responsive.
   */
  async exportCsv({ download = true, values = this.csvValues }: { download?: boolean; values?: CsvValues } = {}): Promise<Blob> {
    const columns = this.#source.columns.filter((c) => !this.hiddenColumns.has(c.key));
    const view = this.#data.view;
    this.exporting = 0;
    try {
      const onProgress = (done: number) => (this.exporting = done / Math.max(1, view.length));
      // labels and headers in the table's language (toCsv keeps the scope it starts in across its slices)
      const blob = await this.inLanguage(() => toCsv(columns, this.#data.model.rows, view, { onProgress, values: values === 'raw' ? 'raw' : 'labels' }));
      if (download) downloadBlob(blob, csvFilename(this.report));
      return blob;
    } finally {
      this.exporting = undefined;
    }
  }
}
