/**
 * Signs viewers in with Entra ID access tokens (`Authorization: Bearer …`): checks the signature
 * against the tenant's published keys, the issuer, tenant, audience and lifetime, then the app role
 * (or group) this endpoint asks for.
 */
import { createRemoteJWKSet, customFetch, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthConfig } from '../../config.js';
import { ViewerAuthError, type Viewer, type ViewerAuthenticator, type ViewerRequest } from './viewer.js';

export type EntraAuthConfig = Extract<AuthConfig, { mode: 'entra' }>;

export interface BearerVerifierOptions {
  fetch?: typeof fetch;
  /**
   * Seconds of clock skew allowed on `exp` and `nbf`. Default 300: the five minutes
   * Microsoft.IdentityModel (what Entra-protected Microsoft APIs validate with) allows, so a token
   * Graph accepts is not refused here because this host's clock is a little off.
   */
  clockToleranceSeconds?: number;
}

interface OpenIdMetadata {
  issuer: string;
  jwks_uri: string;
}

const METADATA_TIMEOUT_MS = 10_000;
/** An unknown `kid` (a rotated key) refetches the key set at most this often… */
const JWKS_COOLDOWN_MS = 30_000;
/** …and known keys are refreshed daily; Entra announces new keys well ahead of signing with them. */
const JWKS_MAX_AGE_MS = 24 * 60 * 60 * 1000;

const EMPTY = 'Access token is empty.';
const INVALID = 'Access token validation failure.';
/** Graph's own wording for an expired or not-yet-valid token: says what to do (get a new token) and nothing more. */
const LIFETIME = 'Access token has expired or is not yet valid.';

/** The key set could not be fetched: the sign-in service's fault (or the network's), not the token's. */
class KeySetUnavailable extends Error {
  override name = 'KeySetUnavailable';
}

export function createBearerVerifier(config: EntraAuthConfig, options: BearerVerifierOptions = {}): ViewerAuthenticator {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const tolerance = options.clockToleranceSeconds ?? 300;
  const tenant = config.tenantId.toLowerCase();
  const tenantBase = `${config.authority.replace(/\/+$/, '')}/${encodeURIComponent(tenant)}`;
  const metadataUrl = `${tenantBase}/v2.0/.well-known/openid-configuration`;
  const realm = `Bearer realm="sspr-insights", authorization_uri="${tenantBase}/oauth2/v2.0/authorize"`;
  // RFC 6750 §3.1: no error code when the request carried no token at all.
  const missing = () => new ViewerAuthError(401, 'InvalidAuthenticationToken', EMPTY, realm);
  const invalid = (message: string, reason: string) => new ViewerAuthError(401, 'InvalidAuthenticationToken', message, `${realm}, error="invalid_token"`, reason);

  let setup: Promise<{ issuers: string[]; keys: JWTVerifyGetKey }> | undefined;
  // Once per process, on first use; a failure is not kept, so the next request tries again.
  const ready = () => {
    if (!setup) {
      const attempt = (async () => {
        const metadata = await fetchMetadata(fetchImpl, metadataUrl);
        const remote = createRemoteJWKSet(new URL(metadata.jwks_uri), {
          cooldownDuration: JWKS_COOLDOWN_MS,
          cacheMaxAge: JWKS_MAX_AGE_MS,
          ...(options.fetch ? { [customFetch]: options.fetch } : {}),
        });
        const keys: JWTVerifyGetKey = async (header, token) => {
          try {
            return await remote(header, token);
          } catch (error) {
            if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
            throw new KeySetUnavailable(`Could not fetch the sign-in service's signing keys from ${metadata.jwks_uri}: ${describe(error)}`, { cause: error });
          }
        };
        // v2 tokens carry the metadata's issuer; v1 tokens (an app registration left at accessTokenAcceptedVersion 1) the STS one.
        const issuers = [metadata.issuer.replace('{tenantid}', tenant), `https://sts.windows.net/${tenant}/`];
        return { issuers, keys };
      })();
      setup = attempt;
      attempt.catch(() => {
        if (setup === attempt) setup = undefined;
      });
    }
    return setup;
  };

  return {
    mode: 'entra',
    async authenticate(request: ViewerRequest): Promise<Viewer> {
      const token = bearerToken(request.headers.authorization);
      if (token === undefined) throw missing();
      const { issuers, keys } = await ready();

      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: ['RS256'],
          issuer: issuers,
          audience: config.audiences,
          clockTolerance: tolerance,
          requiredClaims: ['exp', 'tid'],
        }));
      } catch (error) {
        if (error instanceof KeySetUnavailable) throw new Error(error.message, { cause: error.cause });
        const lifetime = error instanceof errors.JWTExpired || (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf');
        throw invalid(lifetime ? LIFETIME : INVALID, describe(error));
      }
      if (typeof payload.tid !== 'string' || payload.tid.toLowerCase() !== tenant) {
        throw invalid(INVALID, `token of tenant ${String(payload.tid)}, not ${tenant}`);
      }
      // a person's access token to this API carries the scopes it was issued for; an ID token (same
      // issuer, keys and audience when the audience is the client id) and an app-only token do not
      if (typeof payload.scp !== 'string' || !payload.scp.trim()) {
        throw invalid(INVALID, 'not a delegated access token: no scp claim (an ID token or an app-only token)');
      }

      const viewer: Viewer = {
        id: stringClaim(payload.oid) ?? stringClaim(payload.sub) ?? '',
        name: stringClaim(payload.preferred_username) ?? stringClaim(payload.upn) ?? stringClaim(payload.name),
        roles: stringsClaim(payload.roles),
        groups: stringsClaim(payload.groups),
        via: 'entra',
      };
      if (!viewer.id) throw invalid(INVALID, 'token has neither oid nor sub');
      const group = config.requiredGroup?.toLowerCase();
      if (viewer.roles.includes(config.requiredRole) || (group && viewer.groups.some((g) => g.toLowerCase() === group))) return viewer;
      throw denied(config, viewer, payload);
    },
  };
}

