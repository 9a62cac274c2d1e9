/**
 * `$select=a,b` on top-level properties: rows keep only those properties (plus `@odata.type`, which
 * Graph keeps as an annotation). Unknown names are a 400, as in Graph.
 */
import { ODataQueryError } from '../http-error.js';
import type { EntitySchema } from './schema.js';

export function parseSelect(text: string, schema: EntitySchema): string[] {
  const names = text.split(',').map((s) => s.trim());
  for (const name of names) {
    if (!name || !Object.hasOwn(schema.fields, name)) {
      throw new ODataQueryError(`Could not find a property named '${name}' on type '${schema.typeName}'`);
    }
  }
  return names;
}

export function project<T extends object>(row: T, names: string[]): Partial<T> {
  const source = row as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if ('@odata.type' in source) out['@odata.type'] = source['@odata.type'];
  for (const name of names) if (name in source) out[name] = source[name];
  return out as Partial<T>;
}
