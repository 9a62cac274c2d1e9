import { html, nothing, type TemplateResult } from 'lit';
import { errorText } from '../../client/errors.js';
import { formatList } from '../../i18n/format.js';
import { msg, str } from '../../i18n/msg.js';
import type { DrilldownDetail } from '../shared/events.js';
import type { ReportRoute } from '../../graph/documented-queries.js';
import { ROUTE_PERMISSIONS } from '../../graph/permissions.js';
import type { SourceName, SourceState } from './insights-sources.js';

export type Drill = (detail: DrilldownDetail) => void;

/** The report each source reads (the admins come from the users' registration details). */
const ROUTE_OF: Record<SourceName, ReportRoute> = {
  features: 'usersRegisteredByFeature',
  methods: 'usersRegisteredByMethod',
  events: 'userEventsSummary',
  blocked: 'directoryAudits',
  admins: 'userRegistrationDetails',
};

/** The name of a source in "… could not be read" and "waiting for …": its report's, as errors name it. */
const sourceName = (name: SourceName): string => ROUTE_PERMISSIONS[ROUTE_OF[name]].report;

/**
 * One question and its answer. While a source it needs loads, the answer is a placeholder; when one
 * failed, the answer says which and why (the other questions keep theirs), with Retry.
 */
export function renderSection(
  id: string,
  question: string,
  needs: [SourceName, SourceState<unknown>][],
  answer: () => TemplateResult | typeof nothing,
  retry: (name: SourceName) => void,
): TemplateResult {
  const failed = needs.filter(([, s]) => s.status === 'failed');
  const waiting = needs.filter(([, s]) => s.status === 'loading' || s.status === 'idle');
  return html`<section part="insight" class="insight" data-insight=${id} aria-labelledby=${`q-${id}`}
    aria-busy=${waiting.length && !failed.length ? 'true' : 'false'}>
    <h3 part="question" class="question" id=${`q-${id}`}>${question}</h3>
    ${failed.length
      ? html`<div part="missing" class="missing">
          <p>${msg(str`Not answered: ${formatList(failed.map(([n]) => sourceName(n)))} could not be read.`)}</p>
          ${failed.map(([n, s]) => html`<p class="missing-why">${errorText(s.error)}</p>
            <button part="retry" type="button" class="retry" @click=${() => retry(n)}>${msg('Retry')}</button>`)}
        </div>`
      : waiting.length
        ? html`<p part="pending" class="pending"><span class="skeleton skeleton-line" aria-hidden="true"></span><span class="visually-hidden">${msg(str`Waiting for ${formatList(waiting.map(([n]) => sourceName(n)))}…`)}</span></p>`
        : answer()}
  </section>`;
}

/** A drill-down button: the part of an answer that opens the rows behind it. */
export function drillButton(label: string | TemplateResult, detail: DrilldownDetail, drill: Drill, accessibleName?: string) {
  return html`<button part="drilldown" type="button" class="drill" aria-label=${accessibleName ?? nothing} @click=${() => drill(detail)}>${label}</button>`;
}
