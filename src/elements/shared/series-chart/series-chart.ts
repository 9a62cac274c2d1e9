import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { initialState, Task, TaskStatus } from '@lit/task';
import type { ReportClient } from '../../../client/report-client.js';
import type { WaitInfo } from '../../../client/client-options.js';
import { isAbortError } from '../../../client/errors.js';
import { ChartController, type ChartHover } from '../../../controllers/chart/chart-controller.js';
import { readChartTheme } from '../../../controllers/chart/chart-theme.js';
import { DetachedTaskController } from '../../../controllers/detached-task.js';
import { EscapeKeyController } from '../../../controllers/escape-key.js';
import { formatCount } from '../../../i18n/format.js';
import { msg, str } from '../../../i18n/msg.js';
import { activityChartStyles } from '../activity-chart/activity-chart.styles.js';
import { tooltipPosition } from '../activity-chart/activity-tooltip.js';
import { cssProps } from '../css-props.js';
import { emit } from '../events.js';
import { SsprReportElement } from '../report-element.js';
import { renderEmptyReport, renderError, renderLastUpdated, renderNoEndpoint, renderWait } from '../status-views.js';
import { statusStyles } from '../status.styles.js';
import type { ReportRoute } from '../../../graph/documented-queries.js';
import { themeStyles } from '../theme.styles.js';
import type { SeriesModel } from './series-model.js';
import { seriesOption } from './series-option.js';
import { renderSeriesTable } from './series-table.js';

/**
 * A bar chart of one report: categories (methods, days) × series (counts), with the same states, theming,
 * lazily loaded ECharts chunk, summary sentence, data-table alternative (visible on request, and always
 * beside the drawing for screen readers), Escape-dismissable tooltip and drill-down as the activity
 * charts. A subclass says what to load and how its rows read.
 */
export abstract class SsprSeriesChart<Row> extends SsprReportElement {
  protected static override translationParts = ['core', 'errors', 'charts'] as const;

  static override styles = [themeStyles, statusStyles, activityChartStyles];

  /** Show the data as a table instead of the chart. */
  @property({ type: Boolean, attribute: 'as-table', reflect: true }) asTable = false;

  @state() private themeVersion = 0;
  @state() private drawError?: Error;
  @state() private hover?: ChartHover;
  @query('[part="chart"]') private chartContainer?: HTMLElement;

  /** The Graph report this chart reads, for `sspr-load` / `sspr-error`. */
  protected abstract readonly report: ReportRoute;
  /** Reads the rows; `args` are `taskArgs()`. */
  protected abstract load(client: ReportClient, args: readonly unknown[], request: { signal: AbortSignal; onWait: (w: WaitInfo) => void }): Promise<Row[]>;
  /** What besides the client the rows depend on (the period, user types, …). */
  protected abstract taskArgs(): readonly unknown[];
  /** The rows as the chart draws and says them (called during the update, in the element's language). */
  protected abstract model(rows: Row[]): SeriesModel;
  /** Says "Loading …" to screen readers while the rows load. */
  protected abstract loadingText(): string;

  /** @internal */
  readonly data = new Task(this, {
    task: async ([client, ...args], { signal }) => {
      if (!client) return initialState;
      this.waits.begin();
      return this.load(client as ReportClient, args, { signal, onWait: this.waits.onWait });
    },
    args: () => [this.effectiveClient, ...this.taskArgs()] as const,
    onComplete: (rows) => {
      this.waits.clear();
      emit(this, 'sspr-load', { report: this.report, rows: rows.length, loadedAt: Date.now() });
    },
    onError: (error) => {
      this.waits.clear();
      if (!isAbortError(error)) emit(this, 'sspr-error', { report: this.report, error: error as Error });
    },
  });

  readonly #detached = new DetachedTaskController(this, () => this.data);
  #model?: SeriesModel;
  #dismissed?: number;
  #drawn: unknown[] = [];

  readonly #charts = new ChartController(
    this,
    ({ seriesIndex, dataIndex }) => this.#drill(dataIndex, seriesIndex),
    () => this.refreshTheme(),
    (hover) => {
      if (hover && hover.index === this.#dismissed) return;
      this.#dismissed = undefined;
      this.hover = hover;
    },
  );

