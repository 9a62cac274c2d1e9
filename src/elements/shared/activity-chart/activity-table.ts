import { html } from 'lit';
import { methodLabel } from '../../../reports/methods.js';
import type { ActivityRow } from '../../../reports/types.js';
import { formatCount } from '../locale.js';

export type Status = 'success' | 'failure';

/**
 * The chart's data as a real table: the accessible alternative, and the keyboard route to every bar's
 * drill-down (each count is a button).
 */
export function renderActivityTable(rows: ActivityRow[], caption: string, noun: string, lang: string, drill: (row: ActivityRow, status: Status) => void) {
  const count = (row: ActivityRow, status: Status) => {
    const n = status === 'success' ? row.succeeded : row.failed;
    const what = `${status === 'success' ? 'successful' : 'failed'} ${noun} with ${methodLabel(row.method)}`;
    return html`<button type="button" part="drilldown" class="count" aria-label=${`Show ${formatCount(n, lang)} ${what}`}
      @click=${() => drill(row, status)}>${formatCount(n, lang)}</button>`;
  };
  return html`<table part="table">
    <caption class="visually-hidden">${caption}</caption>
    <thead>
      <tr><th scope="col">Method</th><th scope="col">Succeeded</th><th scope="col">Failed</th><th scope="col">Total</th></tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) => html`<tr part="row">
          <th scope="row">${methodLabel(row.method)}</th>
          <td>${count(row, 'success')}</td>
          <td>${count(row, 'failure')}</td>
          <td>${formatCount(row.succeeded + row.failed, lang)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}
