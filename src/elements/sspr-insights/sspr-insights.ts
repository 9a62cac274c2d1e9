import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '../../i18n/msg.js';
import { computeInsights, type Insights } from '../../insights/answers.js';
import { DEFAULT_THRESHOLDS, type RuleThresholds } from '../../insights/data.js';
import type { UserRoles, UserTypes } from '../../reports/types.js';
import { emit, type DrilldownDetail } from '../shared/events.js';
import { userScopeFilter } from '../shared/user-scope.js';
import { SsprPeriodElement } from '../shared/period-element.js';
import { periodText } from '../shared/period-text.js';
import { renderLastUpdated, renderNoEndpoint, renderWait } from '../shared/status-views.js';
import { statusStyles } from '../shared/status.styles.js';
import { themeStyles } from '../shared/theme.styles.js';
import { formatCount } from '../../i18n/format.js';
import { str } from '../../i18n/msg.js';
import { adminsAnswer, methodsAnswer, problemsAnswer, registeredAnswer, resetMethodsAnswer, resetsAnswer, whoAnswer } from './insights-answers.js';
import { findingsSummary, renderFinding, RULES } from './insights-findings.js';
import { renderSection } from './insight-section.js';
import { InsightsSources, type SourceName } from './insights-sources.js';
import { insightsStyles } from './sspr-insights.styles.js';

const positive = (value: number | undefined, fallback: number) => (value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback);

/**
 * The eight questions the reports exist for, answered in sentences with numbers for the period: how
 * many people registered, who, with which methods, how many reset their password (against the period
 * before), with which methods, the commonest problems, which admins reset their own password often, and
 * whether anything looks suspicious — five documented rules, each listing the users concerned. Every
 * answer opens the rows behind it (`sspr-drilldown`). A source that fails costs only the answers that
 * need it; the rest stay.
 *
 * @tag sspr-insights
 * @summary Answers to the eight questions of the SSPR reports, with suspicious-activity rules.
 *
 * @fires {SsprDrilldownDetail} sspr-drilldown - An answer was activated; `detail` is `{report, filter, search?}`. Cancelable.
 * @fires {SsprLoadDetail} sspr-load - Every source has loaded (`rows`: the events read).
 *
 * @csspart base - The list of questions.
 * @csspart insight - One question and its answer.
 * @csspart question - A question's heading.
 * @csspart ranking - A ranked list (methods, problems, admins).
 * @csspart drilldown - A button that opens the rows behind an answer.
 * @csspart finding - One rule of question 8 (with `found` when it found something).
 * @csspart missing - An answer that could not be given, and why.
 * @csspart pending - An answer still waiting for its data.
 * @csspart progress - How many events have been read.
 * @csspart status - Waiting and hint messages.
 * @csspart cancel - The Cancel button of a wait.
 * @csspart retry - A Retry button.
 * @csspart updated - "Last updated …" (the oldest of the reports it reads), when a reporting endpoint says when it synced them.
 *
 * @cssprop --sspr-insights-columns-min - Narrowest a column of answers gets before they stack (default 18rem).
 */
export class SsprInsights extends SsprPeriodElement {
  protected static override translationParts = ['core', 'errors', 'table', 'insights'] as const;

  static override styles = [themeStyles, statusStyles, insightsStyles];

  /** Which users count in the registration answers: `all`, `member` or `guest`. */
  @property({ attribute: 'user-types' }) userTypes: UserTypes = 'all';

  /** Which roles count in the registration answers: `all`, `privilegedAdmin`, `admin` or `user`. */
  @property({ attribute: 'user-roles' }) userRoles: UserRoles = 'all';

  /** Failed resets by one user that make a burst (default 5)… */
  @property({ type: Number, attribute: 'burst-count' }) burstCount = DEFAULT_THRESHOLDS.burstCount;

  /** …within this many minutes (default 60). */
  @property({ type: Number, attribute: 'burst-minutes' }) burstMinutes = DEFAULT_THRESHOLDS.burstWindowMs / 60_000;

  /** A reset this many hours after a new method was registered, for the same user, is flagged (default 24). */
  @property({ type: Number, attribute: 'takeover-hours' }) takeoverHours = DEFAULT_THRESHOLDS.takeoverWindowMs / 3_600_000;

  /** A day whose resets exceed this multiple of the median of the period's other days is flagged (default 3). */
  @property({ type: Number, attribute: 'spike-factor' }) spikeFactor = DEFAULT_THRESHOLDS.spikeFactor;

  /** Self-service resets in the period that make an admin "frequent" (default 2). */
  @property({ type: Number, attribute: 'frequent-admin-resets' }) frequentAdminResets = DEFAULT_THRESHOLDS.frequentAdminResets;

  readonly #sources = new InsightsSources(this, this.waits.onWait);
  #announced = false;

  /** The thresholds in effect (a missing or invalid attribute keeps the default). */
  get thresholds(): RuleThresholds {
    return {
      burstCount: positive(this.burstCount, DEFAULT_THRESHOLDS.burstCount),
      burstWindowMs: positive(this.burstMinutes, 60) * 60_000,
      takeoverWindowMs: positive(this.takeoverHours, 24) * 3_600_000,
      spikeFactor: positive(this.spikeFactor, DEFAULT_THRESHOLDS.spikeFactor),
      frequentAdminResets: positive(this.frequentAdminResets, DEFAULT_THRESHOLDS.frequentAdminResets),
    };
  }

