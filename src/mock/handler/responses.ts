/**
 * Response building: every answer carries Graph's headers (`request-id`, `client-request-id`, the
 * OData content type) and errors use Graph's body shape with the same request id inside.
 */
import type { GraphErrorBody } from '../../graph/types.js';
import { MockHttpError } from '../http-error.js';
import { randomRequestId } from '../random.js';

export const JSON_CONTENT_TYPE = 'application/json; odata.metadata=minimal';
export const PREFER_UNKNOWN_ENUMS = 'include-unknown-enum-members';

/** Per-request facts every response needs. */
export interface RequestContext {
  requestId: string;
  clientRequestId: string;
  /** The caller sent `Prefer: include-unknown-enum-members`. */
  includeUnknownEnums: boolean;
}

export function requestContext(request: Request): RequestContext {
  const requestId = randomRequestId();
  const prefer = (request.headers.get('prefer') ?? '').split(',').map((p) => p.trim().toLowerCase());
  return {
    requestId,
    clientRequestId: request.headers.get('client-request-id')?.trim() || requestId,
    includeUnknownEnums: prefer.includes(PREFER_UNKNOWN_ENUMS),
  };
}

function baseHeaders(ctx: RequestContext, extra: Record<string, string> = {}): Headers {
  const headers = new Headers({
    'content-type': JSON_CONTENT_TYPE,
    'cache-control': 'no-cache',
    'request-id': ctx.requestId,
    'client-request-id': ctx.clientRequestId,
    ...extra,
  });
  if (ctx.includeUnknownEnums) headers.set('preference-applied', PREFER_UNKNOWN_ENUMS);
  return headers;
}

/** A 200 (or given status) response with a JSON text body. */
export function textResponse(text: string, ctx: RequestContext, status = 200): Response {
  return new Response(text, { status, headers: baseHeaders(ctx) });
}

/** Graph's error body; `date` has no fractional seconds, like Graph's. */
export function errorBody(code: string, message: string, ctx: RequestContext, extra: Record<string, string> = {}): GraphErrorBody {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().slice(0, 19),
        'request-id': ctx.requestId,
        'client-request-id': ctx.clientRequestId,
        ...extra,
      },
    },
  };
}

export function errorResponse(error: MockHttpError, ctx: RequestContext): Response {
  const body = errorBody(error.code, error.message, ctx, error.innerError);
  const headers = baseHeaders(ctx, error.headers);
  headers.delete('preference-applied');
  return new Response(JSON.stringify(body), { status: error.status, headers });
}
