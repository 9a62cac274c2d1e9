/**
 * `$filter` as a SQL condition. The mock's parser and rules (filter-rules.ts) decide what is accepted
 * and what it means; this writes the checked tree so that SQL keeps exactly the rows the mock's
 * predicate keeps. Literal values go to `params`; only `true`/`false` are written inline.
 *
 * Missing values: a comparison on one is NULL in SQL and false in the mock. The two agree wherever
 * NULL only meets AND, OR, WHERE and EXISTS (it acts as false there), so plain comparisons stay
 * plain — and usable by an index. Where they would not agree (`not`, `ne`, `all`, a test compared
 * with a boolean) the SQL asks `IS [NOT] TRUE`.
 */
import type { CompareOp } from '../../../../src/mock/odata/ast.js';
import {
  checkFilter, type CheckedFilter, type CheckedLiteral, type CheckedPath, type FilterPolicy,
} from '../../../../src/mock/odata/filter-rules.js';
import type { EntitySchema, ScalarType } from '../../../../src/mock/odata/schema.js';
import { comparable, elementValue, rowValue, type SqlMapping, type SqlValue } from './mapping.js';

interface Context {
  mapping: SqlMapping;
  params: unknown[];
  /** Lambdas written so far (each gets its own alias). */
  lambdas: number;
  /** The current lambda element (jsonb), inside a lambda body. */
  element?: string;
}

const MIN_ISO_MS = Date.parse('0001-01-01T00:00:00Z');
const MAX_ISO_MS = Date.parse('9999-12-31T23:59:59.999Z');

/** The instant as timestamptz input; outside years 1–9999 (no plain ISO text) it lies before or after every stored row. */
function instantParam(ms: number): string {
  if (ms < MIN_ISO_MS) return '-infinity';
  if (ms > MAX_ISO_MS) return 'infinity';
  return new Date(ms).toISOString();
}

const SQL_OP: Record<Exclude<CompareOp, 'ne'>, string> = { eq: '=', gt: '>', ge: '>=', lt: '<', le: '<=' };

const isNotTrue = (condition: string) => `(${condition}) IS NOT TRUE`;

function param(ctx: Context, value: unknown, cast: string): string {
  ctx.params.push(value);
  return `$${ctx.params.length}${cast}`;
}

function valueOf(path: CheckedPath, ctx: Context): SqlValue {
  return path.from === 'row' ? rowValue(ctx.mapping, path.segments, path.type) : elementValue(ctx.element!, path.segments, path.type);
}

/** Backslash, % and _ are LIKE's own characters: escaped, a prefix matches them literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Dates compare as the mock compares them, in whole milliseconds: `x eq t` is `t <= x < t + 1 ms`. */
function compareDate(expr: string, op: CompareOp, ms: number, ctx: Context): string {
  const from = () => param(ctx, instantParam(ms), '::timestamptz');
  const until = () => param(ctx, instantParam(ms + 1), '::timestamptz');
  switch (op) {
    case 'eq': return `(${expr} >= ${from()} AND ${expr} < ${until()})`;
    case 'ne': return isNotTrue(`${expr} >= ${from()} AND ${expr} < ${until()}`);
    case 'gt': return `${expr} >= ${until()}`;
    case 'ge': return `${expr} >= ${from()}`;
    case 'lt': return `${expr} < ${from()}`;
    case 'le': return `${expr} < ${until()}`;
  }
}

function compareScalar(value: SqlValue, op: CompareOp, lit: Exclude<CheckedLiteral, { type: 'null' }>, ctx: Context): string {
  if (lit.type === 'date') return compareDate(comparable(value, 'date'), op, lit.value, ctx);
  let left: string;
  let right: string;
  if (lit.type === 'boolean') {
    // jsonb equality: true only for a JSON boolean, as the mock's typeof check
    left = value.column ?? value.json!;
    right = value.column !== undefined ? String(lit.value) : `'${lit.value}'::jsonb`;
  } else {
    left = comparable(value, lit.type as ScalarType);
    right = lit.type === 'string' ? `lower(${param(ctx, lit.value, '::text')})` : param(ctx, lit.value, '::numeric');
  }
  return op === 'ne' ? isNotTrue(`${left} = ${right}`) : `${left} ${SQL_OP[op]} ${right}`;
}

function compare(node: Extract<CheckedFilter, { kind: 'compare' }>, ctx: Context): string {
  const { value, op, literal } = node;
  if (value.kind === 'test') {
    // a test is always true or false, never null
    if (literal.type === 'null') return op === 'eq' ? 'FALSE' : 'TRUE';
    const inner = emit(value.test, ctx);
    return `(${inner}) ${(literal.value === true) === (op === 'eq') ? 'IS TRUE' : 'IS NOT TRUE'}`;
  }
  const v = valueOf(value, ctx);
  if (literal.type === 'null') return `${v.text} ${op === 'eq' ? 'IS NULL' : 'IS NOT NULL'}`;
  return compareScalar(v, op, literal, ctx);
}

/** The array a lambda ranges over; anything else (missing, null, an object) has no elements, as in the mock. */
function arrayOf(value: SqlValue): string {
  const json = value.json ?? value.column!;
  return `CASE WHEN jsonb_typeof(${json}) = 'array' THEN ${json} END`;
}

function lambda(node: Extract<CheckedFilter, { kind: 'lambda' }>, ctx: Context): string {
  const array = arrayOf(valueOf(node.collection, ctx));
  const alias = `l${++ctx.lambdas}`;
  const outer = ctx.element;
  ctx.element = `${alias}.v`;
  const body = emit(node.body, ctx);
  ctx.element = outer;
  const from = `SELECT 1 FROM jsonb_array_elements(${array}) AS ${alias}(v)`;
  return node.quantifier === 'any' ? `EXISTS (${from} WHERE ${body})` : `NOT EXISTS (${from} WHERE ${isNotTrue(body)})`;
}

function emit(node: CheckedFilter, ctx: Context): string {
  switch (node.kind) {
    case 'constant':
      return node.value ? 'TRUE' : 'FALSE';
    case 'logical':
      return `(${emit(node.left, ctx)} ${node.op === 'and' ? 'AND' : 'OR'} ${emit(node.right, ctx)})`;
    case 'not':
      return isNotTrue(emit(node.operand, ctx));
    case 'compare':
      return compare(node, ctx);
    case 'startswith': {
      const pattern = param(ctx, `${escapeLike(node.prefix)}%`, '::text');
      return `${comparable(valueOf(node.value, ctx), 'string')} LIKE lower(${pattern})`;
    }
    case 'flag': {
      const v = valueOf(node.value, ctx);
      return v.column !== undefined ? `${v.column} = true` : `${v.json} = 'true'::jsonb`;
    }
    case 'nonEmpty': {
      const v = valueOf(node.collection, ctx);
      const json = v.json ?? v.column!;
      return `(jsonb_typeof(${json}) = 'array' AND ${json} <> '[]'::jsonb)`;
    }
    case 'lambda':
      return lambda(node, ctx);
  }
}

/**
 * Boolean SQL expression for `$filter` text; pushes literal values onto `params` ($n placeholders).
 * Throws ODataQueryError (the mock's) for bad or undocumented filters, before pushing anything.
 */
export function compileSqlFilter(
  text: string, schema: EntitySchema, policy: FilterPolicy | undefined, mapping: SqlMapping, params: unknown[],
): string {
  return emit(checkFilter(text, schema, policy), { mapping, params, lambdas: 0 });
}