  /** The answers as computed now (for tests and pages that want the numbers). */
  get insights(): Insights {
    // The element re-renders while it waits (a tick a second) and per page of events: compute the
    // answers from 75,000 events again only when a source, the period, a threshold or the minute changed.
    const data = this.#sources.data(this.effectivePeriod, Date.now());
    const t = this.thresholds;
    const inputs = [data.features, data.methods, data.events, data.blocked, data.admins, data.period, Math.floor(data.now / 60_000), ...Object.values(t)];
    if (!this.#computed || inputs.some((v, i) => v !== this.#computed!.inputs[i])) this.#computed = { inputs, insights: computeInsights(data, t) };
    return this.#computed.insights;
  }

  #computed?: { inputs: unknown[]; insights: Insights };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const client = this.effectiveClient;
    const wasLoading = this.#sources.loading;
    this.#sources.sync(client ? { client, period: this.effectivePeriod, userTypes: this.userTypes, userRoles: this.userRoles } : undefined);
    if (!wasLoading && this.#sources.loading) this.waits.begin(); // "has not answered yet" after a few seconds
    if (!this.#sources.loading) this.waits.clear(); // before the render, which then shows no wait
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#sources.loading) {
      this.#announced = false;
      return;
    }
    if (!this.#announced && this.effectiveClient) {
      this.#announced = true;
      emit(this, 'sspr-load', { report: 'insights', rows: this.#sources.events.value?.length ?? 0, loadedAt: Date.now() });
    }
  }

  override render() {
    if (!this.effectiveClient) return renderNoEndpoint('sspr-insights');
    const s = this.#sources;
    const period = this.effectivePeriod;
    const i = this.insights;
    const t = this.thresholds;
    // answers about users keep the element's user-type and role scope, as the tiles' drill-downs do
    const scope = userScopeFilter(this.userTypes, this.userRoles);
    const drill = (detail: DrilldownDetail) =>
      emit(this, 'sspr-drilldown', detail.report === 'users' ? { ...detail, filter: { ...detail.filter, ...scope } } : detail, { cancelable: true });
    const retry = (name: SourceName) => s.retry(name);
    const p = periodText(period);
    return html`
      ${s.events.status === 'loading'
        ? html`<p part="progress" class="progress" role="status">${msg(str`Reading the events… ${formatCount(s.events.rows ?? 0)} so far.`)}</p>`
        : nothing}
      ${s.loading ? renderWait(this.waits) : nothing}
      <div part="base" class="insights" tabindex="-1" data-focus-fallback>
        ${renderSection('registered', msg('How many people have registered for password reset?'), [['features', s.features]], () => registeredAnswer(i, drill), retry)}
        ${renderSection('who', msg('Who has registered?'), [['events', s.events]], () => whoAnswer(i, period, drill), retry)}
        ${renderSection('methods', msg('What methods are people registering?'), [['methods', s.methods]], () => methodsAnswer(i, drill), retry)}
        ${renderSection('resets', msg(str`How many people reset their password in the ${p}?`), [['events', s.events]], () => resetsAnswer(i, period, drill), retry)}
        ${renderSection('reset-methods', msg('What are the most common methods used to reset?'), [['events', s.events]], () => resetMethodsAnswer(i, drill), retry)}
        ${renderSection('problems', msg('What are the common problems when people use password reset?'), [['events', s.events]], () => problemsAnswer(i, drill), retry)}
        ${renderSection('admins', msg('Which admins reset their own password frequently?'), [['events', s.events], ['admins', s.admins]], () => adminsAnswer(i, t, drill), retry)}
        ${this.#renderSuspicious(i, retry, drill)}
      </div>
      ${s.loading ? nothing : renderLastUpdated(this.lastSynced('usersRegisteredByFeature', 'usersRegisteredByMethod', 'userEventsSummary'))}
    `;
  }

  #renderSuspicious(i: Insights, retry: (name: SourceName) => void, drill: (d: DrilldownDetail) => void) {
    const s = this.#sources;
    const t = this.thresholds;
    const state = { features: s.features, methods: s.methods, events: s.events, blocked: s.blocked, admins: s.admins };
    const needs = [...new Set(RULES.flatMap((r) => r.needs))].map((n) => [n, state[n]] as [SourceName, (typeof state)[SourceName]]);
    const ready = RULES.filter((r) => i.findings[r.id]);
    return renderSection(
      'suspicious',
      msg('Is there any suspicious activity?'),
      // answered rule by rule: only when no rule can be evaluated does the whole answer wait or fail
      ready.length ? [] : needs,
      () => html`<p class="answer">${findingsSummary(i)}</p>
        <ul class="findings">${ready.map((r) => renderFinding(r.id, i, t, drill))}</ul>
        ${RULES.length > ready.length
          ? html`<p class="pending-rules">${msg('Some rules are still waiting for their data, or it could not be read (see above).')}</p>`
          : nothing}`,
      retry,
    );
  }
}
