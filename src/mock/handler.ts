/**
 * `createMockHandler(options)`: a pure `(Request) => Promise<Response>` that answers the Graph routes
 * of ROUTES from a synthetic tenant, wherever it is mounted (`…/graph/v1.0/…`, `…/mock/<scenario>/beta/…`):
 * the path is routed from its first `/v1.0/` or `/beta/` segment on. Adds latency and faults on request.
 */
import { MockHttpError } from './http-error.js';
import { createTenant, resolveTenantOptions, type Tenant, type TenantOptions } from './tenant.js';
import { delay, throwIfAborted, waitForAbort } from './handler/abort.js';
import { QueryCache } from './handler/collection.js';
import { createFaultGate, faultError, type FaultPlan } from './handler/faults.js';
import { errorResponse, requestContext, textResponse, type RequestContext } from './handler/responses.js';
import { serveRoute } from './handler/routes.js';

export type { FaultKind, FaultPlan } from './handler/faults.js';

export interface MockHandlerOptions {
  /** The tenant to serve; else one is built (on the first request) from `tenantOptions`. */
  tenant?: Tenant;
  tenantOptions?: TenantOptions;
  /** Delay before every answer, in ms (aborted with the request). */
  latencyMs?: number;
  /** Upper bound on page sizes (smaller than `$top` and the route default to exercise paging). */
  pageSize?: number;
  /** Failures to inject; counters are per handler. */
  faults?: FaultPlan;
}

export type MockHandler = (request: Request) => Promise<Response>;

/** `GET <mount>/$mock/requests`: when each request reached this handler (not itself a Graph route). */
export const REQUEST_LOG_PATH = '/$mock/requests';
const REQUEST_LOG_LIMIT = 1000;

/** One request as the handler saw it arrive. */
export interface ArrivalRecord {
  /** Epoch ms, on the server's clock. */
  at: number;
  path: string;
}

/**
 * The path from the version segment on (`v1.0/reports/…`), decoded, without a trailing slash; undefined
 * when there is none. The segment is found in the raw path, so an encoded `/` in a scenario cannot fake one.
 */
export function routePathOf(pathname: string): string | undefined {
  const at = pathname.search(/\/(v1\.0|beta)(\/|$)/i);
  if (at < 0) return undefined;
  try {
    return decodeURIComponent(pathname.slice(at + 1)).replace(/\/+$/, '');
  } catch {
    throw new MockHttpError(400, 'BadRequest', 'The request path is not valid percent-encoding.');
  }
}

/** Keeps the first half of a JSON text: a 200 whose body does not parse (the 'malformed' fault). */
function truncate(text: string): string {
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}

export function createMockHandler(options: MockHandlerOptions = {}): MockHandler {
  const tenantOptions = options.tenant ? undefined : resolveTenantOptions(options.tenantOptions);
  let tenant = options.tenant;
  const gate = createFaultGate(options.faults);
  const cache = new QueryCache();
  const arrivals: ArrivalRecord[] = [];

  async function answer(request: Request, ctx: RequestContext): Promise<Response> {
    if (request.method !== 'GET') {
      throw new MockHttpError(405, 'MethodNotAllowed', `The HTTP method '${request.method}' is not allowed; the reports are read-only.`, { allow: 'GET' });
    }
    const url = new URL(request.url);
    const routePath = routePathOf(url.pathname);
    if (routePath === undefined) {
      throw new MockHttpError(404, 'ResourceNotFound', `No Graph version segment (/v1.0/ or /beta/) in '${url.pathname}'.`);
    }
    let malformed = false;
    // An expired page token can only be a request that carries one.
    const faultApplies = options.faults?.kind !== 'expired-token' || /[?&]\$skiptoken=/i.test(url.search);
    if (options.faults && faultApplies && gate(routePath)) {
      const { kind } = options.faults;
      if (kind === 'hang') await waitForAbort(request.signal);
      else if (kind === 'malformed') malformed = true;
      else throw faultError(options.faults);
    }
    tenant ??= createTenant(tenantOptions);
    const body = serveRoute({ tenant, url, routePath, ctx, pageSize: options.pageSize, cache });
    const text = JSON.stringify(body);
    return textResponse(malformed ? truncate(text) : text, ctx);
  }

  return async (request) => {
    const ctx = requestContext(request);
    const { pathname } = new URL(request.url);
    if (pathname.endsWith(REQUEST_LOG_PATH)) return textResponse(JSON.stringify({ requests: arrivals }), ctx);
    arrivals.push({ at: Date.now(), path: pathname });
    if (arrivals.length > REQUEST_LOG_LIMIT) arrivals.shift();
    throwIfAborted(request.signal);
    if (options.latencyMs && options.latencyMs > 0) await delay(options.latencyMs, request.signal);
    try {
      return await answer(request, ctx);
    } catch (error) {
      if (error instanceof MockHttpError) return errorResponse(error, ctx);
      if (request.signal.aborted) throw error;
      const message = error instanceof Error ? error.message : String(error);
      return errorResponse(new MockHttpError(500, 'generalException', `Mock handler failure: ${message}`), ctx);
    }
  };
}
