/**
 * A stand-in for the Entra ID tenant's sign-in service, on loopback: OpenID metadata and a key set
 * (JWKS) served the way login.microsoftonline.com serves them, and tokens signed with its key, v1 or
 * v2 format. The endpoint's `SSPR_AUTH_AUTHORITY` points at `authority`; every fetch is counted.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type KeyObject } from 'jose';

export const TEST_TENANT = '8f2b6c1e-4d3a-4b7e-9c55-0a1b2c3d4e5f';
export const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';
/** The endpoint's application (client) id and application ID URI, as registered. */
export const TEST_CLIENT_ID = 'c0ffee00-1234-4abc-8def-0123456789ab';
export const TEST_APP_ID_URI = 'api://sspr-insights';
export const READ_ROLE = 'SSPR.Insights.Read';

export interface TokenOptions {
  /** 'v2' (default): issuer …/{tenant}/v2.0, aud = client id; 'v1': issuer https://sts.windows.net/{tenant}/, aud = app ID URI. */
  version?: 'v1' | 'v2';
  tenant?: string;
  audience?: string;
  issuer?: string;
  roles?: string[];
  groups?: string[];
  /** Seconds from now (negative: in the past). Default: issued now, valid one hour. */
  expiresIn?: number;
  notBeforeIn?: number;
  kid?: string;
  /** The delegated scopes (default the endpoint's 'Reports.View'); null: none, as in an ID token. */
  scp?: string | null;
  oid?: string;
  name?: string;
  extra?: JWTPayload;
}

export interface TokenIssuer {
  /** e.g. http://127.0.0.1:40123 — stands for https://login.microsoftonline.com. */
  authority: string;
  kid: string;
  /** The tenant's v2 issuer as its metadata states it. */
  issuerV2(tenant?: string): string;
  issuerV1(tenant?: string): string;
  sign(options?: TokenOptions): Promise<string>;
  /** The public key as a JWK (for forging tokens in tests: HS256 with the public key, say). */
  publicJwk: JWK;
  privateKey: KeyObject;
  /** Fetches of the key set since start. */
  readonly jwksFetches: number;
  readonly metadataFetches: number;
  /** Adds a second signing key to the served set (key rotation), returning its kid. */
  rotate(): Promise<{ kid: string; sign(options?: TokenOptions): Promise<string> }>;
  close(): Promise<void>;
}

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: JWK;
}

async function newKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID().replace(/-/g, '').slice(0, 16);
  const publicJwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  return { kid, privateKey: privateKey as KeyObject, publicJwk };
}

export async function startTokenIssuer(): Promise<TokenIssuer> {
  const keys: SigningKey[] = [await newKey()];
  let jwksFetches = 0;
  let metadataFetches = 0;
  let authority = '';

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', authority);
    const metadata = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (metadata) {
      metadataFetches++;
      const tenant = decodeURIComponent(metadata[1]!);
      return send(200, {
        issuer: `${authority}/${tenant}/v2.0`,
        jwks_uri: `${authority}/${tenant}/discovery/v2.0/keys`,
        authorization_endpoint: `${authority}/${tenant}/oauth2/v2.0/authorize`,
        token_endpoint: `${authority}/${tenant}/oauth2/v2.0/token`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (/^\/[^/]+\/discovery\/v2\.0\/keys$/.test(url.pathname)) {
      jwksFetches++;
      return send(200, { keys: keys.map((k) => k.publicJwk) });
    }
    send(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const issuerV2 = (tenant = TEST_TENANT) => `${authority}/${tenant}/v2.0`;
  const issuerV1 = (tenant = TEST_TENANT) => `https://sts.windows.net/${tenant}/`;

  const signWith = (key: SigningKey) => async (options: TokenOptions = {}) => {
    const version = options.version ?? 'v2';
    const tenant = options.tenant ?? TEST_TENANT;
    const now = Math.floor(Date.now() / 1000);
    const payload: JWTPayload = {
      tid: tenant,
      oid: options.oid ?? '3f1c0a52-7c1e-4a8e-9f1d-2b3c4d5e6f70',
      name: options.name ?? 'Helpdesk Viewer',
      ver: version === 'v1' ? '1.0' : '2.0',
      ...(options.scp === null ? {} : { scp: options.scp ?? 'Reports.View' }),
      ...(version === 'v1' ? { upn: 'viewer@contoso.example' } : { preferred_username: 'viewer@contoso.example' }),
      ...(options.roles !== undefined ? { roles: options.roles } : { roles: [READ_ROLE] }),
      ...(options.groups ? { groups: options.groups } : {}),
      ...options.extra,
    };
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? key.kid })
      .setIssuer(options.issuer ?? (version === 'v1' ? issuerV1(tenant) : issuerV2(tenant)))
      .setAudience(options.audience ?? (version === 'v1' ? TEST_APP_ID_URI : TEST_CLIENT_ID))
      .setIssuedAt(now)
      .setNotBefore(now + (options.notBeforeIn ?? 0))
      .setExpirationTime(now + (options.expiresIn ?? 3600))
      .sign(key.privateKey);
  };

  return {
    authority,
    kid: keys[0]!.kid,
    issuerV2,
    issuerV1,
    sign: signWith(keys[0]!),
    publicJwk: keys[0]!.publicJwk,
    privateKey: keys[0]!.privateKey,
    get jwksFetches() {
      return jwksFetches;
    },
    get metadataFetches() {
      return metadataFetches;
    },
    async rotate() {
      const key = await newKey();
      keys.push(key);
      return { kid: key.kid, sign: signWith(key) };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
