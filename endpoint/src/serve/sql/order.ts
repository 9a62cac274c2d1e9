/**
 * `$orderby` as SQL, in the mock's order (sortRows): strings case-folded by code point, dates as
 * instants, false before true, nulls first ascending and last descending; then the mapping's key,
 * ascending, so every row has one place and a page can resume after the last row served (keyset).
 */
import { parseOrderBy } from '../../../../src/mock/odata/orderby.js';
import type { EntitySchema } from '../../../../src/mock/odata/schema.js';
import { comparable, PARAM_CAST, rowValue, type SqlMapping } from './mapping.js';

export interface SqlOrder {
  /** ORDER BY list (terms, then the key). */
  orderBy: string;
  /** SQL expressions selected per row (as k0, k1, …) whose values identify its position: the page token carries the last row's. */
  keys: string[];
  /** Condition "row comes after the row whose key values are `values`", pushing them onto `params`. */
  after(values: readonly unknown[], params: unknown[]): string;
}

interface Term {
  expr: string;
  /** Cast of a value compared with `expr` (the key's is its own type). */
  cast: string;
  descending: boolean;
  /** Typed columns and the key are NOT NULL. */
  nullable: boolean;
}

function orderItem(term: Term): string {
  const direction = term.descending ? 'DESC' : 'ASC';
  if (!term.nullable) return `${term.expr} ${direction}`;
  return `${term.expr} ${direction} ${term.descending ? 'NULLS LAST' : 'NULLS FIRST'}`;
}

/** Builds `after` for the terms: row-after-position as a disjunction over the first differing term. */
function afterFor(terms: readonly Term[]) {
  return (values: readonly unknown[], params: unknown[]): string => {
    if (values.length !== terms.length) throw new RangeError(`expected ${terms.length} position values, got ${values.length}`);
    const refs = values.map((v, i) => {
      if (v === null || v === undefined) return null;
      params.push(v);
      return `$${params.length}${terms[i]!.cast}`;
    });
    // One ordered term and the key, the served case: `t >= v AND (t <> v OR key > k)` says the same as
    // the disjunction below, but the planner estimates its range once (the disjunction's it counts
    // twice, and on the last pages picks a scan and sort over the index walk).
    if (terms.length === 2 && refs[0] !== null && refs[1] !== null && (!terms[0]!.descending || !terms[0]!.nullable)) {
      const [t, key] = terms as [Term, Term];
      return `(${t.expr} ${t.descending ? '<=' : '>='} ${refs[0]} AND (${t.expr} <> ${refs[0]} OR ${key.expr} > ${refs[1]}))`;
    }
    /** Rows strictly after the position on term i alone. */
    const beyond = (i: number): string | undefined => {
      const { expr, descending, nullable } = terms[i]!;
      const ref = refs[i];
      if (ref === null) return descending ? undefined : `${expr} IS NOT NULL`; // null is first ascending, last descending
      if (!descending) return `${expr} > ${ref}`;
      return nullable ? `(${expr} < ${ref} OR ${expr} IS NULL)` : `${expr} < ${ref}`;
    };
    const same = (i: number) => (refs[i] === null ? `${terms[i]!.expr} IS NULL` : `${terms[i]!.expr} = ${refs[i]}`);
    const branches: string[] = [];
    for (let i = 0; i < terms.length; i++) {
      const b = beyond(i);
      if (b === undefined) continue;
      branches.push([...terms.slice(0, i).map((_, j) => same(j)), b].join(' AND '));
    }
    const rest = branches.length ? branches.map((b) => `(${b})`).join(' OR ') : 'FALSE';
    // A plain bound on the first term lets an index on it start at the position instead of the beginning.
    const first = terms[0]!;
    const bound = refs[0] !== null && (!first.descending || !first.nullable) ? `${first.expr} ${first.descending ? '<=' : '>='} ${refs[0]} AND ` : '';
    return `(${bound}(${rest}))`;
  };
}

/**
 * `$orderby` text (or undefined: the mapping's default order, else key order) → SqlOrder; throws
 * ODataQueryError like the mock's parseOrderBy for undocumented terms.
 */
export function compileSqlOrder(text: string | undefined, schema: EntitySchema, allowed: readonly string[], mapping: SqlMapping): SqlOrder {
  const parsed = text !== undefined ? parseOrderBy(text, schema, allowed) : mapping.defaultOrder ? parseOrderBy(mapping.defaultOrder, schema) : [];
  const terms: Term[] = parsed.map((t) => {
    const value = rowValue(mapping, t.path, t.type);
    return { expr: comparable(value, t.type), cast: PARAM_CAST[t.type], descending: t.descending, nullable: value.column === undefined };
  });
  terms.push({ expr: mapping.key, cast: '', descending: false, nullable: false });
  return {
    orderBy: terms.map(orderItem).join(', '),
    // as text, so a position survives any driver's parsing (a timestamptz as a JS Date would lose its microseconds)
    keys: terms.map((t) => `(${t.expr})::text`),
    after: afterFor(terms),
  };
}
