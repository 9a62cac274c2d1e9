/**
 * Compiles a `$filter` tree into one predicate function, built once per query and then run per row.
 * Semantics (documented choice): string comparisons — eq, ne, gt…, startswith — ignore case on every
 * string property, as Graph does for names and UPNs; a date property compares as an instant with a
 * date-time literal (or a quoted ISO string); `null` matches missing values; a comparison needs a
 * property on one side and a literal on the other. What is accepted is decided in filter-rules.ts.
 */
import type { CompareOp } from './ast.js';
import { checkFilter, type CheckedFilter, type CheckedLiteral, type CheckedPath, type CheckedValue, type FilterPolicy } from './filter-rules.js';
import type { EntitySchema } from './schema.js';

export type { FilterPolicy } from './filter-rules.js';

/** A predicate over a row and (inside a lambda) the current collection element. */
type Test = (row: unknown, element: unknown) => boolean;
type Get = (row: unknown, element: unknown) => unknown;

function pathGetter(path: CheckedPath): Get {
  const get = path.get;
  return path.from === 'element' ? (_row, element) => get(element) : (row) => get(row);
}

function valueGetter(value: CheckedValue): Get {
  return value.kind === 'path' ? pathGetter(value) : emit(value.test);
}

/** Builds the comparison of a typed value against a literal. */
function compareWithLiteral(value: CheckedValue, op: CompareOp, lit: CheckedLiteral): Test {
  const get = valueGetter(value);
  if (lit.type === 'null') {
    return op === 'eq' ? (r, e) => get(r, e) == null : (r, e) => get(r, e) != null;
  }
  let key: (v: unknown) => number | string | boolean | undefined;
  let target: number | string | boolean;
  switch (lit.type) {
    case 'string':
      key = (v) => (typeof v === 'string' ? v.toLowerCase() : undefined);
      target = lit.value.toLowerCase();
      break;
    case 'number':
      key = (v) => (typeof v === 'number' ? v : undefined);
      target = lit.value;
      break;
    case 'boolean':
      key = (v) => (typeof v === 'boolean' ? v : undefined);
      target = lit.value;
      break;
    case 'date':
      key = (v) => {
        const t = typeof v === 'string' ? Date.parse(v) : NaN;
        return Number.isNaN(t) ? undefined : t;
      };
      target = lit.value;
      break;
  }
  const t = target;
  switch (op) {
    case 'eq': return (r, e) => key(get(r, e)) === t;
    case 'ne': return (r, e) => key(get(r, e)) !== t;
    case 'gt': return (r, e) => { const k = key(get(r, e)); return k !== undefined && k > t; };
    case 'ge': return (r, e) => { const k = key(get(r, e)); return k !== undefined && k >= t; };
    case 'lt': return (r, e) => { const k = key(get(r, e)); return k !== undefined && k < t; };
    case 'le': return (r, e) => { const k = key(get(r, e)); return k !== undefined && k <= t; };
  }
}

function emitLambda(node: Extract<CheckedFilter, { kind: 'lambda' }>): Test {
  const getColl = pathGetter(node.collection);
  const body = emit(node.body);
  if (node.quantifier === 'any') {
    return (row, el) => {
      const c = getColl(row, el);
      if (!Array.isArray(c)) return false;
      for (let i = 0; i < c.length; i++) if (body(row, c[i])) return true;
      return false;
    };
  }
  return (row, el) => {
    const c = getColl(row, el);
    if (!Array.isArray(c)) return true;
    for (let i = 0; i < c.length; i++) if (!body(row, c[i])) return false;
    return true;
  };
}

function emit(node: CheckedFilter): Test {
  switch (node.kind) {
    case 'logical': {
      const a = emit(node.left);
      const b = emit(node.right);
      return node.op === 'and' ? (r, e) => a(r, e) && b(r, e) : (r, e) => a(r, e) || b(r, e);
    }
    case 'not': {
      const a = emit(node.operand);
      return (r, e) => !a(r, e);
    }
    case 'compare':
      return compareWithLiteral(node.value, node.op, node.literal);
    case 'startswith': {
      const p = node.prefix.toLowerCase();
      const get = pathGetter(node.value);
      return (row, el) => {
        const v = get(row, el);
        return typeof v === 'string' && v.toLowerCase().startsWith(p);
      };
    }
    case 'flag': {
      const get = pathGetter(node.value);
      return (r, e) => get(r, e) === true;
    }
    case 'nonEmpty': {
      const getColl = pathGetter(node.collection);
      return (row, el) => {
        const c = getColl(row, el);
        return Array.isArray(c) && c.length > 0;
      };
    }
    case 'lambda':
      return emitLambda(node);
    case 'constant':
      return node.value ? () => true : () => false;
  }
}

/**
 * Parses and compiles `$filter` text for rows of `schema`, allowing only what `policy` lists when one
 * is given. Throws ODataQueryError (→ 400).
 */
export function compileFilter<T>(text: string, schema: EntitySchema, policy?: FilterPolicy): (row: T) => boolean {
  const test = emit(checkFilter(text, schema, policy));
  return (row) => test(row, undefined);
}
