/**
 * Every answer the app sends: JSON with Graph's content type, and errors in Graph's shape (so the
 * elements show their usual messages) — Graph's own errors, refusals of sign-in, the rate limit, an
 * unreachable database (503 with Retry-After) and anything unexpected (500, logged, details kept back).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, JSON_CONTENT_TYPE } from '../../../src/mock/handler/responses.js';
import { ENDPOINT_REASON, ENDPOINT_REQUIRED } from '../../../src/client/errors.js';
import { MockHttpError } from '../../../src/mock/http-error.js';
import { ViewerAuthError } from './auth/viewer.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { serializeBody } from './raw-rows.js';
import { throttledWarning } from './throttled-warning.js';

const warnDatabaseUnavailable = throttledWarning();

/** Seconds a client should wait when the database does not answer. */
export const DATABASE_RETRY_AFTER = 5;

export const clientRequestId = (request: FastifyRequest): string => {
  const given = request.headers['client-request-id'];
  return (typeof given === 'string' && given.trim()) || request.id;
};

export function sendJson(reply: FastifyReply, status: number, body: object, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(status).headers({ 'content-type': JSON_CONTENT_TYPE, 'cache-control': 'no-store', ...headers }).send(serializeBody(body));
}

/** The rate limit's refusal (thrown by @fastify/rate-limit's errorResponseBuilder). */
export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests from this viewer. Try again in ${retryAfterSeconds} s.`);
  }
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const ctx = { requestId: request.id, clientRequestId: clientRequestId(request), includeUnknownEnums: false };
  if (error instanceof MockHttpError) {
    return sendJson(reply, error.status, errorBody(error.code, error.message, ctx, error.innerError), error.headers);
  }
  if (error instanceof ViewerAuthError) {
    // the request's own log line says it was refused; why is for debugging (a flood of bad tokens stays one line each)
    request.log.debug({ status: error.status, reason: error.reason ?? error.message }, 'viewer refused');
    const marks: Record<string, string> = error.status === 403 ? { [ENDPOINT_REASON]: 'appRoleRequired', [ENDPOINT_REQUIRED]: error.required ?? '' } : {};
    return sendJson(reply, error.status, errorBody(error.code, error.message, ctx, marks), error.challenge ? { 'www-authenticate': error.challenge } : {});
  }
  if (error instanceof RateLimitedError) {
    const body = errorBody('TooManyRequests', error.message, ctx, { [ENDPOINT_REASON]: 'viewerRateLimit' });
    return sendJson(reply, 429, body, { 'retry-after': String(error.retryAfterSeconds) });
  }
  if (isDatabaseUnavailable(error)) {
    warnDatabaseUnavailable((heldBack) => request.log.warn({ err: error, heldBack }, 'database unavailable'));
    const body = errorBody('serviceNotAvailable', 'The report store is not reachable right now. Try again shortly.', ctx);
    return sendJson(reply, 503, body, { 'retry-after': String(DATABASE_RETRY_AFTER) });
  }
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own refusals (a malformed URL, a body too large): the client's fault, said plainly
    return sendJson(reply, status, errorBody('BadRequest', (error as Error).message, ctx));
  }
  request.log.error({ err: error }, 'request failed');
  return sendJson(reply, 500, errorBody('generalException', 'The endpoint could not answer this request.', ctx));
}
