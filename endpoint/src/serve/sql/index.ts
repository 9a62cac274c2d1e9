/** The endpoint's query back end: the mock's `$filter` / `$orderby` compiled to SQL, keyset page tokens. */
export { compileSqlFilter } from './filter.js';
export { compileSqlOrder, type SqlOrder } from './order.js';
export { decodePageToken, encodePageToken } from './page-token.js';
export type { SqlMapping } from './mapping.js';
