/**
 * Fault injection: which requests fail (a per-handler counter over the requests whose route matches;
 * for 'expired-token', over the requests that carry a `$skiptoken`) and what the failure looks like
 * (Graph's status, error code and headers for each kind).
 */
import { MockHttpError } from '../http-error.js';

export const FAULT_KINDS = ['429', '500', '503', '504', 'hang', 'malformed', '401', '403', '403-license', 'expired-token'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultPlan {
  kind: FaultKind;
  /** How many matching requests get the fault (default: all). */
  times?: number;
  /** Let this many matching requests succeed first (default 0). */
  after?: number;
  /** Only requests whose route path (from `v1.0/` or `beta/` on) contains this text. */
  route?: string;
  /** Retry-After for 429/503 (default '1'): seconds, or `date+N` for an HTTP-date N seconds from now. */
  retryAfter?: string;
}

/** Returns a function that, per request, says whether this one gets the fault (and counts it). */
export function createFaultGate(plan: FaultPlan | undefined): (routePath: string) => boolean {
  let matched = 0;
  return (routePath) => {
    if (!plan) return false;
    if (plan.route && !routePath.toLowerCase().includes(plan.route.toLowerCase())) return false;
    matched++;
    const after = plan.after ?? 0;
    return matched > after && (plan.times === undefined || matched <= after + plan.times);
  };
}

/** `date+N` → an HTTP-date N seconds from now; anything else is sent verbatim. */
export function retryAfterValue(spec: string | undefined, now = Date.now()): string {
  const m = /^date\+(\d+(?:\.\d+)?)$/i.exec(spec ?? '');
  if (m) return new Date(now + Number(m[1]) * 1000).toUTCString();
  return spec ?? '1';
}

/** The error a status-code fault answers with ('hang' and 'malformed' are handled by the handler). */
export function faultError(plan: FaultPlan): MockHttpError {
  const retry = { 'retry-after': retryAfterValue(plan.retryAfter) };
  switch (plan.kind) {
    case '429':
      // Graph's throttling body puts code/message/status inside innerError too (graph-examples/error-429-throttled.json).
      return new MockHttpError(429, 'TooManyRequests', 'Please retry again later.', retry, {
        code: '429',
        message: 'Please retry after',
        status: '429',
      });
    case '503':
      return new MockHttpError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Please retry later.', retry);
    case '500':
      return new MockHttpError(500, 'generalException', 'General exception while processing.');
    case '504':
      return new MockHttpError(504, 'GatewayTimeout', 'The gateway did not receive a response from the service in time.');
    case '401':
      return new MockHttpError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.', {
        'www-authenticate': 'Bearer realm="", error="invalid_token"',
      });
    case '403':
      return new MockHttpError(403, 'Authentication_RequestFromUnsupportedUserRole', 'User is not in the allowed roles');
    case '403-license':
      return new MockHttpError(
        403,
        'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
        "Neither tenant is B2C or tenant doesn't have premium license",
      );
    case 'expired-token':
      // A $skiptoken that outlived its server-side state during long paging (graph-contract, known failure modes).
      return new MockHttpError(400, 'BadRequest', 'Token not found (DirectoryPageTokenNotFoundException).');
    default:
      return new MockHttpError(500, 'generalException', `Fault '${plan.kind}' has no error response.`);
  }
}
