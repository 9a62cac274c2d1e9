import { html, nothing } from 'lit';
import { errorText } from '../../client/errors.js';
import { plural } from '../../i18n/format.js';
import { msg, str } from '../../i18n/msg.js';
import { renderError } from '../shared/status-views.js';
import type { TableLoader } from '../../controllers/table-loader.js';

export interface StatusModel {
  loader: TableLoader<unknown>;
  /** The tenant's size is being read (it decides the mode) before any row is asked for. */
  sizing: boolean;
  mode: 'client' | 'server';
  /** Rows the report holds in all, when known (users: the tenant's user count). */
  total?: number;
  rows: number;
  formatCount: (n: number) => string;
}

/**
 * What the loading is doing: a progress bar with Cancel while pages arrive, how far a cancelled or
 * failed load got (with Resume / Retry, keeping every row already loaded), and "scroll for more" in
 * server mode.
 */
export function renderLoadStatus(model: StatusModel) {
  const { loader, formatCount } = model;
  // Graph's page link expired mid-way: the read began again; say so, and that nothing is shown twice.
  const restarted = loader.restarts
    ? html`<p part="status" class="notice">${restartedText(formatCount(loader.skipped))}</p>`
    : nothing;
  return html`${restarted}${renderProgress(model)}`;
}

function renderProgress({ loader, sizing, mode, total, rows, formatCount }: StatusModel) {
  if (sizing) {
    return html`<div part="progress" class="progress"><progress aria-label=${msg('Rows loaded')}></progress><span>${msg("Counting the tenant's users…")}</span></div>`;
  }
  const loaded = formatCount(rows);
  const stoppedAfter = () => plural(rows, { one: () => msg(str`after ${loaded} row`), other: () => msg(str`after ${loaded} rows`) });
  switch (loader.state) {
    case 'loading':
      return html`<div part="progress" class="progress">
        ${mode === 'client' && total
          ? html`<progress max=${total} .value=${Math.min(rows, total)} aria-label=${msg('Rows loaded')}></progress>
              <span>${msg(str`Loading… ${loaded} of ${formatCount(total)} rows`)}</span>`
          : html`<progress aria-label=${msg('Rows loaded')}></progress><span>${msg(str`Loading… ${loaded} rows so far`)}</span>`}
        <button part="cancel" type="button" @click=${() => loader.cancel()}>${msg('Cancel')}</button>
      </div>`;
    case 'cancelled':
      return html`<div part="progress" class="progress stopped">
        <span>${rows === 0 ? msg('Loading cancelled before any rows arrived.') : msg(str`Loading cancelled ${stoppedAfter()}; ${missing(total, rows, formatCount)}.`)}</span>
        ${loader.canResume ? html`<button part="resume" type="button" @click=${() => loader.resume()}>${msg('Resume')}</button>` : nothing}
      </div>`;
    case 'failed': {
      const error = loader.error;
      // Nothing arrived: a plain failure, not a partial load.
      if (rows === 0) return renderError(error, loader.canResume ? () => loader.resume() : undefined);
      return renderError(error, loader.canResume ? () => loader.resume() : undefined, {
        message: msg(str`Loading stopped ${stoppedAfter()}; ${missing(total, rows, formatCount)}: ${errorText(error)}`),
        retryLabel: msg('Retry from where it stopped'),
      });
    }
    case 'more':
      return html`<div part="progress" class="progress"><span>${plural(rows, { one: () => msg(str`${loaded} row loaded; scroll for more.`), other: () => msg(str`${loaded} rows loaded; scroll for more.`) })}</span></div>`;
    default:
      return nothing;
  }
}

function missing(total: number | undefined, rows: number, formatCount: (n: number) => string): string {
  if (!total || total <= rows) return msg('the rest are missing');
  const count = formatCount(total - rows);
  return plural(total - rows, { one: () => msg(str`${count} row is missing`), other: () => msg(str`${count} rows are missing`) });
}

function restartedText(skipped: string): string {
  return msg(str`Graph's next-page link expired, so the report was read again from its first page; ${skipped} rows already shown were not added twice.`);
}
