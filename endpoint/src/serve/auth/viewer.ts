/**
 * Who is asking: the signed-in viewer a request was let in for, and the one interface every way of
 * signing viewers in (Entra ID bearer tokens, a trusted reverse proxy, loopback without sign-in) meets.
 */
export interface Viewer {
  /** Stable id: the token's `oid` (or `sub`), the proxy's user header, or the client address without sign-in. */
  id: string;
  /** For logs and metrics only: a display name or UPN when known. */
  name?: string;
  roles: string[];
  groups: string[];
  via: 'entra' | 'proxy' | 'none';
}

/** What an authenticator needs of a request (so it can be tested without an HTTP server). */
export interface ViewerRequest {
  headers: Record<string, string | string[] | undefined>;
  /** The TCP peer's address (never a forwarded one). */
  remoteAddress: string;
}

export interface ViewerAuthenticator {
  readonly mode: Viewer['via'];
  /** The viewer, or throws ViewerAuthError (401 or 403). */
  authenticate(request: ViewerRequest): Promise<Viewer>;
}

/**
 * A refusal, Graph-shaped when sent: 401 (no or bad credentials, with a `WWW-Authenticate` challenge)
 * or 403 (signed in, but without the role or group this endpoint asks for).
 */
export class ViewerAuthError extends Error {
  override name = 'ViewerAuthError';
  constructor(
    readonly status: 401 | 403,
    /** Graph's codes: InvalidAuthenticationToken (401), Authorization_RequestDenied (403). */
    readonly code: string,
    message: string,
    /** The `WWW-Authenticate` header of a 401. */
    readonly challenge?: string,
    /** Why, for the log only (never sent: it may help an attacker tune a forgery). */
    readonly reason?: string,
    /** A 403's missing role (or "role or group"): the elements name it in their message. */
    readonly required?: string,
  ) {
    super(message);
  }
}
