/**
 * Compiles a `$filter` tree into one predicate function, built once per query and then run per row.
 * Semantics (documented choice): string comparisons — eq, ne, gt…, startswith — ignore case on every
 * string property, as Graph does for names and UPNs; a date property compares as an instant with a
 * date-time literal (or a quoted ISO string); `null` matches missing values; a comparison needs a
 * property on one side and a literal on the other.
 */
import { ODataQueryError } from '../http-error.js';
import type { CompareOp, FilterNode, LiteralNode } from './ast.js';
import { parseFilter } from './parser.js';
import { describe, isScalar, resolvePath, type EntitySchema, type FieldType } from './schema.js';

/** A predicate over a row and (inside a lambda) the current collection element. */
type Test = (row: unknown, element: unknown) => boolean;
/** A value reader, typed at compile time. */
interface Value {
  type: FieldType | 'null';
  get: (row: unknown, element: unknown) => unknown;
  /** The path as the policy names it. */
  name?: string;
}
interface Scope {
  root: EntitySchema;
  lambda?: { variable: string; element: FieldType; collection: string };
  /** Property path → operators a route documents; absent: anything the schema allows. */
  policy?: FilterPolicy;
}

/** Property path (`methodsRegistered/any` inside a lambda) → the operators allowed on it. */
export type FilterPolicy = Readonly<Record<string, readonly string[]>>;

const SUPPORTED_FUNCTIONS = new Set(['startswith']);
const FLIPPED: Record<CompareOp, CompareOp> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };

const fail = (message: string) => new ODataQueryError(`Invalid filter clause: ${message}`);

/** Throws unless the route documents `op` on `name` (when it has a policy). */
function allow(scope: Scope, name: string | undefined, op: string): void {
  if (!scope.policy) return;
  const ops = name !== undefined && Object.hasOwn(scope.policy, name) ? scope.policy[name] : undefined;
  if (!ops) throw fail(`filtering on '${name ?? 'this expression'}' is not supported by this report`);
  if (!ops.includes(op)) throw fail(`operator '${op}' is not supported on '${name}' by this report (supported: ${ops.join(', ')})`);
}

function compilePath(segments: string[], scope: Scope): Value {
  const [head, ...rest] = segments as [string, ...string[]];
  if (scope.lambda && head === scope.lambda.variable) {
    const { type, get } = resolvePath(scope.lambda.element, rest);
    return { type, get: (_row, element) => get(element), name: [`${scope.lambda.collection}/any`, ...rest].join('/') };
  }
  const { type, get } = resolvePath({ object: scope.root }, segments);
  return { type, get: (row) => get(row), name: segments.join('/') };
}

function compileStartsWith(args: FilterNode[], scope: Scope): Test {
  const [target, prefix] = args;
  if (args.length !== 2 || target?.kind !== 'path' || prefix?.kind !== 'literal' || prefix.type !== 'string') {
    throw fail("startswith expects (property, 'text')");
  }
  const value = compilePath(target.segments, scope);
  allow(scope, value.name, 'startswith');
  if (value.type !== 'string') throw fail(`startswith needs a string property, '${target.segments.join('/')}' is ${describe(value.type as FieldType)}`);
  const p = prefix.value.toLowerCase();
  const get = value.get;
  return (row, el) => {
    const v = get(row, el);
    return typeof v === 'string' && v.toLowerCase().startsWith(p);
  };
}

function compileValue(node: FilterNode, scope: Scope): Value {
  switch (node.kind) {
    case 'path':
      return compilePath(node.segments, scope);
    case 'literal':
      throw fail('a literal cannot be compared with a literal');
    case 'call':
    case 'lambda':
    case 'compare':
    case 'logical':
    case 'not': {
      const test = compileTest(node, scope);
      return { type: 'boolean', get: test };
    }
  }
}

