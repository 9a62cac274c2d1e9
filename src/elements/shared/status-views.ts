import { html, nothing, type TemplateResult } from 'lit';
import { errorText, ReportError } from '../../client/errors.js';
import { formatDateTime, formatSeconds } from '../../i18n/format.js';
import { msg, str } from '../../i18n/msg.js';
import type { WaitController } from './wait-controller.js';

function waitText(reason: 'throttled' | 'unavailable' | 'budget', seconds: number): string {
  const s = formatSeconds(seconds * 1000);
  if (reason === 'throttled') return msg(str`Microsoft Graph is throttling requests — retrying in ${s}.`);
  if (reason === 'unavailable') return msg(str`The reporting service is busy — retrying in ${s}.`);
  return msg(str`Waiting for the report request budget — continuing in ${s}.`);
}

const slowText = (seconds: number) => msg(str`Microsoft Graph has not answered yet (${formatSeconds(seconds * 1000)}).`);

/**
 * "Last updated …": when a reporting endpoint last brought the report's data up to date (it says so in
 * its answers); nothing against plain Graph, whose reports are as fresh as Graph makes them.
 */
export function renderLastUpdated(at: number | undefined): TemplateResult | typeof nothing {
  if (at === undefined) return nothing;
  return html`<p part="updated" class="updated">${msg(str`Last updated ${formatDateTime(at)}`)}</p>`;
}

/**
 * "Retrying in 4 s" while the client waits, or "has not answered yet" once a load has run a few
 * seconds; nothing otherwise. With `cancel`, either comes with a Cancel button: no wait is a dead end.
 */
export function renderWait(waits: WaitController, cancel?: () => void): TemplateResult | typeof nothing {
  const wait = waits.wait;
  const slow = waits.slowSeconds;
  if (!wait && !slow) return nothing;
  return html`<div part="status" class="wait">
    <p role="status">${wait ? waitText(wait.reason, waits.secondsLeft) : slowText(slow)}</p>
    ${cancel ? html`<button part="cancel" type="button" class="cancel" @click=${cancel}>${msg('Cancel')}</button>` : nothing}
  </div>`;
}

/**
 * The typed error's message (or `message`, which may say more around it), Graph's request id for a
 * support ticket, and a Retry button when there is something to retry.
 */
export function renderError(error: unknown, retry?: () => void, { message, retryLabel = msg('Retry') }: { message?: string; retryLabel?: string } = {}): TemplateResult {
  const requestId = error instanceof ReportError ? error.requestId : undefined;
  return html`<div part="error" class="error" role="alert">
    <p class="error-message">${message ?? errorText(error)}</p>
    ${requestId ? html`<p class="error-id">${msg(html`Request ID: <code>${requestId}</code>`)}</p>` : nothing}
    ${retry ? html`<button part="retry" type="button" class="retry" @click=${retry}>${retryLabel}</button>` : nothing}
  </div>`;
}

/** Shown when neither an `endpoint` attribute nor a surrounding dashboard gives a data source. */
export function renderNoEndpoint(tag: string): TemplateResult {
  const example = `<${tag} endpoint="/graph">`;
  return html`<p part="status" class="hint">
    ${msg(html`Set the <code>endpoint</code> attribute (for example <code>${example}</code>) or place this element inside <code>&lt;sspr-dashboard&gt;</code>.`)}
  </p>`;
}

/**
 * Why a whole report can be empty, and what to check: Graph starts collecting SSPR reporting data only
 * once someone has opened the reports, and shows nothing without the licence (graph-contract, "Known
 * failure modes"; the Usage & insights licence note).
 */
export function renderEmptyReport(what: string): TemplateResult {
  return html`<div part="empty" class="empty empty-report">
    <p>${what}</p>
    <p class="empty-why">${msg('If you expected data, check that:')}</p>
    <ul class="empty-why">
      <li>${msg('someone has opened Protection › Authentication methods › Activity (or the audit logs) in the Microsoft Entra admin center at least once — Graph collects SSPR reporting data only from then on;')}</li>
      <li>${msg('the tenant has a Microsoft Entra ID P1 or P2 licence;')}</li>
      <li>${msg('users have registered or reset recently — the data arrives with a delay of up to a few hours.')}</li>
    </ul>
  </div>`;
}
