import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { initialState, Task, TaskStatus } from '@lit/task';
import { errorText, isAbortError } from '../../client/errors.js';
import { fetchFeatureSummary } from '../../reports/feature-summary.js';
import type { FeatureSummary, UserRoles, UserTypes } from '../../reports/types.js';
import { DetachedTaskController } from '../../controllers/detached-task.js';
import { SsprPeriodElement } from '../shared/period-element.js';
import type * as TileTrend from './tile-trend.js';
import { cssProps } from '../shared/css-props.js';
import { emit } from '../shared/events.js';
import { userScopeFilter } from '../shared/user-scope.js';
import { formatCount, formatShare } from '../../i18n/format.js';
import { msg, str } from '../../i18n/msg.js';
import { renderEmptyReport, renderError, renderLastUpdated, renderNoEndpoint, renderWait } from '../shared/status-views.js';
import { themeStyles } from '../shared/theme.styles.js';
import { statusStyles } from '../shared/status.styles.js';
import { parseMetrics, TILES, type TileDefinition } from './metrics.js';
import { tilesStyles } from './sspr-tiles.styles.js';

/**
 * Users registered, enabled and capable for self-service password reset (and optionally MFA- and
 * passwordless-capable): each count with its share of all users. Every tile is a button that drills
 * down into the matching users. From a reporting endpoint that keeps history, each tile also draws its
 * count day by day over the period (its own `period`, else a dashboard's, else the last 7 days).
 *
 * @tag sspr-tiles
 * @summary SSPR registration tiles from `usersRegisteredByFeature`.
 *
 * @fires {SsprDrilldownDetail} sspr-drilldown - A tile was activated; `detail` is `{report: 'users', filter}`. Cancelable.
 * @fires {SsprLoadDetail} sspr-load - The counts arrived.
 * @fires {SsprErrorDetail} sspr-error - The counts could not be read; `detail.error.kind` says why.
 *
 * @csspart base - The grid of tiles.
 * @csspart tile - One tile (a button).
 * @csspart label - A tile's title.
 * @csspart value - A tile's count.
 * @csspart share - A tile's share of all users.
 * @csspart meter - The bar under the share.
 * @csspart description - What a tile's count means (read once: no `title` repeats it).
 * @csspart trend - A tile's count day by day over the period (from a reporting endpoint with history).
 * @csspart status - Waiting and hint messages ("has not answered yet", "retrying in 4 s").
 * @csspart cancel - The Cancel button of a wait or a slow answer.
 * @csspart empty - What to check when Graph reports no users at all.
 * @csspart error - The error box.
 * @csspart retry - The Retry button.
 * @csspart updated - "Last updated …", when a reporting endpoint says when it last synced the counts.
 *
 * @cssprop --sspr-tile-background - Tile background (default: `--sspr-color-surface`).
 * @cssprop --sspr-tile-border-color - Tile border (default: `--sspr-color-border`).
 * @cssprop --sspr-tile-accent - Meter and hover colour (default: `--sspr-color-accent`).
 * @cssprop --sspr-tile-min-width - Narrowest a tile gets before the grid wraps (default 11rem).
 * @cssprop --sspr-tile-value-size - Font size of the counts (default 1.9rem).
 */
export class SsprTiles extends SsprPeriodElement {
  static override styles = [themeStyles, statusStyles, tilesStyles];

  /** Which tiles, in order: any of `registered enabled capable mfa passwordless` (default the first three). */
  @property() metrics?: string;

  /** Which users count: `all`, `member` or `guest`. */
  @property({ attribute: 'user-types' }) userTypes: UserTypes = 'all';

  /** Which roles count: `all`, `privilegedAdmin`, `admin` or `user`. */
  @property({ attribute: 'user-roles' }) userRoles: UserRoles = 'all';

  /** @internal */
  readonly summary = new Task(this, {
    task: async ([client, userTypes, userRoles], { signal }) => {
      if (!client) return initialState;
      this.waits.begin();
      return fetchFeatureSummary(client, { userTypes, userRoles, signal, onWait: this.waits.onWait });
    },
    args: () => [this.effectiveClient, this.userTypes, this.userRoles] as const,
    onComplete: () => {
      this.waits.clear();
      emit(this, 'sspr-load', { report: 'usersRegisteredByFeature', rows: 1, loadedAt: Date.now() });
    },
    onError: (error) => {
      this.waits.clear();
      if (!isAbortError(error)) emit(this, 'sspr-error', { report: 'usersRegisteredByFeature', error: error as Error });
    },
  });

