/**
 * How a route's Graph properties are read in SQL: from the stored JSON document, or from a typed
 * column for the top-level properties a table keeps one for. Each value has the forms the
 * comparisons and the order need, written as the indexes are (`lower(doc ->> 'x') COLLATE "C"`).
 */
import type { FieldType, ScalarType } from '../../../../src/mock/odata/schema.js';

export interface SqlMapping {
  /** The JSON document column, e.g. 'doc'. */
  doc: string;
  /**
   * Top-level properties kept in typed columns: property name → column (timestamptz for date
   * properties). Columns are NOT NULL, as the migration declares them: their order needs no NULLS
   * clause, so an index on the column can serve it.
   */
  columns?: Readonly<Record<string, string>>;
  /** A unique column that completes every order (tiebreaker, ascending), e.g. 'user_id'. */
  key: string;
  /**
   * The order of a request without `$orderby`, as `$orderby` text (e.g. `activityDateTime desc`: Graph
   * answers the newest first), whether or not Graph lets a request ask for it.
   */
  defaultOrder?: string;
}

/** A property path as SQL: `json` is the jsonb value (a typed column has none), `text` its text, NULL when missing or null. */
export interface SqlValue {
  type: FieldType;
  json?: string;
  text: string;
  column?: string;
}

/** A SQL string literal (property names come from the schema; quoted all the same). */
export const sqlString = (text: string): string => `'${text.replace(/'/g, "''")}'`;

function jsonPath(base: string, segments: readonly string[]): string {
  return segments.reduce((expr, name) => `${expr} -> ${sqlString(name)}`, base);
}

function textPath(base: string, segments: readonly string[]): string {
  if (segments.length === 0) return `(${base} #>> '{}')`;
  return `${jsonPath(base, segments.slice(0, -1))} ->> ${sqlString(segments[segments.length - 1]!)}`;
}

/** `segments` below the row: a typed column when the mapping names one, else the document. */
export function rowValue(mapping: SqlMapping, segments: readonly string[], type: FieldType): SqlValue {
  const column = segments.length === 1 && mapping.columns && Object.hasOwn(mapping.columns, segments[0]!) ? mapping.columns[segments[0]!] : undefined;
  if (column !== undefined) return { type, text: column, column };
  return { type, json: jsonPath(mapping.doc, segments), text: textPath(mapping.doc, segments) };
}

/** `segments` below a lambda's element, `element` being the jsonb element of the array. */
export function elementValue(element: string, segments: readonly string[], type: FieldType): SqlValue {
  return { type, json: jsonPath(element, segments), text: textPath(element, segments) };
}

/**
 * The form a scalar compares and sorts in, as the mock's: strings case-folded and compared by code
 * point (the indexes' `lower(…) COLLATE "C"`), dates as instants, numbers and booleans by value.
 */
export function comparable(value: SqlValue, type: ScalarType): string {
  if (type === 'string') return `lower(${value.text}) COLLATE "C"`;
  if (value.column !== undefined) return value.column;
  const cast = type === 'date' ? 'timestamptz' : type === 'number' ? 'numeric' : 'boolean';
  return `(${value.text})::${cast}`;
}

/** The parameter cast that matches `comparable` for `type`. */
export const PARAM_CAST: Readonly<Record<ScalarType, string>> = { string: '::text', date: '::timestamptz', number: '::numeric', boolean: '::boolean' };
