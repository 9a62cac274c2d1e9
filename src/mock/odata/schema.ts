/**
 * What a route's rows look like to the query engine: each property's type, so the compiler can
 * reject unknown properties and mismatched literals up front (Graph answers those with 400 too).
 */
import { ODataQueryError } from '../http-error.js';

export type ScalarType = 'string' | 'boolean' | 'number' | 'date';

export type FieldType =
  | ScalarType
  | { object: EntitySchema }
  | { collection: ScalarType | EntitySchema };

export interface EntitySchema {
  /** e.g. 'microsoft.graph.userEventsSummary', for error messages. */
  typeName: string;
  fields: Readonly<Record<string, FieldType>>;
}

/** A row value reader produced by resolving a path. */
export type Getter = (row: unknown) => unknown;

export interface ResolvedPath {
  type: FieldType;
  get: Getter;
}

const read = (key: string): Getter => (row) => (row == null ? undefined : (row as Record<string, unknown>)[key]);

/** Composes property reads; the common one- and two-segment paths get direct closures. */
function chain(keys: string[]): Getter {
  if (keys.length === 0) return (row) => row;
  if (keys.length === 1) return read(keys[0]!);
  const [a, b] = keys as [string, string];
  if (keys.length === 2) {
    return (row) => {
      const x = row == null ? undefined : (row as Record<string, unknown>)[a];
      return x == null ? undefined : (x as Record<string, unknown>)[b];
    };
  }
  const readers = keys.map(read);
  return (row) => readers.reduce<unknown>((v, r) => r(v), row);
}

/** Resolves property `segments` below a value of type `start`; throws for unknown or non-navigable names. */
export function resolvePath(start: FieldType, segments: string[]): ResolvedPath {
  let type = start;
  for (const name of segments) {
    if (typeof type === 'string' || 'collection' in type) {
      throw new ODataQueryError(`Property '${name}' cannot be read from a ${describe(type)} value`);
    }
    const schema = type.object;
    const next = Object.hasOwn(schema.fields, name) ? schema.fields[name] : undefined;
    if (!next) throw new ODataQueryError(`Could not find a property named '${name}' on type '${schema.typeName}'`);
    type = next;
  }
  return { type, get: chain(segments) };
}

export function describe(type: FieldType): string {
  if (typeof type === 'string') return type;
  if ('object' in type) return type.object.typeName;
  return `collection of ${typeof type.collection === 'string' ? type.collection : type.collection.typeName}`;
}

export function isScalar(type: FieldType): type is ScalarType {
  return typeof type === 'string';
}
