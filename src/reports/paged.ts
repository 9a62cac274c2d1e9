import type { PagingOptions, ReportClient } from '../client/index.js';
import { ReportError } from '../client/errors.js';
import type { RowPage } from './types.js';
import { and, queryString, type QueryOptions } from './odata.js';
import { isExpiredPageToken, refusedPart, type OptionalPart } from './query-fallback.js';

export type { OptionalPart } from './query-fallback.js';

export interface PagedReportOptions extends PagingOptions, QueryOptions {
  /** Resume from this nextLink (from the last page that arrived) instead of starting over. */
  from?: string;
  /**
   * Parts Graph's reference does not document but that work in the wild (`$top`, a filter on
   * `isAdmin`): sent until Graph refuses one with a 400, then dropped — for this client, from then on.
   * The caller filters the rows in memory anyway; `RowPage.dropped` says what was not sent.
   */
  optional?: readonly OptionalPart[];
  /**
   * With `from`: the rows an earlier walk of this query already gave (its pages), so that a restart
   * after an expired page token leaves them out too.
   */
  earlier?: readonly (readonly unknown[])[];
}

/** Restarts after an expired page token before giving up. */
const MAX_RESTARTS = 3;

/** Parts refused per client and route: asking again would cost a request and get the same 400. */
const refused = new WeakMap<ReportClient, Set<string>>();

function refusedBy(client: ReportClient): Set<string> {
  let set = refused.get(client);
  if (!set) refused.set(client, (set = new Set()));
  return set;
}

/**
 * Streams a paged Graph collection as domain rows, page by page, so a caller can show the first rows at
 * once and keep what it has if a later page fails (resuming with `from: lastPage.nextLink`).
 *
 * Two of Graph's failures are handled here, since only this layer knows the query: a 400 to an optional
 * part retries the first page without it; an expired `$skiptoken` during long paging (400
 * DirectoryPageTokenNotFoundException) reads again from the first page and skips the rows already given.
 */
export async function* pageRows<Raw, Row>(
  client: ReportClient,
  route: string,
  parse: (raw: Raw, index: number) => Row,
  options: PagedReportOptions,
): AsyncGenerator<RowPage<Row>> {
  const { from, filter, orderBy, top, select, optional = [], earlier = [], ...paging } = options;
  const gone = refusedBy(client);
  const dropped = (): string[] => optional.filter((p) => gone.has(`${route} ${p.name}`)).map((p) => p.name);
  // the optional parts the first request of this walk carries (another walk on the same client may
  // have learned since that Graph refuses one: a 400 to them is checked against what was sent)
  let sent: OptionalPart[] = [];
  const firstUrl = (): string => {
    const off = new Set(dropped());
    sent = optional.filter((p) => !off.has(p.name));
    const extra = sent.filter((p) => p.filter).map((p) => p.filter!);
    return `${route}${queryString({ filter: and(filter, ...extra), orderBy, top: off.has('$top') ? undefined : top, select })}`;
  };

  const given: (readonly unknown[])[] = [...earlier]; // every row given for this query (references: the caller holds them anyway)
  let loaded = 0;
  let index = 0;
  let restarts = 0;
  let skipped = 0;
  let skip: Map<string, number> | undefined; // after a restart: rows already given, by content
  let url = from ?? firstUrl();
  for (;;) {
    let parsedInPass = 0; // a restarted pass parses with the first pass's indices, so fallback ids match
    try {
      for await (const page of client.pages<Raw>(url, paging)) {
        let rows = page.value.map((raw, i) => parse(raw, (skip ? parsedInPass : loaded) + i));
        parsedInPass += rows.length;
        if (skip?.size) {
          const before = rows.length;
          rows = rows.filter((row) => !takeOne(skip!, JSON.stringify(row)));
          skipped += before - rows.length;
        }
        loaded += rows.length;
        given.push(rows);
        yield { rows, index: index++, loaded, nextLink: page.nextLink, dropped: dropped(), restarts, skipped };
      }
      return;
    } catch (error) {
      if (!(error instanceof ReportError) || error.kind !== 'bad-request') throw error;
      // A refused optional part can only be the first request of a fresh walk.
      const part = index === 0 && from === undefined ? refusedPart(error, sent) : undefined;
      if (part) {
        gone.add(`${route} ${part.name}`);
        url = firstUrl();
        continue;
      }
      if (isExpiredPageToken(error) && given.length > 0 && restarts < MAX_RESTARTS) {
        restarts++;
        skip = new Map();
        for (const rows of given) for (const row of rows) addOne(skip, JSON.stringify(row));
        url = firstUrl();
        continue;
      }
      throw error;
    }
  }
}

function addOne(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** True (and one fewer left) when `key` was already given. */
function takeOne(counts: Map<string, number>, key: string): boolean {
  const n = counts.get(key);
  if (!n) return false;
  if (n === 1) counts.delete(key);
  else counts.set(key, n - 1);
  return true;
}
