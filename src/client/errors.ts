import type { GraphErrorBody } from '../graph/types.js';
import { ROUTE_PERMISSIONS, routeOf } from '../graph/permissions.js';
import { ERROR_MESSAGES } from './error-messages.js';
import { absoluteUrl } from './endpoint-url.js';
import { parseRetryAfter } from './retry-after.js';
import { inEnglish } from '../i18n/scope.js';

/** What went wrong, coarse enough for an element to pick a state and a message. */
export type ReportErrorKind =
  | 'network'
  | 'timeout'
  | 'unauthenticated'
  | 'forbidden'
  | 'license'
  | 'throttled'
  | 'server'
  | 'malformed'
  | 'aborted'
  | 'bad-request'
  | 'not-found';

export interface ReportErrorDetails {
  status?: number;
  /** Graph's error code, e.g. `Authentication_RequestFromUnsupportedUserRole`. */
  code?: string;
  /** Graph's own (English, developer-facing) message. */
  graphMessage?: string;
  /** Graph's `request-id`, for support tickets. */
  requestId?: string;
  date?: string;
  url?: string;
  /** The server's last advertised Retry-After, in ms. */
  retryAfterMs?: number;
  /** When Graph accepts requests again (epoch ms), for a pause too long to wait out. */
  retryAt?: number;
  cause?: unknown;
}

/**
 * The one error type the client throws. `text` is a sentence an admin can act on, in the language of
 * the element showing it; `message` is the same sentence in English, for logs and developers.
 */
export class ReportError extends Error {
  override name = 'ReportError';
  readonly kind: ReportErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly graphMessage?: string;
  readonly requestId?: string;
  readonly date?: string;
  readonly url?: string;
  readonly retryAfterMs?: number;
  readonly retryAt?: number;

  readonly #describe?: () => string;

  /** `message` as text, or as a function that writes it in the language in effect when it is called. */
  constructor(kind: ReportErrorKind, message: string | (() => string), details: ReportErrorDetails = {}) {
    super(typeof message === 'string' ? message : inEnglish(message), details.cause === undefined ? undefined : { cause: details.cause });
    if (typeof message === 'function') this.#describe = message;
    this.kind = kind;
    this.status = details.status;
    this.code = details.code;
    this.graphMessage = details.graphMessage;
    this.requestId = details.requestId;
    this.date = details.date;
    this.url = details.url;
    this.retryAfterMs = details.retryAfterMs;
    this.retryAt = details.retryAt;
  }

  /** The sentence in the language in effect (an element's while it renders). */
  get text(): string {
    return this.#describe?.() ?? this.message;
  }
}

/** What to show a reader for any thrown value: a ReportError's sentence in their language, else the message. */
export function errorText(error: unknown): string {
  if (error instanceof ReportError) return error.text;
  return error instanceof Error ? error.message : String(error);
}