  readonly #detached = new DetachedTaskController(this, () => this.summary);

  /**
   * @internal The counts day by day, asked only of an endpoint that has said it keeps history (plain
   * Graph has no such report), behind every other request for the budget.
   */
  readonly history = new Task(this, {
    task: async ([client, hasHistory, period, userTypes, userRoles], { signal }) => {
      if (!client || !hasHistory) return initialState;
      this.#trend ??= await import('./tile-trend.js');
      return this.#trend.readTrend(client, { period, userTypes, userRoles, signal });
    },
    args: () => [this.effectiveClient, this.effectiveClient?.facts.periods !== undefined, this.effectivePeriod, this.userTypes, this.userRoles] as const,
  });

  override render() {
    if (!this.effectiveClient) return renderNoEndpoint('sspr-tiles');
    const { metrics, unknown } = parseMetrics(this.metrics);
    const tiles = metrics.map((m) => TILES[m]);
    return html`
      <div part="base" class="tiles" role="group" tabindex="-1" data-focus-fallback aria-label=${msg('Self-service password reset registration')}
        aria-busy=${this.summary.status === TaskStatus.PENDING ? 'true' : 'false'}>
        ${this.summary.render({
          pending: () => tiles.map((t) => this.#renderSkeleton(t)),
          complete: (summary) => tiles.map((t) => this.#renderTile(t, summary)),
          error: (error) => renderError(error, () => this.retry(this.summary, error)),
        })}
      </div>
      ${this.summary.status === TaskStatus.PENDING ? renderWait(this.waits, () => this.summary.abort()) : nothing}
      ${this.summary.status === TaskStatus.COMPLETE && this.summary.value?.total === 0 ? renderEmptyReport(msg('Graph reports no users for this tenant.')) : nothing}
      ${this.summary.status === TaskStatus.COMPLETE ? renderLastUpdated(this.lastSynced('usersRegisteredByFeature')) : nothing}
      ${this.history.status === TaskStatus.ERROR && !isAbortError(this.history.error)
        ? html`<p part="status" class="hint">${msg(str`The trend over the period could not be read: ${errorText(this.history.error)}`)}</p>`
        : nothing}
      ${unknown.length
        ? html`<p part="status" class="ignored">${msg(str`Unknown metrics ignored: ${unknown.join(', ')}. Use registered, enabled, capable, mfa or passwordless.`)}</p>`
        : nothing}
    `;
  }

  #renderSkeleton(tile: TileDefinition) {
    return html`<div part="tile" class="tile loading" aria-hidden="true">
      <span part="label" class="label">${tile.label}</span>
      <span class="skeleton skeleton-value"></span>
      <span class="skeleton skeleton-line"></span>
    </div>`;
  }

  #renderTile(tile: TileDefinition, summary: FeatureSummary) {
    const count = summary.counts[tile.feature];
    const known = count !== undefined;
    const lang = this.locale;
    const share = known ? formatShare(count, summary.total, lang) : '—';
    const width = known && summary.total > 0 ? Math.min(100, (count / summary.total) * 100) : 0;
    return html`<button part="tile" type="button" class="tile" data-metric=${tile.metric}
      @click=${() => this.#drill(tile)}>
      <span part="label" class="label">${tile.label}</span>
      <span part="value" class="value">${known ? formatCount(count, lang) : '—'}</span>
      <span part="share" class="share">${known
        ? msg(str`${share} of ${formatCount(summary.total, lang)} users`)
        : msg('Not reported by this endpoint')}</span>
      <span part="meter" class="meter" aria-hidden="true"><span class="fill" ${cssProps({ width: `${width}%` })}></span></span>
      ${this.#renderTrend(tile)}
      <span part="description" class="description">${tile.description}</span>
    </button>`;
  }

  /** The trend module, once an endpoint with history made it worth loading. */
  #trend?: typeof TileTrend;

  #renderTrend(tile: TileDefinition) {
    const days = this.history.status === TaskStatus.COMPLETE ? this.history.value : undefined;
    return Array.isArray(days) && this.#trend ? this.#trend.renderTrend(days, tile.feature, this.effectivePeriod, this.locale) : nothing;
  }

  #drill(tile: TileDefinition) {
    const filter = { [tile.filterKey]: true, ...userScopeFilter(this.userTypes, this.userRoles) };
    emit(this, 'sspr-drilldown', { report: 'users', filter }, { cancelable: true });
  }
}