  /** Escape hides the tooltip wherever focus is (WCAG 1.4.13). */
  readonly #escape = new EscapeKeyController(this, () => {
    if (!this.hover) return;
    this.#dismissed = this.hover.index;
    this.hover = undefined;
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#drawn = []; // the chart was disposed on disconnect: draw afresh
  }

  /** Re-reads the `--sspr-*` colours and fonts and redraws (call after changing the theme from script). */
  refreshTheme(): void {
    this.themeVersion++;
  }

  /** The ECharts instance, once drawn. */
  get chart() {
    return this.#charts.chart;
  }

  override render() {
    if (!this.effectiveClient) return renderNoEndpoint(this.localName);
    return html`<div class="chart-root" tabindex="-1" data-focus-fallback>${this.data.render({
      pending: () => html`<div class="skeleton chart-skeleton" aria-hidden="true"></div>${renderWait(this.waits, () => this.data.abort())}`,
      error: (error) => renderError(error, () => this.retry(this.data, error)),
      complete: (rows) => html`${this.#renderData(rows)}${renderLastUpdated(this.lastSynced(this.report))}`,
    })}<span class="visually-hidden" role="status">${this.data.status === TaskStatus.PENDING ? this.loadingText() : ''}</span></div>`;
  }

  #renderData(rows: Row[]) {
    const model = (this.#model = this.model(rows));
    if (model.empty) return renderEmptyReport(model.empty);
    const bars = parseInt(getComputedStyle(this).getPropertyValue('--_chart-bar-height'), 10) || 32;
    const height = model.orientation === 'horizontal' ? Math.max(160, model.categories.length * bars + 56) : 300;
    const drill = (i: number, s: number) => this.#drill(i, s);
    return html`
      <p part="summary" class="summary">${model.summary}</p>
      <div class="toolbar">
        <button part="toggle" type="button" class="toggle" aria-pressed=${this.asTable ? 'true' : 'false'}
          @click=${() => (this.asTable = !this.asTable)}>${msg('Show as table')}</button>
      </div>
      ${this.asTable
        ? renderSeriesTable(model, true, drill)
        : html`<div class="chart-box" @pointerleave=${() => (this.hover = undefined)}>
            <div part="chart" class="chart" aria-hidden="true" ${cssProps({ height: `${height}px` })}></div>
            ${this.#renderTooltip(model)}
          </div>
          <div class="visually-hidden">${renderSeriesTable(model, false, drill)}</div>`}
      ${this.drawError && !this.asTable
        ? renderError(new Error(msg(str`The chart could not be drawn (${this.drawError.message}). The numbers are in the table.`)), () => {
            this.#drawn = [];
            this.drawError = undefined;
          })
        : nothing}
    `;
  }

  #renderTooltip(model: SeriesModel) {
    const hover = this.hover;
    const label = hover && model.categories[hover.index];
    if (!hover || label === undefined) return nothing;
    return html`<div part="tooltip" class="tooltip" role="tooltip" ${cssProps(tooltipPosition(hover, this.chartContainer?.clientWidth ?? 0))}>
      <strong class="tooltip-title">${label}</strong>
      ${model.series.map(
        (s) => html`<span class="tooltip-line"><span class=${`swatch ${s.color}${s.hatched ? ' hatched' : ''}`} aria-hidden="true"></span>${s.name}: <b>${formatCount(s.values[hover.index] ?? 0)}</b></span>`,
      )}
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const container = this.chartContainer;
    const model = this.#model;
    if (!container || !model) {
      this.#charts.dispose();
      this.#drawn = [];
      return;
    }
    const inputs = [this.data.value, this.themeVersion, this.locale, this.language, container];
    if (inputs.every((v, i) => v === this.#drawn[i])) return;
    this.#drawn = inputs;
    this.#charts.draw(container, seriesOption(model, readChartTheme(this.shadowRoot!))).then(
      () => (this.drawError = undefined),
      (error: unknown) => (this.drawError = error instanceof Error ? error : new Error(String(error))),
    );
  }

  #drill(index: number, series: number) {
    const detail = this.#model?.drill(index, series);
    if (detail) emit(this, 'sspr-drilldown', detail, { cancelable: true });
  }
}
