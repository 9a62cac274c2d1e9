/**
 * A page's rows as the JSON text the database wrote (`doc::text`), passed through to the answer
 * without being parsed and written again: at 1,000 rows a page, parsing the stored documents and
 * stringifying them back was a quarter of the server's time under load, and most of its garbage.
 * Only for rows served exactly as stored (no `$select`, no presenter).
 */
export class RawRows {
  constructor(readonly rows: readonly string[]) {}
  /** For anything that parses the body after all (tests, logs): the rows as values. */
  toJSON(): unknown[] {
    return this.rows.map((row) => JSON.parse(row) as unknown);
  }
}

/** The body as JSON text, a `value` of RawRows spliced in as it is. */
export function serializeBody(body: object): string {
  const { value } = body as { value?: unknown };
  if (!(value instanceof RawRows)) return JSON.stringify(body);
  const rest: Record<string, unknown> = { ...body };
  delete rest.value;
  const head = JSON.stringify(rest);
  const values = `"value":[${value.rows.join(',')}]`;
  return head === '{}' ? `{${values}}` : `${head.slice(0, -1)},${values}}`;
}
