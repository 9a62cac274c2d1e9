import type { Column } from './columns.js';
import type { Facet, FacetContext } from './facets.js';
import { mergeOrders, sortKeys, sortPermutation, sortPermutationNow, type SortKeys } from './sort-permutation.js';

/** Up to this many rows a sort order is built at once (a few milliseconds); above, in slices. */
const SYNC_SORT_ROWS = 5000;

export interface TableFilter {
  /** Case-insensitive substring of the searchable text (names and UPNs). */
  search: string;
  /** facet key → the one value it must have. */
  facets: Record<string, string>;
  /** Only rows at or after this time (epoch ms); rows without a time are kept out. */
  since?: number;
}

export interface TableSort {
  key: string;
  direction: 'asc' | 'desc';
}

export interface TableView {
  /** Row indices in display order. */
  indices: Uint32Array;
  /** facet key → value → rows that would match if that value were picked (other filters applied). */
  counts: Map<string, Map<string, number>>;
}

interface FacetIndex {
  values: string[];
  codes: Map<string, number>;
  /** Per row: the value code, or a list of codes for multi-valued facets. */
  rows: (number | number[])[];
}

/**
 * The in-memory engine behind client mode: rows are indexed as they arrive (folded search text, facet
 * value codes, times), so one filter pass over 75,000 rows is a tight loop over precomputed data that also
 * counts every facet; sort orders are permutations built once per column in page-friendly slices.
 */
export class TableModel<Row> {
  readonly rows: Row[] = [];
  #search: string[] = [];
  #times: number[] = [];
  #facets: FacetIndex[];
  /** Finished sort orders, kept current as pages arrive; orders being built. */
  #orders = new Map<string, { keys: SortKeys; order: Uint32Array }>();
  #context: FacetContext = {};
  #lastSearch?: { query: string; since: number | undefined; size: number; rows: Uint32Array };
  #building = new Map<string, Promise<Uint32Array>>();

  constructor(
    readonly columns: Column<Row>[],
    readonly facets: Facet<Row>[],
    private readonly searchText: (row: Row) => string,
    private readonly time?: (row: Row) => number,
    /** Runs sort-key extraction in the reader's language (label columns sort by what they show). */
    private readonly scope: <T>(fn: () => T) => T = (fn) => fn(),
  ) {
    this.#facets = facets.map(() => ({ values: [], codes: new Map(), rows: [] }));
  }

  get size(): number {
    return this.rows.length;
  }

  /** Indexes and appends a page of rows. */
  append(rows: Row[]): void {
    const start = this.rows.length;
    for (const row of rows) {
      this.rows.push(row);
      this.#search.push(this.searchText(row).toLowerCase());
      this.#times.push(this.time ? this.time(row) : NaN);
      this.facets.forEach((facet, f) => {
        this.#facets[f].rows.push(this.#codes(f, row));
      });
    }
    // Keep finished orders current: sort the new page alone and merge it in (linear), rather than resort.
    for (const [key, sorted] of this.#orders) {
      const column = this.columns.find((c) => c.key === key)!;
      this.#orders.set(key, mergeOrders(sorted.keys, sorted.order, this.scope(() => rows.map((r) => column.sortValue(r))), start));
    }
    this.#building.clear(); // an order still being built is for fewer rows: build again when asked
  }

  /** Every value a facet has among the rows, in first-seen order. */
  facetValues(key: string): string[] {
    const f = this.facets.findIndex((x) => x.key === key);
    return f < 0 ? [] : this.#facets[f].values;
  }

  /** Sets what contextual facets read (the admins) and works their values out again. */
  setContext(context: FacetContext): void {
    this.#context = context;
    this.facets.forEach((facet, f) => {
      if (!facet.contextual) return;
      this.#facets[f] = { values: [], codes: new Map(), rows: [] };
      for (const row of this.rows) this.#facets[f].rows.push(this.#codes(f, row));
    });
  }

  #codes(f: number, row: Row): number | number[] {
    const value = this.facets[f].value(row, this.#context);
    const index = this.#facets[f];
    return typeof value === 'string' ? this.#code(index, value) : value.map((v) => this.#code(index, v));
  }

