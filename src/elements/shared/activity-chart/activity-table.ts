import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { methodLabel } from '../../../reports/methods.js';
import type { ActivityRow } from '../../../reports/types.js';
import { formatCount } from '../../../i18n/format.js';
import { msg } from '../../../i18n/msg.js';
import type { ActivityWords } from './activity-words.js';

export type Status = 'success' | 'failure';

/**
 * The chart's data as a real table: the accessible alternative, and the keyboard route to every bar's
 * drill-down (each count is a button). Without `drill`, plain counts: the copy screen readers find
 * beside the drawn chart, which does not take keyboard focus.
 */
export function renderActivityTable(rows: ActivityRow[], words: ActivityWords, drill?: (row: ActivityRow, status: Status) => void) {
  const count = (row: ActivityRow, status: Status) => {
    const n = formatCount(status === 'success' ? row.succeeded : row.failed);
    if (!drill) return n;
    return html`<button type="button" part="drilldown" class="count" aria-label=${words.show(status, n, methodLabel(row.method))}
      @click=${() => drill(row, status)}>${n}</button>`;
  };
  // the hidden copy carries no parts: the page styles only what it sees
  return html`<table part=${ifDefined(drill && 'table')}>
    <caption class="visually-hidden">${words.caption()}</caption>
    <thead>
      <tr><th scope="col">${msg('Method')}</th><th scope="col">${msg('Succeeded')}</th><th scope="col">${msg('Failed')}</th><th scope="col">${msg('Total')}</th></tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) => html`<tr part=${ifDefined(drill && 'row')}>
          <th scope="row">${methodLabel(row.method)}</th>
          <td>${count(row, 'success')}</td>
          <td>${count(row, 'failure')}</td>
          <td>${formatCount(row.succeeded + row.failed)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