/** Builds the comparison of a typed value against a literal. */
function compareWithLiteral(value: Value, op: CompareOp, lit: LiteralNode, label: string): Test {
  const get = value.get;
  if (lit.type === 'null') {
    if (op === 'eq') return (r, e) => get(r, e) == null;
    if (op === 'ne') return (r, e) => get(r, e) != null;
    throw fail(`operator '${op}' cannot be used with null`);
  }
  const type = value.type;
  if (type === 'null' || !isScalar(type)) {
    const hint = type !== 'null' && typeof type === 'object' && 'collection' in type ? `; use ${label}/any(x: x ${op} …)` : '';
    throw fail(`operator '${op}' is not supported on '${label}' (${type === 'null' ? 'null' : describe(type)})${hint}`);
  }
  const mismatch = () => fail(`'${label}' is ${type} and cannot be compared with a ${lit.type} literal`);
  let key: (v: unknown) => number | string | boolean | undefined;
  let target: number | string | boolean;
  if (type === 'string') {
    if (lit.type !== 'string') throw mismatch();
    key = (v) => (typeof v === 'string' ? v.toLowerCase() : undefined);
    target = lit.value.toLowerCase();
  } else if (type === 'number') {
    if (lit.type !== 'number') throw mismatch();
    key = (v) => (typeof v === 'number' ? v : undefined);
    target = lit.value;
  } else if (type === 'boolean') {
    if (lit.type !== 'boolean') throw mismatch();
    if (op !== 'eq' && op !== 'ne') throw fail(`operator '${op}' is not supported on boolean '${label}'`);
    key = (v) => (typeof v === 'boolean' ? v : undefined);
    target = lit.value;
  } else {
    const ms = lit.type === 'datetime' ? lit.value : lit.type === 'string' ? Date.parse(lit.value) : NaN;
    if (Number.isNaN(ms)) throw mismatch();
    key = (v) => {
      const t = typeof v === 'string' ? Date.parse(v) : NaN;
      return Number.isNaN(t) ? undefined : t;
    };
    target = ms;
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

function label(node: FilterNode): string {
  if (node.kind === 'path') return node.segments.join('/');
  if (node.kind === 'call') return `${node.name}(…)`;
  return 'expression';
}

function compileCompare(node: Extract<FilterNode, { kind: 'compare' }>, scope: Scope): Test {
  let { left, right, op } = node;
  if (left.kind === 'literal' && right.kind !== 'literal') {
    [left, right] = [right, left];
    op = FLIPPED[op];
  }
  if (right.kind !== 'literal') throw fail('a comparison needs a property on one side and a literal on the other');
  const value = compileValue(left, scope);
  allow(scope, left.kind === 'path' ? value.name : undefined, op);
  return compareWithLiteral(value, op, right, label(left));
}

function compileLambda(node: Extract<FilterNode, { kind: 'lambda' }>, scope: Scope): Test {
  const coll = compilePath(node.collection, scope);
  const path = node.collection.join('/');
  if (coll.type === 'null' || typeof coll.type === 'string' || !('collection' in coll.type)) {
    throw fail(`'${path}' is not a collection`);
  }
  const element: FieldType = typeof coll.type.collection === 'string' ? coll.type.collection : { object: coll.type.collection };
  const getColl = coll.get;
  if (scope.policy && (node.quantifier !== 'any' || !node.body)) {
    throw fail(`'${path}/${node.quantifier}(${node.body ? '…' : ''})' is not supported by this report`);
  }
  if (!node.body || !node.variable) {
    return (row, el) => {
      const c = getColl(row, el);
      return Array.isArray(c) && c.length > 0;
    };
  }
  if (scope.lambda) throw fail('nested lambda expressions are not supported');
  if (Object.hasOwn(scope.root.fields, node.variable)) throw fail(`lambda variable '${node.variable}' hides a property`);
  const body = compileTest(node.body, { root: scope.root, policy: scope.policy, lambda: { variable: node.variable, element, collection: path } });
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

function compileTest(node: FilterNode, scope: Scope): Test {
  switch (node.kind) {
    case 'logical': {
      const a = compileTest(node.left, scope);
      const b = compileTest(node.right, scope);
      return node.op === 'and' ? (r, e) => a(r, e) && b(r, e) : (r, e) => a(r, e) || b(r, e);
    }
    case 'not': {
      if (scope.policy) throw fail("the 'not' operator is not supported by this report");
      const a = compileTest(node.operand, scope);
      return (r, e) => !a(r, e);
    }
    case 'compare':
      return compileCompare(node, scope);
    case 'lambda':
      return compileLambda(node, scope);
    case 'call': {
      const name = node.name.toLowerCase();
      if (!SUPPORTED_FUNCTIONS.has(name)) {
        throw new ODataQueryError(`Invalid filter clause: function '${node.name}' is not supported by this endpoint`);
      }
      return compileStartsWith(node.args, scope);
    }
    case 'path': {
      const v = compilePath(node.segments, scope);
      allow(scope, v.name, 'eq'); // a bare flag reads as `flag eq true`
      if (v.type !== 'boolean') throw fail(`'${node.segments.join('/')}' is not a boolean expression`);
      const get = v.get;
      return (r, e) => get(r, e) === true;
    }
    case 'literal':
      if (node.type !== 'boolean') throw fail('a literal is not a boolean expression');
      return node.value ? () => true : () => false;
  }
}

/**
 * Parses and compiles `$filter` text for rows of `schema`, allowing only what `policy` lists when one
 * is given. Throws ODataQueryError (→ 400).
 */
export function compileFilter<T>(text: string, schema: EntitySchema, policy?: FilterPolicy): (row: T) => boolean {
  const test = compileTest(parseFilter(text), { root: schema, policy });
  return (row) => test(row, undefined);
}
