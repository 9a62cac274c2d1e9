import type { PagingOptions, ReportClient } from '../client/index.js';
import type { RowPage } from './types.js';
import { queryString, type QueryOptions } from './odata.js';

export interface PagedReportOptions extends PagingOptions, QueryOptions {
  /** Resume from this nextLink (from the last page that arrived) instead of starting over. */
  from?: string;
}

/**
 * Streams a paged Graph collection as domain rows, page by page, so a caller can show the first rows at
 * once and keep what it has if a later page fails (resuming with `from: lastPage.nextLink`).
 */
export async function* pageRows<Raw, Row>(
  client: ReportClient,
  route: string,
  parse: (raw: Raw, index: number) => Row,
  options: PagedReportOptions,
): AsyncGenerator<RowPage<Row>> {
  const { from, filter, orderBy, top, select, ...paging } = options;
  const start = from ?? `${route}${queryString({ filter, orderBy, top, select })}`;
  let loaded = 0;
  for await (const page of client.pages<Raw>(start, paging)) {
    const rows = page.value.map((raw, i) => parse(raw, loaded + i));
    loaded += rows.length;
    yield { rows, index: page.index, loaded, nextLink: page.nextLink };
  }
}
