import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { ReportClient } from '../../client/report-client.js';
import type { Period } from '../../reports/types.js';
import { offeredPeriods, periodInEffect } from '../shared/period-element.js';
import { EndpointFactsController } from '../../controllers/endpoint-facts.js';
import type { ReportRoute } from '../../graph/documented-queries.js';
import { clientContext, periodContext } from '../shared/context.js';
import { resolveClient } from '../shared/client-registry.js';
import type { DrilldownDetail, SsprDrilldownEvent, SsprFilterChangeEvent, SsprLoadEvent, SsprPeriodChangeEvent } from '../shared/events.js';
import { formatDateTime } from '../../i18n/format.js';
import { renderNoEndpoint } from '../shared/status-views.js';
import { themeStyles } from '../shared/theme.styles.js';
import { statusStyles } from '../shared/status.styles.js';
import { dashboardStyles } from './sspr-dashboard.styles.js';
import { describeDrilldown, reportName, REPORTS } from './drilldown-text.js';
import { msg } from '../../i18n/msg.js';
import { SsprLocalizedElement } from '../shared/localized-element.js';
import { exportParts } from './dashboard-parts.js';

/** The reports the dashboard's own elements read: its "Last updated" is the oldest of theirs. */
const DASHBOARD_ROUTES: readonly ReportRoute[] = [
  'usersRegisteredByFeature', 'userRegistrationActivity', 'usersRegisteredByMethod', 'userPasswordResetsAndChangesSummary', 'userEventsSummary',
  'directoryAudits', 'userRegistrationDetails',
];

/**
 * The whole report, composed like the portal's blade: registration tiles, the period, the registration
 * and reset charts, and the details table, sharing one client and one period. Drill-downs from tiles
 * and charts open the matching rows in the table.
 *
 * @tag sspr-dashboard
 * @summary SSPR usage & insights in one tag.
 *
 * @fires {SsprPeriodChangeDetail} sspr-period-change - The user picked another period (bubbles from the period control).
 * @fires {SsprDrilldownDetail} sspr-drilldown - A tile or bar was activated (bubbles from it). Call `preventDefault()` to navigate yourself instead of opening the table.
 *
 * @slot heading - Replaces the default heading.
 * @slot - More content between the charts and the details; elements placed here share the dashboard's client and period.
 *
 * @csspart base - The dashboard's frame.
 * @csspart header - The heading row with the period control.
 * @csspart freshness - When the data was loaded and the reports' lag.
 * @csspart tiles - The `<sspr-tiles>` element.
 * @csspart charts - The charts row.
 * @csspart registrations-chart - The `<sspr-registrations-chart>` element.
 * @csspart resets-chart - The `<sspr-resets-chart>` element.
 * @csspart charts-more - The second row of charts.
 * @csspart methods-chart - The `<sspr-methods-chart>` element.
 * @csspart trend-chart - The `<sspr-trend-chart>` element.
 * @csspart insights-section - The section that holds the insights.
 * @csspart insights - The `<sspr-insights>` element (its parts as `insights-<part>`).
 * @csspart details - The details area the drill-downs open.
 * @csspart table - The `<sspr-audit-table>` element in it.
 * @csspart reports - The buttons that switch the details between events, users and the audit log.
 * @csspart report - One of those buttons (`aria-pressed` tells which is shown).
 * @csspart tile - A tile of the tiles inside (also `label`, `value`, `share`, `meter`); every part of the
 *   elements inside is forwarded as `tiles-<part>`, `period-<part>`, `registrations-<part>`,
 *   `resets-<part>`, `methods-<part>`, `trend-<part>`, `insights-<part>` and `table-<part>` (e.g.
 *   `resets-summary`, `table-row`, `table-cell`; a chart's own `chart` part is `<prefix>-plot`).
 * @csspart label - A tile's title.
 * @csspart value - A tile's count.
 * @csspart share - A tile's share of all users.
 * @csspart meter - The bar under a tile's share.
 *
 * @cssprop --sspr-dashboard-gap - Space between the sections (default `--sspr-space`).
 * @cssprop --sspr-dashboard-background - Background of the frame (default transparent: the element's surface, `--sspr-color-surface`, shows through).
 * @cssprop --sspr-dashboard-padding - Space between the frame's edge and its content (default 0.75 × `--sspr-space`).
 */
