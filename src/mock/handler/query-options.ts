/**
 * Reads the OData system query options (`$filter`, `$orderby`, `$top`, `$skiptoken`, `$select`) a route
 * accepts. Any other `$` option is a 400, as are repeats and a `$top` outside 1..max. Names are
 * matched case-insensitively; parameters without `$` are ignored (cache busters and the like).
 */
import type { QueryOptionName } from '../../graph/documented-queries.js';
import { ODataQueryError } from '../http-error.js';

export type { QueryOptionName };

export interface QueryOptions {
  filter?: string;
  orderby?: string;
  top?: number;
  skiptoken?: string;
  select?: string;
}

/** OData's system query options: a route that does not document one answers that it is not supported. */
const ODATA_OPTIONS = new Set(['$filter', '$orderby', '$top', '$skiptoken', '$select', '$search', '$skip', '$count', '$expand', '$format', '$apply', '$compute', '$levels', '$index']);

export function readQueryOptions(url: URL, allowed: readonly QueryOptionName[], maxTop = 1000): QueryOptions {
  const seen = new Set<string>();
  const options: QueryOptions = {};
  for (const [rawKey, value] of url.searchParams) {
    const key = rawKey.trim().toLowerCase();
    if (!key.startsWith('$')) continue;
    if (!(allowed as readonly string[]).includes(key)) {
      const what = ODATA_OPTIONS.has(key) ? 'is not supported by this endpoint' : 'is not a query option this endpoint knows';
      throw new ODataQueryError(`Query option '${rawKey}' ${what}`);
    }
    if (seen.has(key)) throw new ODataQueryError(`Query option '${key}' was specified more than once`);
    seen.add(key);
    switch (key as QueryOptionName) {
      case '$filter': options.filter = value; break;
      case '$orderby': options.orderby = value; break;
      case '$select': options.select = value; break;
      case '$skiptoken': options.skiptoken = value; break;
      case '$top': {
        const top = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
        if (!Number.isSafeInteger(top) || top < 1) {
          throw new ODataQueryError(`Invalid value '${value}' for $top: expected an integer from 1 to ${maxTop}`);
        }
        if (top > maxTop) throw new ODataQueryError(`Invalid value '${value}' for $top: the maximum is ${maxTop}`);
        options.top = top;
        break;
      }
    }
  }
  return options;
}
