import { html, nothing } from 'lit';
import type { Column, TableRow } from '../../table/columns.js';
import type { Facet } from '../../table/facets.js';
import type { Period } from '../../reports/types.js';
import { periodLabel } from '../shared/period-text.js';
import { msg, str } from '../../i18n/msg.js';
import { formatShare } from '../../i18n/format.js';

export interface ToolbarModel {
  search: string;
  searchHint: string;
  facets: Facet<TableRow>[];
  /** The values each facet offers, and counts when they are known (client mode). */
  facetOptions: (facet: Facet<TableRow>) => { value: string; count?: number }[];
  selected: Record<string, string>;
  period?: Period | 'all';
  /** The periods to offer: Graph's, and the longer ones a reporting endpoint with history offers. */
  periods: readonly Period[];
  columns: Column<TableRow>[];
  hidden: ReadonlySet<string>;
  countText: string;
  filtered: boolean;
  exporting?: number;
  formatCount: (n: number) => string;
  onSearch: (value: string) => void;
  onFacet: (key: string, value: string) => void;
  onPeriod: (period: Period | 'all') => void;
  onClear: () => void;
  onColumn: (key: string, visible: boolean) => void;
  onExport: () => void;
}

/** Search, facet filters with counts, the period, "N of M rows", clear, columns and CSV export. */
export function renderToolbar(m: ToolbarModel) {
  return html`<div part="toolbar" class="toolbar">
    <label class="field search-field"><span class="field-label">${msg('Search')}</span>
      <input part="search" data-focus-fallback type="search" .value=${m.search} placeholder=${m.searchHint} autocomplete="off"
        @input=${(e: Event) => m.onSearch((e.target as HTMLInputElement).value)} /></label>
    ${m.period
      ? html`<label class="field"><span class="field-label">${msg('Period')}</span>
          <select part="period" @change=${(e: Event) => m.onPeriod((e.target as HTMLSelectElement).value as Period | 'all')}>
            ${m.periods.map((p) => html`<option value=${p} ?selected=${p === m.period}>${periodLabel(p)}</option>`)}
            <option value="all" ?selected=${m.period === 'all'}>${msg('All dates')}</option>
          </select></label>`
      : nothing}
    ${m.facets.map((facet) => {
      const selected = m.selected[facet.key] ?? '';
      const label = (v: string) => (facet.valueLabel ? facet.valueLabel(v) : v || msg('(none)'));
      return html`<label class="field"><span class="field-label">${facet.label}</span>
        <select part="facet" data-facet=${facet.key} @change=${(e: Event) => m.onFacet(facet.key, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${selected === ''}>${msg('All')}</option>
          ${m.facetOptions(facet).map(
            ({ value, count }) => html`<option value=${value} ?selected=${value === selected}>${label(value)}${count === undefined ? '' : ` (${m.formatCount(count)})`}</option>`,
          )}
        </select></label>`;
    })}
    <div class="actions">
      <span part="count" class="count">${m.countText}</span>
      <button part="clear" type="button" ?disabled=${!m.filtered} @click=${m.onClear}>${msg('Clear filters')}</button>
      <details part="columns" class="columns">
        <summary>${msg('Columns')}</summary>
        <div class="column-list">
          ${m.columns.map(
            (c) => html`<label><input type="checkbox" .checked=${!m.hidden.has(c.key)}
              @change=${(e: Event) => m.onColumn(c.key, (e.target as HTMLInputElement).checked)} />${c.label}</label>`,
          )}
        </div>
      </details>
      <button part="export" type="button" ?disabled=${m.exporting !== undefined} @click=${m.onExport}>
        ${m.exporting === undefined ? msg('Export CSV') : msg(str`Exporting… ${formatShare(m.exporting, 1)}`)}
      </button>
    </div>
  </div>`;
}