  #code(index: FacetIndex, value: string): number {
    let code = index.codes.get(value);
    if (code === undefined) {
      code = index.values.length;
      index.values.push(value);
      index.codes.set(value, code);
    }
    return code;
  }

  /**
   * The rows that pass `filter` (in row order) and the facet counts, in one pass. Typing narrows a
   * search, so when the new text contains the last one only the rows that matched it are looked at.
   */
  filter(filter: TableFilter): { mask: Uint8Array; matches: number; counts: TableView['counts'] } {
    const n = this.rows.length;
    const query = filter.search.trim().toLowerCase();
    const candidates = this.#candidates(query, filter.since);
    const facetRows = this.#facets.map((index) => index.rows);
    const tallies = this.#facets.map((index) => new Uint32Array(index.values.length));
    const activeF: number[] = [];
    const activeT: number[] = [];
    this.facets.forEach((facet, f) => {
      const wanted = filter.facets[facet.key];
      if (wanted === undefined || wanted === '') return;
      activeF.push(f);
      activeT.push(this.#facets[f].codes.get(String(wanted)) ?? -2); // -2: a value no row has
    });
    const facetCount = facetRows.length;
    const activeCount = activeF.length;
    const mask = new Uint8Array(n);
    let matches = 0;
    for (let k = 0; k < candidates.length; k++) {
      const i = candidates[k];
      let failed = -1;
      let failures = 0;
      for (let a = 0; a < activeCount; a++) {
        const codes = facetRows[activeF[a]][i];
        const ok = typeof codes === 'number' ? codes === activeT[a] : codes.includes(activeT[a]);
        if (!ok) {
          failed = activeF[a];
          if (++failures > 1) break;
        }
      }
      if (failures > 1) continue;
      // a match counts for every facet; a row failing one facet counts only there (what picking it would add)
      const from = failures === 0 ? 0 : failed;
      const to = failures === 0 ? facetCount : failed + 1;
      if (failures === 0) {
        mask[i] = 1;
        matches++;
      }
      for (let f = from; f < to; f++) {
        const codes = facetRows[f][i];
        if (typeof codes === 'number') tallies[f][codes]++;
        else for (let c = 0; c < codes.length; c++) tallies[f][codes[c]]++;
      }
    }
    const counts = new Map<string, Map<string, number>>();
    this.facets.forEach((facet, f) => {
      const values = this.#facets[f].values;
      counts.set(facet.key, new Map(values.map((v, c) => [v, tallies[f][c]])));
    });
    return { mask, matches, counts };
  }

  /** Rows within `since` whose search text contains `query` — from the last answer when it narrows it. */
  #candidates(query: string, since: number | undefined): Uint32Array {
    const last = this.#lastSearch;
    const narrows = last && last.size === this.rows.length && last.since === since && query.includes(last.query);
    const pool = narrows ? last.rows : undefined;
    const count = pool ? pool.length : this.rows.length;
    const out = new Uint32Array(count);
    let k = 0;
    for (let j = 0; j < count; j++) {
      const i = pool ? pool[j] : j;
      if (since !== undefined && !(this.#times[i] >= since)) continue;
      if (query && !this.#search[i].includes(query)) continue;
      out[k++] = i;
    }
    const rows = out.subarray(0, k);
    this.#lastSearch = { query, since, size: this.rows.length, rows };
    return rows;
  }

  /** Drops every sort order (their labels changed language); each is built again when asked. */
  forgetOrders(): void {
    this.#orders.clear();
    this.#building.clear();
  }

  /**
   * The ascending order of a column: at once when it is known, else a promise of it (built in slices
   * that leave the page responsive). Known orders follow appended rows.
   */
  order(key: string): Uint32Array | Promise<Uint32Array> {
    const known = this.#orders.get(key);
    if (known) return known.order;
    let building = this.#building.get(key);
    if (!building) {
      const column = this.columns.find((c) => c.key === key);
      if (!column) return Promise.reject(new TypeError(`No column ${key}`));
      const size = this.rows.length;
      const keys = this.scope(() => sortKeys(this.rows.map((r) => column.sortValue(r)), column.date === true));
      if (size <= SYNC_SORT_ROWS) {
        // a first page sorts in well under a frame: no need for a second render
        const order = sortPermutationNow(keys);
        this.#orders.set(key, { keys, order });
        return order;
      }
      const build: Promise<Uint32Array> = sortPermutation(keys).then((order) => {
        if (this.#building.get(key) === build) this.#building.delete(key); // only its own entry
        if (this.rows.length === size) {
          this.#orders.set(key, { keys, order });
          return order;
        }
        return this.order(key); // rows arrived meanwhile
      });
      building = build;
      this.#building.set(key, building);
    }
    return building;
  }

  /** Filtered rows in sorted order: the sort's permutation walked forwards or backwards through the mask. */
  static arrange(order: Uint32Array, mask: Uint8Array, matches: number, direction: 'asc' | 'desc'): Uint32Array {
    const out = new Uint32Array(matches);
    let k = 0;
    if (direction === 'asc') {
      for (let i = 0; i < order.length; i++) if (mask[order[i]]) out[k++] = order[i];
    } else {
      for (let i = order.length - 1; i >= 0; i--) if (mask[order[i]]) out[k++] = order[i];
    }
    return out;
  }
}
