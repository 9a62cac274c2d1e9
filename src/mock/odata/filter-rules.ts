/**
 * What a `$filter` means before anything runs it: the parsed tree checked against the schema and the
 * route's policy (which property allows which operator), with types resolved and literals decoded.
 * Every 400 for a filter is raised here, so each back end — the mock's predicates (compile-filter.ts),
 * the endpoint's SQL — accepts exactly the same queries with exactly the same messages.
 */
import { ODataQueryError } from '../http-error.js';
import type { CompareOp, FilterNode, LiteralNode } from './ast.js';
import { parseFilter } from './parser.js';
import { describe, isScalar, resolvePath, type EntitySchema, type FieldType, type Getter, type ScalarType } from './schema.js';

/** Property path (`methodsRegistered/any` inside a lambda) → the operators allowed on it. */
export type FilterPolicy = Readonly<Record<string, readonly string[]>>;

/** A property read from the row, or (inside a lambda) from the current collection element. */
export interface CheckedPath {
  kind: 'path';
  from: 'row' | 'element';
  /** Property names below the row or element (empty: the element itself). */
  segments: string[];
  type: FieldType;
  get: Getter;
}

/** What a comparison reads: a property, or the outcome of a nested boolean expression. */
export type CheckedValue = CheckedPath | { kind: 'test'; test: CheckedFilter };

/** A literal the compared value's type accepts: strings as written, dates as epoch milliseconds. */
export type CheckedLiteral =
  | { type: 'null' }
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'date'; value: number };

export type CheckedFilter =
  | { kind: 'constant'; value: boolean }
  | { kind: 'logical'; op: 'and' | 'or'; left: CheckedFilter; right: CheckedFilter }
  | { kind: 'not'; operand: CheckedFilter }
  /** With a `null` literal the value may be of any type (only eq / ne); else it is scalar (or a test) of the literal's type. */
  | { kind: 'compare'; value: CheckedValue; op: CompareOp; literal: CheckedLiteral }
  | { kind: 'startswith'; value: CheckedPath; prefix: string }
  /** A bare boolean property: `isAdmin` reads as `isAdmin eq true`. */
  | { kind: 'flag'; value: CheckedPath }
  /** `collection/any()`: the collection has an element. */
  | { kind: 'nonEmpty'; collection: CheckedPath }
  | { kind: 'lambda'; quantifier: 'any' | 'all'; collection: CheckedPath; element: FieldType; body: CheckedFilter };

interface Scope {
  root: EntitySchema;
  lambda?: { variable: string; element: FieldType; collection: string };
  /** Absent: anything the schema allows. */
  policy?: FilterPolicy;
}

/** A checked value plus the path as the policy names it. */
interface Named {
  value: CheckedValue;
  type: FieldType | 'null';
  name?: string;
}

const SUPPORTED_FUNCTIONS = new Set(['startswith']);
/** `5 lt x` is `x gt 5`: comparisons are normalised to property-op-literal. */
export const FLIPPED: Record<CompareOp, CompareOp> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' };

const fail = (message: string) => new ODataQueryError(`Invalid filter clause: ${message}`);

/** Throws unless the route documents `op` on `name` (when it has a policy). */
function allow(scope: Scope, name: string | undefined, op: string): void {
  if (!scope.policy) return;
  const ops = name !== undefined && Object.hasOwn(scope.policy, name) ? scope.policy[name] : undefined;
  if (!ops) throw fail(`filtering on '${name ?? 'this expression'}' is not supported by this report`);
  if (!ops.includes(op)) throw fail(`operator '${op}' is not supported on '${name}' by this report (supported: ${ops.join(', ')})`);
}

function checkPath(segments: string[], scope: Scope): Named & { value: CheckedPath } {
  const [head, ...rest] = segments as [string, ...string[]];
  if (scope.lambda && head === scope.lambda.variable) {
    const { type, get } = resolvePath(scope.lambda.element, rest);
    return {
      value: { kind: 'path', from: 'element', segments: rest, type, get },
      type,
      name: [`${scope.lambda.collection}/any`, ...rest].join('/'),
    };
  }
  const { type, get } = resolvePath({ object: scope.root }, segments);
  return { value: { kind: 'path', from: 'row', segments, type, get }, type, name: segments.join('/') };
}

function checkStartsWith(args: FilterNode[], scope: Scope): CheckedFilter {
  const [target, prefix] = args;
  if (args.length !== 2 || target?.kind !== 'path' || prefix?.kind !== 'literal' || prefix.type !== 'string') {
    throw fail("startswith expects (property, 'text')");
  }
  const path = checkPath(target.segments, scope);
  allow(scope, path.name, 'startswith');
  if (path.type !== 'string') throw fail(`startswith needs a string property, '${target.segments.join('/')}' is ${describe(path.type as FieldType)}`);
  return { kind: 'startswith', value: path.value, prefix: prefix.value };
}

function checkValue(node: FilterNode, scope: Scope): Named {
  switch (node.kind) {
    case 'path':
      return checkPath(node.segments, scope);
    case 'literal':
      throw fail('a literal cannot be compared with a literal');
    case 'call':
    case 'lambda':
    case 'compare':
    case 'logical':
    case 'not':
      return { value: { kind: 'test', test: checkTest(node, scope) }, type: 'boolean' };
  }
}

