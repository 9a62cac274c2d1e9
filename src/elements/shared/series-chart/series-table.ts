import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatCount } from '../../../i18n/format.js';
import { msg } from '../../../i18n/msg.js';
import type { SeriesModel } from './series-model.js';

/**
 * A series chart's data as a table: the visible alternative (each count a drill-down button), or, with
 * `interactive` false, the copy beside the drawing that screen readers read (no focus stops, no parts).
 */
export function renderSeriesTable(model: SeriesModel, interactive: boolean, drill: (index: number, series: number) => void) {
  const total = (i: number) => model.series.reduce((n, s) => n + (s.values[i] ?? 0), 0);
  const cell = (i: number, si: number) => {
    const n = formatCount(model.series[si]!.values[i] ?? 0);
    if (!interactive || !model.drill(i, si)) return n;
    return html`<button type="button" part="drilldown" class="count" aria-label=${model.drillLabel(i, si)} @click=${() => drill(i, si)}>${n}</button>`;
  };
  return html`<table part=${ifDefined(interactive ? 'table' : undefined)}>
    <caption class="visually-hidden">${model.caption}</caption>
    <thead><tr>
      <th scope="col">${model.categoryHeader}</th>
      ${model.series.map((s) => html`<th scope="col">${s.name}</th>`)}
      ${model.series.length > 1 ? html`<th scope="col">${msg('Total')}</th>` : ''}
    </tr></thead>
    <tbody>
      ${model.categories.map(
        (label, i) => html`<tr part=${ifDefined(interactive ? 'row' : undefined)}>
          <th scope="row">${label}</th>
          ${model.series.map((_, si) => html`<td>${cell(i, si)}</td>`)}
          ${model.series.length > 1 ? html`<td>${formatCount(total(i))}</td>` : ''}
        </tr>`,
      )}
    </tbody>
  </table>`;
}