export class SsprDashboard extends SsprLocalizedElement {
  // the details heading names methods, failure reasons and activities: the table's words
  protected static override translationParts = ['core', 'errors', 'table'] as const;

  static override styles = [themeStyles, statusStyles, dashboardStyles];

  /** Graph root every element inside reads from, e.g. `/graph`. */
  @property({ reflect: true }) endpoint?: string;

  /** The shared period: `d1`, `d7` or `d30` (`d90`, `d180`, `d365` when the endpoint offers them: a reporting endpoint with history). */
  @property({ reflect: true }) period: Period = 'd7';

  /** Async function returning a bearer token (e.g. from MSAL), shared by every element inside. */
  @property({ attribute: false }) getToken?: () => Promise<string | undefined>;

  /** Fetch credentials mode: `same-origin` (default) or `include`. */
  @property({ attribute: false }) credentials?: RequestCredentials;

  /** A client to share instead of one built from `endpoint` (custom budget, retries or fetch). */
  @property({ attribute: false }) client?: ReportClient;

  /** The report and filter the details area shows (set by drill-downs, or by the page). */
  @property({ attribute: false }) details?: DrilldownDetail;

  @state() private loadedAt?: number;

  /** What the table shows now, once the user has changed its filters or search after a drill-down. */
  @state() private shown?: DrilldownDetail & { search: string };

  @query('#details') private detailsSection?: HTMLElement;

  readonly #clientProvider = new ContextProvider(this, { context: clientContext });
  readonly #periodProvider = new ContextProvider(this, { context: periodContext });
  // a reporting endpoint says in its answers when it last synced, and which periods it offers
  readonly #facts = new EndpointFactsController(this, () => this.effectiveClient);