/** Checks the comparison of a typed value against a literal and decodes the literal for that type. */
function checkLiteral(value: Named, op: CompareOp, lit: LiteralNode, label: string): CheckedLiteral {
  if (lit.type === 'null') {
    if (op === 'eq' || op === 'ne') return { type: 'null' };
    throw fail(`operator '${op}' cannot be used with null`);
  }
  const type = value.type;
  if (type === 'null' || !isScalar(type)) {
    const hint = type !== 'null' && typeof type === 'object' && 'collection' in type ? `; use ${label}/any(x: x ${op} …)` : '';
    throw fail(`operator '${op}' is not supported on '${label}' (${type === 'null' ? 'null' : describe(type)})${hint}`);
  }
  const mismatch = () => fail(`'${label}' is ${type} and cannot be compared with a ${lit.type} literal`);
  const scalar: ScalarType = type;
  switch (scalar) {
    case 'string':
      if (lit.type !== 'string') throw mismatch();
      return { type: 'string', value: lit.value };
    case 'number':
      if (lit.type !== 'number') throw mismatch();
      return { type: 'number', value: lit.value };
    case 'boolean':
      if (lit.type !== 'boolean') throw mismatch();
      if (op !== 'eq' && op !== 'ne') throw fail(`operator '${op}' is not supported on boolean '${label}'`);
      return { type: 'boolean', value: lit.value };
    case 'date': {
      const ms = lit.type === 'datetime' ? lit.value : lit.type === 'string' ? Date.parse(lit.value) : NaN;
      if (Number.isNaN(ms)) throw mismatch();
      return { type: 'date', value: ms };
    }
  }
}

function label(node: FilterNode): string {
  if (node.kind === 'path') return node.segments.join('/');
  if (node.kind === 'call') return `${node.name}(…)`;
  return 'expression';
}

function checkCompare(node: Extract<FilterNode, { kind: 'compare' }>, scope: Scope): CheckedFilter {
  let { left, right, op } = node;
  if (left.kind === 'literal' && right.kind !== 'literal') {
    [left, right] = [right, left];
    op = FLIPPED[op];
  }
  if (right.kind !== 'literal') throw fail('a comparison needs a property on one side and a literal on the other');
  const value = checkValue(left, scope);
  allow(scope, left.kind === 'path' ? value.name : undefined, op);
  return { kind: 'compare', value: value.value, op, literal: checkLiteral(value, op, right, label(left)) };
}

function checkLambda(node: Extract<FilterNode, { kind: 'lambda' }>, scope: Scope): CheckedFilter {
  const coll = checkPath(node.collection, scope);
  const path = node.collection.join('/');
  if (typeof coll.type === 'string' || !('collection' in coll.type)) {
    throw fail(`'${path}' is not a collection`);
  }
  const element: FieldType = typeof coll.type.collection === 'string' ? coll.type.collection : { object: coll.type.collection };
  if (scope.policy && (node.quantifier !== 'any' || !node.body)) {
    throw fail(`'${path}/${node.quantifier}(${node.body ? '…' : ''})' is not supported by this report`);
  }
  if (!node.body || !node.variable) return { kind: 'nonEmpty', collection: coll.value };
  if (scope.lambda) throw fail('nested lambda expressions are not supported');
  if (Object.hasOwn(scope.root.fields, node.variable)) throw fail(`lambda variable '${node.variable}' hides a property`);
  const body = checkTest(node.body, { root: scope.root, policy: scope.policy, lambda: { variable: node.variable, element, collection: path } });
  return { kind: 'lambda', quantifier: node.quantifier, collection: coll.value, element, body };
}

function checkTest(node: FilterNode, scope: Scope): CheckedFilter {
  switch (node.kind) {
    case 'logical':
      return { kind: 'logical', op: node.op, left: checkTest(node.left, scope), right: checkTest(node.right, scope) };
    case 'not':
      if (scope.policy) throw fail("the 'not' operator is not supported by this report");
      return { kind: 'not', operand: checkTest(node.operand, scope) };
    case 'compare':
      return checkCompare(node, scope);
    case 'lambda':
      return checkLambda(node, scope);
    case 'call': {
      const name = node.name.toLowerCase();
      if (!SUPPORTED_FUNCTIONS.has(name)) {
        throw new ODataQueryError(`Invalid filter clause: function '${node.name}' is not supported by this endpoint`);
      }
      return checkStartsWith(node.args, scope);
    }
    case 'path': {
      const v = checkPath(node.segments, scope);
      allow(scope, v.name, 'eq'); // a bare flag reads as `flag eq true`
      if (v.type !== 'boolean') throw fail(`'${node.segments.join('/')}' is not a boolean expression`);
      return { kind: 'flag', value: v.value };
    }
    case 'literal':
      if (node.type !== 'boolean') throw fail('a literal is not a boolean expression');
      return { kind: 'constant', value: node.value };
  }
}

/**
 * Parses `$filter` text for rows of `schema` and checks it, allowing only what `policy` lists when one
 * is given. Throws ODataQueryError (→ 400).
 */
export function checkFilter(text: string, schema: EntitySchema, policy?: FilterPolicy): CheckedFilter {
  return checkTest(parseFilter(text), { root: schema, policy });
}
