import { withSkipToken } from '../../../src/mock/handler/skiptoken.js';

/**
 * The `@odata.nextLink` of a page: the request's own URL (path and every parameter, in their original
 * encoding) with `$skiptoken` replaced — absolute, on the endpoint's public address when one is
 * configured (behind a proxy that rewrites Host), else on the address the request came to.
 */
export function nextLinkFor(requestUrl: URL, token: string, publicUrl?: string): string {
  const base = publicUrl ? `${publicUrl.replace(/\/+$/, '')}${publicPath(requestUrl.pathname, publicUrl)}` : `${requestUrl.origin}${requestUrl.pathname}`;
  return `${base}?${withSkipToken(requestUrl.search.slice(1), token)}`;
}

/** The request path below a public URL that has a path of its own: the route part from the version segment on. */
function publicPath(pathname: string, publicUrl: string): string {
  const own = new URL(publicUrl).pathname.replace(/\/+$/, '');
  if (!own) return pathname;
  const version = pathname.search(/\/(v1\.0|beta)(\/|$)/i);
  return version < 0 ? pathname : pathname.slice(version);
}