  constructor() {
    super();
    this.addEventListener('sspr-drilldown', (e) => this.#onDrilldown(e));
    this.addEventListener('sspr-period-change', (e) => this.#onPeriodChange(e));
    this.addEventListener('sspr-load', (e) => this.#onLoad(e));
    this.addEventListener('sspr-filter-change', (e) => this.#onFilterChange(e));
  }

  protected get effectiveClient(): ReportClient | undefined {
    return resolveClient(this);
  }

  override updated() {
    // Hand each drill-down to the table once (also if it was set before the table existed): the
    // user's own filters in the table must survive every other re-render of the dashboard.
    const table = this.shadowRoot?.querySelector('sspr-audit-table');
    if (table && this.details && this.details !== this.#handedOver) {
      this.#handedOver = this.details;
      Object.assign(table, { report: this.details.report, filter: { ...this.details.filter }, search: this.details.search ?? '' });
    }
  }

  #handedOver?: DrilldownDetail;

  /** What the details heading describes: the table's own filters once the user changed them, else the drill-down. */
  get #described(): (DrilldownDetail & { search?: string }) | undefined {
    return this.shown ?? this.details;
  }

  override willUpdate(changed: PropertyValues<this>) {
    // A new drill-down (from a tile, a bar, the report buttons or the page) is what the heading describes again.
    if (changed.has('details')) this.shown = undefined;
    this.#clientProvider.setValue(this.effectiveClient);
    this.#periodProvider.setValue(periodInEffect(this.period, undefined, this.effectiveClient?.facts.periods));
  }

  override render() {
    if (!this.effectiveClient) return renderNoEndpoint('sspr-dashboard');
    return html`<div part="base" class="dashboard">
      <header part="header" class="header">
        <slot name="heading"><h2 class="heading">${msg('Password reset usage & insights')}</h2></slot>
        <sspr-period-select .period=${periodInEffect(this.period, undefined, this.effectiveClient?.facts.periods)} .periods=${offeredPeriods(this.effectiveClient?.facts.periods)} exportparts=${exportParts('period')}></sspr-period-select>
      </header>
      ${this.#renderFreshness()}
      <sspr-tiles part="tiles" exportparts=${exportParts('tiles')} metrics="registered enabled capable mfa passwordless"></sspr-tiles>
      <div part="charts" class="charts">
        <section class="chart-slot" aria-labelledby="registrations-title">
          <h3 id="registrations-title">${msg('Registrations by method')}</h3>
          <sspr-registrations-chart part="registrations-chart" exportparts=${exportParts('registrations')}></sspr-registrations-chart>
        </section>
        <section class="chart-slot" aria-labelledby="resets-title">
          <h3 id="resets-title">${msg('Password resets by method')}</h3>
          <sspr-resets-chart part="resets-chart" exportparts=${exportParts('resets')}></sspr-resets-chart>
        </section>
      </div>
      <div part="charts-more" class="charts">
        <section class="chart-slot" aria-labelledby="methods-title">
          <h3 id="methods-title">${msg('Users registered per method')}</h3>
          <sspr-methods-chart part="methods-chart" exportparts=${exportParts('methods')}></sspr-methods-chart>
        </section>
        <section class="chart-slot" aria-labelledby="trend-title">
          <h3 id="trend-title">${msg('Password resets and changes per day')}</h3>
          <sspr-trend-chart part="trend-chart" exportparts=${exportParts('trend')}></sspr-trend-chart>
        </section>
      </div>
      <section part="insights-section" class="insights-slot" aria-labelledby="insights-title">
        <h3 id="insights-title">${msg('Insights')}</h3>
        <sspr-insights part="insights" exportparts=${exportParts('insights')}></sspr-insights>
      </section>
      <slot></slot>
      <section part="details" id="details" class="details" tabindex="-1" aria-labelledby="details-title">
        <div class="details-head">
          <h3 id="details-title">${msg('Details')}</h3>
          ${this.#renderReportSwitch()}
        </div>
        ${this.#described
          ? html`<p class="details-filter" data-report=${this.#described.report}>${describeDrilldown(this.#described)}</p>`
          : html`<p class="placeholder">${msg('Select a tile or a bar to see the users and events behind it, or filter the events below.')}</p>`}
        <sspr-audit-table part="table" exportparts=${exportParts('table')}></sspr-audit-table>
      </section>
    </div>`;
  }

  /** Events, users or the audit log in the details, without script: each button opens its report unfiltered. */
  #renderReportSwitch() {
    const shown = this.#described?.report ?? 'events';
    return html`<div part="reports" class="reports" role="group" aria-label=${msg('Report')}>
      ${REPORTS.map((report) => html`<button part="report" type="button"
        class="report" data-report=${report} aria-pressed=${report === shown ? 'true' : 'false'}
        @click=${() => (this.details = { report, filter: {} })}>${reportName(report)}</button>`)}
    </div>`;
  }

  /** When the oldest report on the dashboard was last synced, if its endpoint says (never against plain Graph). */
  #lastSynced(): number | undefined {
    const facts = this.effectiveClient?.facts;
    const times = DASHBOARD_ROUTES.map((route) => facts?.lastSync(route)).filter((t): t is number => t !== undefined);
    return times.length ? Math.min(...times) : undefined;
  }

  #renderFreshness() {
    const time = this.loadedAt ? formatDateTime(this.loadedAt) : undefined;
    const synced = this.#lastSynced();
    return html`<p part="freshness" class="freshness">
      ${time ? msg(html`Loaded <time datetime=${new Date(this.loadedAt!).toISOString()}>${time}</time>.`) : nothing}
      ${synced !== undefined ? msg(html`Last updated from Microsoft Graph <time datetime=${new Date(synced).toISOString()}>${formatDateTime(synced)}</time>.`) : nothing}
      ${msg('These reports are not live: Microsoft documents a delay of up to a few hours.')}
    </p>`;
  }

  /** The user filtered or searched in the table: the heading describes what it shows now, not the drill-down. */
  #onFilterChange(event: SsprFilterChangeEvent) {
    const { report, filter, search } = event.detail;
    this.shown = { report: report as DrilldownDetail['report'], filter: { ...filter }, search };
  }

  #onPeriodChange(event: SsprPeriodChangeEvent) {
    this.period = event.detail.period;
  }

  #onLoad(event: SsprLoadEvent) {
    this.loadedAt = Math.max(this.loadedAt ?? 0, event.detail.loadedAt);
  }

  #onDrilldown(event: SsprDrilldownEvent) {
    // Let the page's own listeners run first: a cancelled drill-down is theirs to handle.
    queueMicrotask(() => {
      if (event.defaultPrevented) return;
      this.details = event.detail;
      this.updateComplete.then(() => {
        const target = this.detailsSection;
        // no smooth scroll for readers who asked the system for less motion
        const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
        target?.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
        target?.focus({ preventScroll: true });
      });
    });
  }
}
