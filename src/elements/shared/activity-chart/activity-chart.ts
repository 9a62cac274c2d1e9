import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { initialState, Task, TaskStatus } from '@lit/task';
import { isAbortError } from '../../../client/errors.js';
import { ChartController, type ChartHover } from '../../../controllers/chart/chart-controller.js';
import { DetachedTaskController } from '../../../controllers/detached-task.js';
import { EscapeKeyController } from '../../../controllers/escape-key.js';
import { readChartTheme } from '../../../controllers/chart/chart-theme.js';
import { fetchRegistrationActivity } from '../../../reports/registration-activity.js';
import type { ActivityRow } from '../../../reports/types.js';
import { cssProps } from '../css-props.js';
import { emit } from '../events.js';
import { SsprPeriodElement } from '../period-element.js';
import { periodText } from '../period-text.js';
import { msg, str } from '../../../i18n/msg.js';
import { activityWords } from './activity-words.js';
import { renderEmptyReport, renderError, renderLastUpdated, renderNoEndpoint, renderWait } from '../status-views.js';
import { statusStyles } from '../status.styles.js';
import { themeStyles } from '../theme.styles.js';
import { chartRows, summarize, totals } from './activity-data.js';
import { activityOption, type ChartLayout, type ChartOrientation } from './activity-option.js';
import { activityChartStyles, outcomeColorStyles } from './activity-chart.styles.js';
import { renderActivityTable, type Status } from './activity-table.js';
import { renderActivityTooltip } from './activity-tooltip.js';

/**
 * Successful vs failed activity per authentication method for one feature of
 * `userRegistrationActivity`. The two chart elements differ only in the feature and the words.
 */
export abstract class SsprActivityChart extends SsprPeriodElement {
  static override styles = [themeStyles, statusStyles, activityChartStyles, outcomeColorStyles];

  /** Which feature's rows to draw (Graph's `feature` value). */
  protected abstract readonly feature: 'registration' | 'reset';

  /** `stacked` (default: one bar per method, total at its end) or `grouped` (two bars per method). */
  @property() layout: ChartLayout = 'stacked';

  /** `horizontal` (default; room for long method names) or `vertical`. */
  @property() orientation: ChartOrientation = 'horizontal';

  /** Also show methods with no activity in the period. */
  @property({ type: Boolean, attribute: 'show-empty' }) showEmpty = false;

  /** Show the data as a table instead of the chart. */
  @property({ type: Boolean, attribute: 'as-table', reflect: true }) asTable = false;

  @state() private themeVersion = 0;
  @state() private drawError?: Error;
  @state() private hover?: ChartHover;

  @query('[part="chart"]') private chartContainer?: HTMLElement;

  /** @internal */
  readonly activity = new Task(this, {
    task: async ([client, period], { signal }) => {
      if (!client) return initialState;
      this.waits.begin();
      return fetchRegistrationActivity(client, period, { signal, onWait: this.waits.onWait });
    },
    args: () => [this.effectiveClient, this.effectivePeriod] as const,
    onComplete: (rows) => {
      this.waits.clear();
      const count = rows.filter((r) => r.feature === this.feature).length;
      emit(this, 'sspr-load', { report: 'userRegistrationActivity', rows: count, loadedAt: Date.now() });
    },
    onError: (error) => {
      this.waits.clear();
      if (!isAbortError(error)) emit(this, 'sspr-error', { report: 'userRegistrationActivity', error: error as Error });
    },
  });

  readonly #detached = new DetachedTaskController(this, () => this.activity);

  readonly #charts = new ChartController(
    this,
    ({ seriesIndex, dataIndex }) => {
      const row = this.#rows()[dataIndex];
      if (row) this.#drill(row, seriesIndex === 0 ? 'success' : 'failure');
    },
    () => this.refreshTheme(),
    (hover) => {
      // the same category again after Escape stays dismissed until the pointer moves to another one
      if (hover && hover.index === this.#dismissed) return;
      this.#dismissed = undefined;
      this.hover = hover;
    },
  );

  #dismissed?: number;

