import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { cssProps } from '../shared/css-props.js';
import type { Column, TableRow } from '../../table/columns.js';
import type { TableSort } from '../../table/table-model.js';

export interface GridModel {
  label: string;
  columns: Column<TableRow>[];
  rows: readonly TableRow[];
  view: Uint32Array;
  sort: TableSort;
  /** Which orders the endpoint can sort by (server mode); undefined: every column. */
  sortable?: (column: Column<TableRow>) => boolean;
  rowHeight: number;
  first: number;
  last: number;
  focus: { row: number; col: number };
  busy: boolean;
  formatDate: (t: number) => string;
  onSort: (key: string) => void;
  onScroll: (event: Event) => void;
  onKeydown: (event: KeyboardEvent) => void;
  onFocusCell: (row: number, col: number) => void;
}

const ARROWS = { asc: '▲', desc: '▼' } as const;

/**
 * The virtual grid: a sticky header row and only the rows in (and just around) the viewport, each
 * placed by its position, so the DOM stays the same size at 300 or 500,000 rows. ARIA grid semantics:
 * aria-rowcount / aria-rowindex for the rows that are not in the DOM, aria-sort on the sorted column,
 * one tab stop (roving tabindex) moved with the arrow keys.
 */
export function renderGrid(m: GridModel) {
  const template = m.columns.map((c) => c.width).join(' ');
  const focusRendered = m.focus.row < m.view.length;
  const tabbable = (row: number, col: number) =>
    (focusRendered ? m.focus.row === row && m.focus.col === col : row === -1 && col === 0) ? 0 : -1;
  const header = m.columns.map((c, ci) => {
    const sorted = m.sort.key === c.key;
    const canSort = m.sortable ? m.sortable(c) : true;
    return html`<div role="columnheader" part="header-cell" class="cell head-cell" aria-colindex=${ci + 1} title=${c.label}
      aria-sort=${sorted ? (m.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      ${canSort
        ? html`<button type="button" class="sort" data-row="-1" data-col=${ci} tabindex=${tabbable(-1, ci)}
            @click=${() => m.onSort(c.key)} @focus=${() => m.onFocusCell(-1, ci)}><span class="head-label">${c.label}</span><span class="arrow" aria-hidden="true">${sorted ? ARROWS[m.sort.direction] : ''}</span></button>`
        : html`<span class="unsortable head-label" data-row="-1" data-col=${ci} tabindex=${tabbable(-1, ci)} @focus=${() => m.onFocusCell(-1, ci)}>${c.label}</span>`}
    </div>`;
  });
  const positions = Array.from({ length: Math.max(0, m.last - m.first) }, (_, i) => m.first + i);
  // The focused row stays in the DOM even when scrolled or pushed out of the window, so focus is never lost.
  if (m.focus.row >= 0 && m.focus.row < m.view.length && (m.focus.row < m.first || m.focus.row >= m.last)) positions.push(m.focus.row);
  // Keyed by the row itself: a scroll moves row elements, it does not pour other rows into them (the
  // focused cell keeps showing the row it belongs to).
  const rows = repeat(positions, (pos) => m.view[pos], (pos) => {
    const row = m.rows[m.view[pos]];
    return html`<div role="row" part="row" class=${pos % 2 ? 'row stripe' : 'row'} aria-rowindex=${pos + 2}
      ${cssProps({ transform: `translateY(${pos * m.rowHeight}px)` })}>
      ${m.columns.map((c, ci) => {
        const text = c.date ? m.formatDate(c.sortValue(row) as number) : c.text(row);
        // .textContent rather than a child binding: no marker nodes, so fewer DOM nodes per cell
        return html`<div role="gridcell" part="cell" class="cell" aria-colindex=${ci + 1} data-row=${pos} data-col=${ci} title=${text}
          tabindex=${tabbable(pos, ci)} @focus=${() => m.onFocusCell(pos, ci)} .textContent=${text}></div>`;
      })}
    </div>`;
  });
  // every row's columns come from one custom property on the grid, set through CSSOM (strict CSP)
  return html`<div part="scroller" class="scroller" role="grid" aria-label=${m.label} aria-rowcount=${m.view.length + 1}
    aria-colcount=${m.columns.length} aria-busy=${m.busy ? 'true' : 'false'} @scroll=${m.onScroll} @keydown=${m.onKeydown}
    ${cssProps({ '--_columns': template })}>
    <div role="rowgroup" class="head">
      <div role="row" part="header-row" class="row header" aria-rowindex="1">${header}</div>
    </div>
    <div role="rowgroup" class="body" ${cssProps({ height: `${m.view.length * m.rowHeight}px` })}>${positions.length ? rows : nothing}</div>
  </div>`;
}
