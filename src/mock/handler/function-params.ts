/**
 * Parses OData function parameters from a path segment, e.g.
 * `(includedUserTypes='all',includedUserRoles='all')` → Map. Any order; quotes doubled inside values.
 */
import { MockHttpError } from '../http-error.js';

const PARAM = /\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*'((?:[^']|'')*)'\s*/y;

const bad = (message: string) => new MockHttpError(400, 'BadRequest', message);

export function parseFunctionParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  if (text.trim() === '') return params;
  let pos = 0;
  for (;;) {
    PARAM.lastIndex = pos;
    const m = PARAM.exec(text);
    if (!m) throw bad(`Invalid function parameters '(${text})': expected name='value' pairs`);
    const [, name, raw] = m as unknown as [string, string, string];
    if (params.has(name)) throw bad(`Function parameter '${name}' was specified more than once`);
    params.set(name, raw.replaceAll("''", "'"));
    pos = PARAM.lastIndex;
    if (pos === text.length) return params;
    if (text[pos] !== ',') throw bad(`Invalid function parameters '(${text})'`);
    pos++;
  }
}

/** Reads one parameter that must be one of `values`. */
export function enumParam<V extends string>(
  params: Map<string, string>,
  name: string,
  values: readonly V[],
  fallback?: V,
): V {
  const value = params.get(name);
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw bad(`The function parameter '${name}' is required`);
  }
  if (!(values as readonly string[]).includes(value)) {
    throw bad(`Invalid value '${value}' for function parameter '${name}'; expected one of: ${values.join(', ')}`);
  }
  return value as V;
}

/** Rejects parameters other than `known`. */
export function onlyParams(params: Map<string, string>, known: readonly string[]): void {
  for (const name of params.keys()) {
    if (!known.includes(name)) throw bad(`Unknown function parameter '${name}'; expected: ${known.join(', ')}`);
  }
}