  /** Escape hides the tooltip wherever focus is (WCAG 1.4.13: dismissible without moving the pointer). */
  readonly #escape = new EscapeKeyController(this, () => {
    if (!this.hover) return;
    this.#dismissed = this.hover.index;
    this.hover = undefined;
  });

  #drawn: unknown[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.#drawn = []; // the chart was disposed on disconnect: draw afresh
    this.requestUpdate();
  }

  /** Re-reads the `--sspr-*` colours and fonts and redraws (call after changing the theme from script). */
  refreshTheme(): void {
    this.themeVersion++;
  }

  /** The ECharts instance, once drawn (for tests and advanced customisation). */
  get chart() {
    return this.#charts.chart;
  }

  #rows(): ActivityRow[] {
    return this.activity.value ? chartRows(this.activity.value, this.feature, this.showEmpty) : [];
  }

  override render() {
    if (!this.effectiveClient) return renderNoEndpoint(this.localName);
    // one stable container: where focus goes when a Retry or Cancel it had is replaced
    return html`<div class="chart-root" tabindex="-1" data-focus-fallback>${this.activity.render({
      pending: () => html`<div class="skeleton chart-skeleton" aria-hidden="true"></div>${renderWait(this.waits, () => this.activity.abort())}`,
      error: (error) => renderError(error, () => this.retry(this.activity, error)),
      complete: () => html`${this.#renderData()}${renderLastUpdated(this.lastSynced('userRegistrationActivity'))}`,
    })}<span class="visually-hidden" role="status">${this.activity.status === TaskStatus.PENDING ? activityWords(this.feature).loading() : ''}</span></div>`;
  }

  #renderData() {
    const rows = this.#rows();
    const period = this.effectivePeriod;
    if (totals(rows).succeeded + totals(rows).failed === 0) {
      const nothingAtAll = (this.activity.value ?? []).every((r) => r.succeeded + r.failed === 0);
      const text = activityWords(this.feature).none(periodText(period));
      // No activity of any kind: more likely no data collected yet than a quiet week.
      return nothingAtAll ? renderEmptyReport(text) : html`<p part="empty" class="empty">${text}</p>`;
    }
    const words = activityWords(this.feature);
    const summary = summarize(words, rows, period);
    const barHeight = parseInt(getComputedStyle(this).getPropertyValue('--_chart-bar-height'), 10) || 32;
    const height = this.orientation === 'horizontal' ? Math.max(160, rows.length * barHeight + 72) : 320;
    return html`
      <p part="summary" class="summary">${summary}</p>
      <div class="toolbar">
        <button part="toggle" type="button" class="toggle" aria-pressed=${this.asTable ? 'true' : 'false'}
          @click=${() => (this.asTable = !this.asTable)}>${msg('Show as table')}</button>
      </div>
      ${this.asTable
        ? renderActivityTable(rows, words, (row, status) => this.#drill(row, status))
        : html`<div class="chart-box" @pointerleave=${() => (this.hover = undefined)}>
            <div part="chart" class="chart" aria-hidden="true" ${cssProps({ height: `${height}px` })}></div>
            ${this.#renderTooltip(rows)}
          </div>
          <div class="visually-hidden">${renderActivityTable(rows, words)}</div>`}
      ${this.drawError && !this.asTable
        ? renderError(new Error(msg(str`The chart could not be drawn (${this.drawError.message}). The numbers are in the table.`)), () => {
            this.#drawn = [];
            this.drawError = undefined;
          })
        : nothing}
    `;
  }

  #renderTooltip(rows: ActivityRow[]) {
    const row = this.hover && rows[this.hover.index];
    if (!row || !this.hover) return nothing;
    return renderActivityTooltip(row, this.hover, this.chartContainer?.clientWidth ?? 0);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const container = this.chartContainer;
    if (!container) {
      this.#charts.dispose();
      this.#drawn = [];
      return;
    }
    // Redraw only when something the drawing depends on changed.
    const inputs = [this.activity.value, this.themeVersion, this.layout, this.orientation, this.showEmpty, this.locale, this.language, container];
    if (inputs.every((v, i) => v === this.#drawn[i])) return;
    this.#drawn = inputs;
    const option = activityOption(this.#rows(), readChartTheme(this.shadowRoot!), this.layout, this.orientation);
    this.#charts.draw(container, option).then(
      () => (this.drawError = undefined),
      (error: unknown) => {
        // the chart code could not be downloaded (offline, a deploy in progress): say so and wait for
        // Retry (which forgets the last drawing), rather than trying again on every update
        this.drawError = error instanceof Error ? error : new Error(String(error));
      },
    );
  }

  #drill(row: ActivityRow, status: Status) {
    emit(this, 'sspr-drilldown', { report: 'events', filter: { feature: row.feature, method: row.method, status } }, { cancelable: true });
  }
}
