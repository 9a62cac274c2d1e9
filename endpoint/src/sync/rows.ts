/** Checks on the rows Graph sends, before any of a page is stored. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** An ISO 8601 instant with its offset, as Graph writes DateTimeOffset values (and PostgreSQL reads them). */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

export function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** The last row per key: a page that repeats a key must not make one statement touch a row twice. */
export function lastPerKey<T>(rows: readonly T[], key: (row: T) => string): T[] {
  return [...new Map(rows.map((row) => [key(row), row])).values()];
}

/**
 * The instant of a Graph timestamp to the millisecond, as the query semantics compare them (Graph
 * writes up to 7 fractional digits; PostgreSQL would round them to microseconds, moving some values
 * into the next millisecond).
 */
export function toMillisecondInstant(value: string): string {
  return new Date(Date.parse(value)).toISOString();
}
