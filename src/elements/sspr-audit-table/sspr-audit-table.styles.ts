import { css } from 'lit';

export const auditTableStyles = css`
  :host {
    display: block;
    --_row-height: var(--sspr-table-row-height, 36px);
    --_table-height: var(--sspr-table-height, 28rem);
    --_head-bg: var(--sspr-table-header-background, var(--_surface-raised));
    --_stripe: var(--sspr-table-stripe, transparent);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: end;
    margin-bottom: 0.5rem;
  }
  .field {
    display: grid;
    gap: 0.15rem;
    min-width: 0;
  }
  .field-label {
    color: var(--_muted);
    font-size: 0.85em;
  }
  input,
  select,
  button,
  summary {
    font: inherit;
    color: var(--_text);
  }
  input[type='search'],
  select {
    padding: 0.3rem 0.45rem;
    border: 1px solid var(--_control-border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    max-width: 14rem;
  }
  select[part='facet'] {
    width: 10rem; /* a fixed width: counts changing under typing do not re-lay the toolbar out */
  }
  .search-field input {
    width: 14rem;
    max-width: 100%;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-left: auto;
  }
  .actions button,
  .columns summary,
  .progress button {
    padding: 0.3rem 0.7rem;
    border: 1px solid var(--_control-border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  .count {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  /* The Columns list is placed against the toolbar's right edge and never wider than the toolbar, so
     at 320 px it cannot open past the left edge (WCAG 1.4.10). */
  .toolbar {
    position: relative;
  }
  .column-list {
    position: absolute;
    right: 0;
    max-width: 100%;
    box-sizing: border-box;
    z-index: 3;
    display: grid;
    gap: 0.25rem;
    padding: 0.5rem 0.75rem;
    min-width: min(14rem, 100%);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin: 0.25rem 0 0.5rem;
    color: var(--_muted);
  }
  .progress progress {
    width: min(16rem, 100%);
  }
  .error {
    margin-bottom: 0.5rem;
  }
  /* At most the table height; a few rows take only the room they need. */
  .scroller {
    position: relative;
    max-height: var(--_table-height);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    overscroll-behavior: contain;
  }
  .head {
    position: sticky;
    top: 0;
    z-index: 2;
  }
  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    min-width: fit-content;
    height: var(--_row-height);
    box-sizing: border-box;
    border-bottom: 1px solid var(--_border);
  }
  .body {
    position: relative;
    min-width: fit-content;
  }
  .body .row {
    position: absolute;
    top: 0;
    left: 0;
    right: 0;
    contain: strict;
  }
  /* By row number, not DOM position: rows are recycled as they scroll, stripes must not move. */
  .body .row.stripe {
    background: var(--_stripe);
  }
  .header {
    background: var(--_head-bg);
    font-weight: 600;
  }
  /* A block, not a flex box: text-overflow only clips text in a block container. */
  .cell {
    display: block;
    min-width: 0;
    padding: 0 0.6rem;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    line-height: calc(var(--_row-height) - 1px);
  }
  .head-cell {
    display: flex;
    align-items: center;
  }
  .head-label {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .cell:focus-visible,
  .sort:focus-visible,
  .unsortable:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  /* A focused cell shows all of its text (WCAG 1.4.12: with wider text spacing a UPN no longer fits),
     wrapping over the rows below it, so keyboard users are not left with an ellipsis and a title. */
  .body .row:focus-within {
    contain: layout style size;
    z-index: 1;
  }
  .body .cell:focus {
    position: relative;
    z-index: 1;
    height: max-content;
    min-height: 100%;
    box-sizing: border-box;
    padding-block: calc((var(--_row-height) - 1.4em) / 2 - 1px);
    line-height: 1.4;
    white-space: normal;
    overflow: visible;
    overflow-wrap: anywhere;
    background: var(--_surface);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
  }
  /* a focused header shows its whole label, over the next header if it must */
  .head-cell:focus-within,
  .head-cell:focus-within .sort {
    overflow: visible;
  }
  .sort:focus-visible .head-label,
  .unsortable:focus-visible {
    position: relative;
    z-index: 3;
    overflow: visible;
    background: var(--_head-bg);
  }
  .sort {
    all: unset;
    display: inline-flex;
    gap: 0.3rem;
    align-items: center;
    cursor: pointer;
    font-weight: 600;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .arrow {
    font-size: 0.7em;
  }
  .notice {
    margin: 0.25rem 0 0.5rem;
    color: var(--_warning);
  }
  .empty {
    margin: 0.75rem 0;
    color: var(--_muted);
    text-align: center;
  }
`;
