/**
 * A Graph collection served from a table: the request's `$filter` and `$orderby` compiled to SQL by the
 * mock's parser, one page per request with keyset paging (the `$skiptoken` carries the last row's
 * position, so pages stay exact while a sync writes), `$select` applied to the page.
 */
import type { DocumentedQueries } from '../../../src/graph/documented-queries.js';
import { parseSelect, project } from '../../../src/mock/odata/select.js';
import { parseFilter } from '../../../src/mock/odata/parser.js';
import type { EntitySchema } from '../../../src/mock/odata/schema.js';
import { readQueryOptions } from '../../../src/mock/handler/query-options.js';
import type { Queryable } from '../store/db.js';
import { filterMentions } from './filter-mentions.js';
import { RawRows } from './raw-rows.js';
import { nextLinkFor } from './next-link.js';
import { compileSqlFilter, compileSqlOrder, decodePageToken, encodePageToken, type SqlMapping } from './sql/index.js';

export interface SqlCollectionRoute {
  /** Names the query in page tokens, e.g. 'userEventsSummary'. */
  name: string;
  schema: EntitySchema;
  /** Graph's documented options and filters, plus the endpoint's extensions. */
  queries: DocumentedQueries;
  context?: string;
  /** `FROM` target, and a condition every served row meets (e.g. current user versions only). */
  table: string;
  fixedWhere?: string;
  mapping: SqlMapping;
  defaultTop: number;
  /**
   * Graph's own window (the last 30 days), applied unless the filter names `property`: a plain Graph
   * query gets Graph's answer; a date filter reaches into the whole history.
   */
  window?: { property: string; condition: (params: unknown[], now: Date) => string };
  /** Applied to each served row (e.g. the unknownFutureValue mapping). */
  present?: (row: Record<string, unknown>) => Record<string, unknown>;
}

export interface CollectionRequest {
  url: URL;
  now: Date;
  publicUrl?: string;
  /** Upper bound on page sizes (tests and demos: exercise paging on small tenants). */
  pageSize?: number;
}

export async function serveSqlCollection(db: Queryable, route: SqlCollectionRoute, req: CollectionRequest): Promise<Record<string, unknown>> {
  const { queries, mapping } = route;
  const options = readQueryOptions(req.url, queries.options, queries.maxTop);
  const params: unknown[] = [];
  const conditions: string[] = route.fixedWhere ? [route.fixedWhere] : [];
  if (options.filter !== undefined) {
    conditions.push(`(${compileSqlFilter(options.filter, route.schema, queries.filter, mapping, params)})`);
  }
  if (route.window && !(options.filter !== undefined && filterMentions(parseFilter(options.filter), route.window.property))) {
    conditions.push(route.window.condition(params, req.now));
  }
  const order = compileSqlOrder(options.orderby, route.schema, queries.orderby, mapping);
  const select = options.select !== undefined ? parseSelect(options.select, route.schema) : undefined;
  const signature = `${route.name}\u0000${options.filter ?? ''}\u0000${options.orderby ?? ''}`;
  if (options.skiptoken !== undefined) {
    conditions.push(order.after(decodePageToken(options.skiptoken, signature, order.keys.length), params));
  }
  const top = Math.min(options.top ?? route.defaultTop, req.pageSize ?? Infinity);
  const keys = order.keys.map((k, i) => `${k} AS k${i}`).join(', ');
  const present = route.present;
  // served as stored: the document's text goes to the answer untouched (raw-rows.ts)
  const raw = !present && !select;
  const sql = `SELECT ${mapping.doc}${raw ? '::text' : ''} AS doc${keys ? `, ${keys}` : ''} FROM ${route.table}` +
    `${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''} ORDER BY ${order.orderBy} LIMIT ${top + 1}`;
  const { rows } = await db.query<Record<string, unknown>>(sql, params);

  const page = rows.slice(0, top);
  const last = rows.length > top ? page[page.length - 1] : undefined;
  const nextLink = last ? nextLinkFor(req.url, encodePageToken(signature, order.keys.map((_, i) => last[`k${i}`])), req.publicUrl) : undefined;
  let value: Record<string, unknown>[] | RawRows;
  if (raw) {
    value = new RawRows(page.map((row) => row.doc as string));
  } else {
    value = page.map((row) => (present ? present(row.doc as Record<string, unknown>) : (row.doc as Record<string, unknown>)));
    if (select) value = value.map((row) => project(row, select));
  }
  return {
    ...(route.context ? { '@odata.context': route.context } : {}),
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    value,
  };
}