/** The token of `Authorization: Bearer <token>`; undefined when absent, empty or another scheme. */
function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? (header.length === 1 ? header[0] : undefined) : header;
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(value ?? '');
  return match?.[1];
}

function denied(config: EntraAuthConfig, viewer: Viewer, payload: JWTPayload): ViewerAuthError {
  const needs = config.requiredGroup
    ? `the app role '${config.requiredRole}' or membership of the group '${config.requiredGroup}'`
    : `the app role '${config.requiredRole}'`;
  // With too many groups Entra leaves `groups` out of the token (the "overage" claim instead): only the role works then.
  const overage = typeof payload._claim_names === 'object' && payload._claim_names !== null && 'groups' in payload._claim_names;
  return new ViewerAuthError(
    403,
    'Authorization_RequestDenied',
    `Your account has no access to this reporting endpoint: it needs ${needs}. Ask an administrator to assign it to you in Entra ID (Enterprise applications).`,
    undefined,
    `viewer ${viewer.id} has roles [${viewer.roles.join(', ')}]${config.requiredGroup ? `, ${viewer.groups.length} groups${overage ? ' (group overage: groups not in the token)' : ''}` : ''}`,
    config.requiredRole,
  );
}

async function fetchMetadata(fetchImpl: typeof fetch, url: string): Promise<OpenIdMetadata> {
  const fail = (why: string, cause?: unknown) => new Error(`Could not read the sign-in service's OpenID metadata at ${url}: ${why}`, { cause });
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(METADATA_TIMEOUT_MS) });
  } catch (error) {
    throw fail(describe(error), error);
  }
  if (response.status !== 200) throw fail(`HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw fail('the answer is not JSON', error);
  }
  const { issuer, jwks_uri } = (body ?? {}) as Partial<OpenIdMetadata>;
  if (typeof issuer !== 'string' || !issuer || typeof jwks_uri !== 'string' || !URL.canParse(jwks_uri)) throw fail('no issuer or jwks_uri');
  // the keys must come from the sign-in service itself, never from wherever the metadata points
  if (new URL(jwks_uri).origin !== new URL(url).origin) throw fail(`the key set ${jwks_uri} is not on the sign-in service's own origin`);
  return { issuer, jwks_uri };
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function stringsClaim(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function describe(error: unknown): string {
  if (error instanceof errors.JOSEError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
  return String(error);
}