/** True for our aborted error and for the platform's AbortError (DOMException). */
export function isAbortError(e: unknown): boolean {
  if (e instanceof ReportError) return e.kind === 'aborted';
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

export function abortError(url?: string, cause?: unknown): ReportError {
  return new ReportError('aborted', () => ERROR_MESSAGES.aborted(), { url, cause });
}

export function timeoutError(timeoutMs: number, url?: string): ReportError {
  return new ReportError('timeout', () => ERROR_MESSAGES.timeout(timeoutMs), { url });
}

export function networkError(url: string, cause: unknown): ReportError {
  return new ReportError('network', () => ERROR_MESSAGES.network(), { url, cause });
}

export function malformedError(url: string, response?: Response, cause?: unknown): ReportError {
  return new ReportError('malformed', () => ERROR_MESSAGES.malformed(), {
    url,
    status: response?.status,
    requestId: response?.headers.get('request-id') ?? undefined,
    cause,
  });
}

/** A next-page link that leaves the endpoint's site: not followed, since the token would go with it. */
/** Graph asked for a pause longer than anyone should sit through: say until when, and let the user retry. */
export function holdTooLongError(until: number, cause?: ReportError): ReportError {
  return new ReportError('throttled', () => ERROR_MESSAGES.pausedUntil(until), {
    ...(cause ? { status: cause.status, code: cause.code, graphMessage: cause.graphMessage, requestId: cause.requestId, url: cause.url } : {}),
    retryAfterMs: Math.max(0, until - Date.now()),
    retryAt: until,
    cause,
  });
}

export function foreignLinkError(url: string, endpoint: string): ReportError {
  const target = new URL(url);
  const sameSite = target.origin === new URL(absoluteUrl(endpoint)).origin;
  const message = sameSite ? () => ERROR_MESSAGES.linkOutsideEndpoint(target.pathname) : () => ERROR_MESSAGES.foreignLink(target.host);
  return new ReportError('malformed', message, { url });
}

/** Graph's error envelope, or undefined when the body is not one (HTML from a proxy, empty, …). */
function parseGraphError(bodyText: string): GraphErrorBody['error'] | undefined {
  try {
    const body = JSON.parse(bodyText) as Partial<GraphErrorBody> | null;
    const error = body?.error;
    return error && typeof error === 'object' && typeof error.code === 'string' ? error : undefined;
  } catch {
    return undefined;
  }
}

const stringOrUndefined = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** Maps a non-2xx response (and its body, already read) to a typed error. */
export function errorFromResponse(response: Response, bodyText: string, url = response.url): ReportError {
  const graph = parseGraphError(bodyText);
  const inner = graph?.innerError;
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  const details: ReportErrorDetails = {
    status: response.status,
    code: graph?.code,
    graphMessage: stringOrUndefined(graph?.message) ?? stringOrUndefined(inner?.message),
    requestId: response.headers.get('request-id') ?? stringOrUndefined(inner?.['request-id']),
    date: stringOrUndefined(inner?.date) ?? response.headers.get('date') ?? undefined,
    url,
    retryAfterMs,
  };
  const [kind, message] = classify(response.status, details, inner as Record<string, unknown> | undefined);
  return new ReportError(kind, message, details);
}

/**
 * A reporting endpoint marks its own refusals (not Graph's) in the error's innerError, so the message
 * names what the endpoint asks for rather than Graph's permissions.
 */
export const ENDPOINT_REASON = 'sspr-reason';
export const ENDPOINT_REQUIRED = 'sspr-required';

function classify(status: number, d: ReportErrorDetails, inner?: Record<string, unknown>): [ReportErrorKind, () => string] {
  const endpointReason = inner?.[ENDPOINT_REASON];
  if (status === 403 && endpointReason === 'appRoleRequired') {
    const required = stringOrUndefined(inner?.[ENDPOINT_REQUIRED]) ?? '';
    return ['forbidden', () => ERROR_MESSAGES.endpointRole(required)];
  }
  if (status === 429 && endpointReason === 'viewerRateLimit') return ['throttled', () => ERROR_MESSAGES.endpointThrottled(d.retryAfterMs)];
  if (status === 401) return ['unauthenticated', () => ERROR_MESSAGES.unauthenticated()];
  if (status === 403) {
    const route = routeOf(d.url);
    const needs = route ? ROUTE_PERMISSIONS[route] : undefined;
    if (d.code === 'Authentication_RequestFromUnsupportedUserRole') return ['forbidden', () => ERROR_MESSAGES.forbiddenRole(needs)];
    if (d.code === 'Authentication_RequestFromNonPremiumTenantOrB2CTenant') return ['license', () => ERROR_MESSAGES.license()];
    return ['forbidden', () => ERROR_MESSAGES.forbidden(d.code, needs)];
  }
  if (status === 404) return ['not-found', () => ERROR_MESSAGES.notFound()];
  if (status === 408) return ['timeout', () => ERROR_MESSAGES.serverTimeout()];
  if (status === 429) return ['throttled', () => ERROR_MESSAGES.throttled(d.retryAfterMs)];
  if (status >= 400 && status < 500) return ['bad-request', () => ERROR_MESSAGES.badRequest(d.graphMessage)];
  return ['server', () => ERROR_MESSAGES.server(status)];
}
