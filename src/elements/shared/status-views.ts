import { html, nothing, type TemplateResult } from 'lit';
import { ReportError } from '../../client/errors.js';
import type { WaitController } from './wait-controller.js';

const WAIT_TEXT = {
  throttled: (s: number) => `Microsoft Graph is throttling requests — retrying in ${s} s.`,
  unavailable: (s: number) => `The reporting service is busy — retrying in ${s} s.`,
  budget: (s: number) => `Waiting for the report request budget — continuing in ${s} s.`,
};

const SLOW_TEXT = (s: number) => `Microsoft Graph has not answered yet (${s} s).`;

/**
 * "Retrying in 4 s" while the client waits, or "has not answered yet" once a load has run a few
 * seconds; nothing otherwise. With `cancel`, either comes with a Cancel button: no wait is a dead end.
 */
export function renderWait(waits: WaitController, cancel?: () => void): TemplateResult | typeof nothing {
  const wait = waits.wait;
  const slow = waits.slowSeconds;
  if (!wait && !slow) return nothing;
  return html`<div part="status" class="wait">
    <p role="status">${wait ? WAIT_TEXT[wait.reason](waits.secondsLeft) : SLOW_TEXT(slow)}</p>
    ${cancel ? html`<button part="cancel" type="button" class="cancel" @click=${cancel}>Cancel</button>` : nothing}
  </div>`;
}

/**
 * The typed error's message (or `message`, which may say more around it), Graph's request id for a
 * support ticket, and a Retry button when there is something to retry.
 */
export function renderError(error: unknown, retry?: () => void, { message, retryLabel = 'Retry' }: { message?: string; retryLabel?: string } = {}): TemplateResult {
  const e = error instanceof Error ? error : new Error(String(error));
  const requestId = e instanceof ReportError ? e.requestId : undefined;
  return html`<div part="error" class="error" role="alert">
    <p class="error-message">${message ?? e.message}</p>
    ${requestId ? html`<p class="error-id">Request ID: <code>${requestId}</code></p>` : nothing}
    ${retry ? html`<button part="retry" type="button" class="retry" @click=${retry}>${retryLabel}</button>` : nothing}
  </div>`;
}

/** Shown when neither an `endpoint` attribute nor a surrounding dashboard gives a data source. */
export function renderNoEndpoint(tag: string): TemplateResult {
  return html`<p part="status" class="hint">
    Set the <code>endpoint</code> attribute (for example <code>&lt;${tag} endpoint="/graph"&gt;</code>) or place
    this element inside <code>&lt;sspr-dashboard&gt;</code>.
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
    <p class="empty-why">If you expected data, check that:</p>
    <ul class="empty-why">
      <li>someone has opened Protection › Authentication methods › Activity (or the audit logs) in the Microsoft Entra admin center at least once — Graph collects SSPR reporting data only from then on;</li>
      <li>the tenant has a Microsoft Entra ID P1 or P2 licence;</li>
      <li>users have registered or reset recently — the data arrives with a delay of up to a few hours.</li>
    </ul>
  </div>`;
}
