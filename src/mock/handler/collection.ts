/**
 * Serves a paged collection: filter → order → slice one page → `@odata.nextLink` with an opaque
 * `$skiptoken`. The filtered, ordered row set is cached per query (tenant data never changes), so
 * walking all pages of a 500,000-row report costs one filter and one sort.
 */
import { compileFilter, parseOrderBy, parseSelect, project, sortRows, type EntitySchema } from '../odata/index.js';
import { decodeSkipToken, encodeSkipToken, withSkipToken } from './skiptoken.js';
import { readQueryOptions } from './query-options.js';
import type { DocumentedQueries } from '../../graph/documented-queries.js';

export interface CollectionRoute<T extends object> {
  /** Cache and skiptoken namespace, e.g. 'userEventsSummary'. */
  name: string;
  schema: EntitySchema;
  /** What the reference documents for this route: anything else is a 400. */
  queries: DocumentedQueries;
  /** `@odata.context`, or undefined for routes whose Graph answer has none. */
  context?: string;
  /**
   * Paged routes answer pages of `defaultTop` (or `$top`, where the route documents it, up to
   * `queries.maxTop`) with nextLinks; unpaged ones return every matching row.
   */
  paging?: { defaultTop: number };
  rows: () => readonly T[];
  /** Applied to the rows of the page only (e.g. the unknownFutureValue mapping). */
  present?: (row: T) => T;
}

export interface CollectionRequest {
  url: URL;
  /** Upper bound on the page size from the handler options (`pageSize`). */
  pageSize?: number;
  cache: QueryCache;
}

/** A small LRU of filtered and ordered row sets. */
export class QueryCache {
  private readonly entries = new Map<string, readonly object[]>();
  constructor(private readonly capacity = 8) {}
  get<T extends object>(key: string, build: () => readonly T[]): readonly T[] {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as readonly T[];
    }
    const value = build();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}

/** Where Graph's own nextLinks point; the client moves them onto its endpoint. */
const GRAPH_ROOT = 'https://graph.microsoft.com';

/**
 * The request URL with `$skiptoken` replaced; other parameters keep their original encoding. Like
 * Graph's, the link is absolute on graph.microsoft.com from the version segment on: it never depends
 * on the Host header (a proxy that rewrites Host would otherwise send the client elsewhere) or on
 * where the mock is mounted.
 */
function nextLinkFor(requestUrl: string, token: string): string {
  const hashless = requestUrl.split('#')[0]!;
  const q = hashless.indexOf('?');
  const path = new URL(q < 0 ? hashless : hashless.slice(0, q)).pathname;
  const version = path.search(/\/(v1\.0|beta)(\/|$)/i);
  const base = `${GRAPH_ROOT}${version < 0 ? path : path.slice(version)}`;
  return `${base}?${withSkipToken(q < 0 ? '' : hashless.slice(q + 1), token)}`;
}

export function serveCollection<T extends object>(route: CollectionRoute<T>, req: CollectionRequest): Record<string, unknown> {
  const { queries } = route;
  const options = readQueryOptions(req.url, queries.options, queries.maxTop);
  // Compile before touching the cache, so a bad query is a 400 even when a good one is cached.
  const filter = options.filter !== undefined ? compileFilter<T>(options.filter, route.schema, queries.filter) : undefined;
  const order = options.orderby !== undefined ? parseOrderBy(options.orderby, route.schema, queries.orderby) : undefined;
  const select = options.select !== undefined ? parseSelect(options.select, route.schema) : undefined;
  const signature = `${route.name}\u0000${options.filter ?? ''}\u0000${options.orderby ?? ''}`;
  const rows = req.cache.get(signature, () => {
    const all = route.rows();
    const kept = filter ? all.filter(filter) : all;
    return order ? sortRows(kept, order) : kept;
  });

  let page: readonly T[] = rows;
  let nextLink: string | undefined;
  if (route.paging) {
    const offset = options.skiptoken !== undefined ? decodeSkipToken(options.skiptoken, signature) : 0;
    const size = Math.min(options.top ?? route.paging.defaultTop, req.pageSize ?? Infinity);
    page = rows.slice(offset, offset + size);
    if (offset + size < rows.length) nextLink = nextLinkFor(req.url.href, encodeSkipToken(offset + size, signature));
  }
  const present = route.present;
  let value: object[] = present ? page.map((row) => present(row)) : [...page];
  if (select) value = value.map((row) => project(row, select));
  return {
    ...(route.context ? { '@odata.context': route.context } : {}),
    ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
    value,
  };
}
