/**
 * `$orderby=field [asc|desc], …` on scalar properties (paths allowed, e.g. initiatedBy/user/displayName).
 * Keys are computed once per row, then an index array is sorted: strings ignore case, dates compare as
 * instants, nulls sort first ascending (OData's rule). The sort is stable, so ties keep the tenant order.
 */
import { ODataQueryError } from '../http-error.js';
import { resolvePath, type EntitySchema, type Getter, type ScalarType } from './schema.js';
import { tokenize } from './tokenizer.js';

export interface OrderByTerm {
  path: string[];
  type: ScalarType;
  get: Getter;
  descending: boolean;
}

const fail = (message: string) => new ODataQueryError(`Invalid $orderby: ${message}`);

/** `allowed`: the properties a route documents for `$orderby` (absent: any scalar). */
export function parseOrderBy(text: string, schema: EntitySchema, allowed?: readonly string[]): OrderByTerm[] {
  const tokens = tokenize(text);
  const terms: OrderByTerm[] = [];
  let i = 0;
  for (;;) {
    const path: string[] = [];
    let t = tokens[i++]!;
    if (t.kind !== 'ident') throw fail(`property name expected at position ${t.pos}`);
    path.push(t.text);
    while (tokens[i]?.kind === 'punct' && (tokens[i] as { text: string }).text === '/') {
      const seg = tokens[i + 1]!;
      if (seg.kind !== 'ident') throw fail(`property name expected at position ${seg.pos}`);
      path.push(seg.text);
      i += 2;
    }
    const { type, get } = resolvePath({ object: schema }, path);
    if (typeof type !== 'string') throw fail(`'${path.join('/')}' is not a sortable property`);
    if (allowed && !allowed.includes(path.join('/'))) {
      throw fail(`ordering by '${path.join('/')}' is not supported by this report${allowed.length ? ` (supported: ${allowed.join(', ')})` : ''}`);
    }
    let descending = false;
    t = tokens[i]!;
    if (t.kind === 'ident' && (t.text === 'asc' || t.text === 'desc')) {
      descending = t.text === 'desc';
      t = tokens[++i]!;
    }
    terms.push({ path, type, get, descending });
    if (t.kind === 'eof') return terms;
    if (t.kind !== 'punct' || t.text !== ',') throw fail(`',' or end expected at position ${t.pos}`);
    i++;
  }
}

type Key = string | number | null;

function keyOf(type: ScalarType, value: unknown): Key {
  if (value == null) return null;
  switch (type) {
    case 'string': return String(value).toLowerCase();
    case 'date': {
      const t = Date.parse(String(value));
      return Number.isNaN(t) ? null : t;
    }
    case 'boolean': return value ? 1 : 0;
    case 'number': return typeof value === 'number' ? value : null;
  }
}

/** Returns a new array sorted by the terms; the input is left as is. */
export function sortRows<T>(rows: readonly T[], terms: OrderByTerm[]): T[] {
  const keys = terms.map((term) => rows.map((row) => keyOf(term.type, term.get(row))));
  const index = Array.from(rows, (_, i) => i);
  index.sort((a, b) => {
    for (let k = 0; k < terms.length; k++) {
      const x = keys[k]![a]!;
      const y = keys[k]![b]!;
      if (x === y) continue;
      const order = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return terms[k]!.descending ? -order : order;
    }
    return 0;
  });
  return index.map((i) => rows[i]!);
}
