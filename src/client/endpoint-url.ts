/**
 * URL building for a configurable Graph root. Paths are joined to the endpoint; absolute links are
 * used as given, except Graph's own hosts when the endpoint is something else (see rebase below).
 */

/** Microsoft Graph roots, public and national clouds. */
const GRAPH_HOSTS = new Set(['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn']);
const ABSOLUTE = /^https?:\/\//i;

export function normalizeEndpoint(endpoint: string): string {
  return endpoint.trim().replace(/\/+$/, '');
}

function graphHostOf(url: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && GRAPH_HOSTS.has(hostname.toLowerCase()) ? hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** True when the endpoint is Graph itself (no path prefix), so Graph's links are followed directly. */
function isGraphRoot(endpoint: string): boolean {
  return graphHostOf(endpoint) !== undefined && /^https:\/\/[^/]+$/i.test(endpoint);
}

/**
 * `endpoint` (already normalized) + `path`. A leading slash on `path` is treated as relative to the
 * endpoint, so nothing ever gets a double slash.
 *
 * Rebase: Graph writes `@odata.nextLink` as an absolute `https://graph.microsoft.com/...` URL. When
 * the endpoint is a same-origin proxy (`/graph`) or a mock, the browser cannot follow that link (no
 * token for Graph, CORS, or simply the wrong server), so the link's path and query are moved onto the
 * endpoint unchanged. The query (with its skiptoken) is never parsed or rebuilt.
 */
export function resolveUrl(endpoint: string, path: string): string {
  if (ABSOLUTE.test(path)) {
    if (isGraphRoot(endpoint) || graphHostOf(path) === undefined) return path;
    return `${endpoint}/${path.replace(/^https:\/\/[^/]+\/*/i, '')}`;
  }
  return `${endpoint}/${path.replace(/^\/+/, '')}`;
}

/** Makes a page-relative URL absolute against the document, leaving the rest of the text untouched. */
export function absoluteUrl(url: string, base: string | undefined = globalThis.location?.href): string {
  if (ABSOLUTE.test(url) || !base) return url;
  if (url.startsWith('/') && !url.startsWith('//')) return new URL(base).origin + url;
  return new URL(url, base).href;
}

/**
 * One spelling per endpoint (`/graph`, `/graph/`, `https://Host/graph` are one), so every element on
 * it shares one client, cache and request budget.
 */
export function endpointKey(endpoint: string): string {
  const normalized = normalizeEndpoint(endpoint);
  try {
    return normalizeEndpoint(new URL(normalized, globalThis.location?.href).href);
  } catch {
    return absoluteUrl(normalized);
  }
}

/** The absolute `url` with its path's dot segments resolved; the query is left exactly as written. */
export function resolveDotSegments(url: string): string {
  const at = url.search(/[?#]/);
  const head = at < 0 ? url : url.slice(0, at);
  try {
    const parsed = new URL(head);
    return parsed.origin + parsed.pathname + (at < 0 ? '' : url.slice(at));
  } catch {
    return url;
  }
}

/**
 * True when the absolute `url` is on the endpoint's origin and below its path once dot segments are
 * resolved (`..` and its percent-encoded spellings, as the browser will resolve them when it fetches).
 * An encoded slash or backslash in the path is refused too: a proxy that decodes it could climb out.
 */
export function staysUnder(endpoint: string, url: string): boolean {
  let base: URL;
  let target: URL;
  try {
    base = new URL(absoluteUrl(endpoint));
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.origin !== base.origin || /%(2f|5c)/i.test(target.pathname)) return false;
  const root = `${base.pathname.replace(/\/+$/, '')}/`;
  return target.pathname.startsWith(root);
}

/** `https://host:port` of an absolute URL ('' for anything unparsable, which then matches nothing). */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
