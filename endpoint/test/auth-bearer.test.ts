import assert from 'node:assert/strict';
import { createPublicKey, createSecretKey } from 'node:crypto';
import { mock, test, type TestContext } from 'node:test';
import { SignJWT, decodeJwt } from 'jose';
import type { AuthConfig } from '../src/config.js';
import { createBearerVerifier, type BearerVerifierOptions } from '../src/serve/auth/bearer-verifier.js';
import { ViewerAuthError, type ViewerRequest } from '../src/serve/auth/viewer.js';
import { OTHER_TENANT, READ_ROLE, TEST_APP_ID_URI, TEST_CLIENT_ID, TEST_TENANT, startTokenIssuer, type TokenIssuer } from './support/token-issuer.js';

type EntraConfig = Extract<AuthConfig, { mode: 'entra' }>;
const GROUP = '0d7c9a3e-5b1f-4c2d-8e6a-9f8b7c6d5e4f';

async function setup(t: TestContext, overrides: Partial<EntraConfig> = {}, options?: BearerVerifierOptions) {
  const issuer = await startTokenIssuer();
  t.after(() => issuer.close());
  const config: EntraConfig = { mode: 'entra', tenantId: TEST_TENANT, audiences: [TEST_APP_ID_URI, TEST_CLIENT_ID], authority: issuer.authority, requiredRole: READ_ROLE, ...overrides };
  return { issuer, verifier: createBearerVerifier(config, options) };
}

const bearer = (token: string): ViewerRequest => ({ headers: { authorization: `Bearer ${token}` }, remoteAddress: '127.0.0.1' });
const challengeOf = (issuer: TokenIssuer) => `Bearer realm="sspr-insights", authorization_uri="${issuer.authority}/${TEST_TENANT}/oauth2/v2.0/authorize"`;

/** Asserts a refusal: its status and code, and (when given) its message, challenge and log reason. */
async function refused(promise: Promise<unknown>, want: { status: 401 | 403; code: string; message?: RegExp; challenge?: string | null; reason?: RegExp }) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ViewerAuthError, `a ViewerAuthError, not ${String(error)}`);
    assert.equal(error.status, want.status);
    assert.equal(error.code, want.code);
    if (want.message) assert.match(error.message, want.message);
    if (want.challenge !== undefined) assert.equal(error.challenge, want.challenge ?? undefined);
    if (want.reason) assert.match(error.reason ?? '', want.reason);
    return true;
  });
}
const invalidToken = (issuer: TokenIssuer, reason?: RegExp) => ({
  status: 401 as const,
  code: 'InvalidAuthenticationToken',
  message: /^Access token validation failure\.$/,
  challenge: `${challengeOf(issuer)}, error="invalid_token"`,
  reason,
});

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

test('a valid v2 token (client id audience) signs the viewer in', async (t) => {
  const { issuer, verifier } = await setup(t);
  assert.equal(verifier.mode, 'entra');
  const viewer = await verifier.authenticate(bearer(await issuer.sign({ oid: 'viewer-oid', groups: [GROUP] })));
  assert.deepEqual(viewer, { id: 'viewer-oid', name: 'viewer@contoso.example', roles: [READ_ROLE], groups: [GROUP], via: 'entra' });
});

test('a valid v1 token (app ID URI audience, sts.windows.net issuer) signs the viewer in', async (t) => {
  const { issuer, verifier } = await setup(t);
  const token = await issuer.sign({ version: 'v1' });
  assert.equal(decodeJwt(token).iss, `https://sts.windows.net/${TEST_TENANT}/`);
  const viewer = await verifier.authenticate(bearer(token));
  assert.equal(viewer.name, 'viewer@contoso.example', 'the upn of a v1 token');
  assert.equal(viewer.id, '3f1c0a52-7c1e-4a8e-9f1d-2b3c4d5e6f70');
});

test('lifetime: expired or not yet valid beyond the tolerance is refused, a small skew is not', async (t) => {
  const { issuer, verifier } = await setup(t);
  const lifetime = { ...invalidToken(issuer), message: /^Access token has expired or is not yet valid\.$/ };
  await refused(verifier.authenticate(bearer(await issuer.sign({ expiresIn: -301 - 5 }))), { ...lifetime, reason: /ERR_JWT_EXPIRED/ });
  await refused(verifier.authenticate(bearer(await issuer.sign({ notBeforeIn: 300 + 10 }))), { ...lifetime, reason: /"nbf" claim timestamp check failed/ });
  await verifier.authenticate(bearer(await issuer.sign({ expiresIn: -120 })));
  await verifier.authenticate(bearer(await issuer.sign({ notBeforeIn: 120 })));

  const strict = createBearerVerifier({ mode: 'entra', tenantId: TEST_TENANT, audiences: [TEST_CLIENT_ID], authority: issuer.authority, requiredRole: READ_ROLE }, { clockToleranceSeconds: 30 });
  await refused(strict.authenticate(bearer(await issuer.sign({ expiresIn: -120 }))), { ...lifetime, reason: /ERR_JWT_EXPIRED/ });
});

test('wrong audience, wrong issuer and another tenant are refused', async (t) => {
  const { issuer, verifier } = await setup(t);
  await refused(verifier.authenticate(bearer(await issuer.sign({ audience: 'api://someone-else' }))), invalidToken(issuer, /unexpected "aud" claim value/));
  await refused(verifier.authenticate(bearer(await issuer.sign({ issuer: 'https://login.example.com/evil/v2.0' }))), invalidToken(issuer, /unexpected "iss" claim value/));
  // Another tenant's token, as that tenant issues it (its issuer, its tid)…
  await refused(verifier.authenticate(bearer(await issuer.sign({ tenant: OTHER_TENANT }))), invalidToken(issuer, /unexpected "iss" claim value/));
  await refused(verifier.authenticate(bearer(await issuer.sign({ tenant: OTHER_TENANT, version: 'v1' }))), invalidToken(issuer, /unexpected "iss" claim value/));
  // …and one claiming this tenant's issuer but another tenant's tid, or none.
  await refused(verifier.authenticate(bearer(await issuer.sign({ tenant: OTHER_TENANT, issuer: issuer.issuerV2() }))), invalidToken(issuer, new RegExp(`token of tenant ${OTHER_TENANT}`)));
  await refused(verifier.authenticate(bearer(await issuer.sign({ extra: { tid: undefined } }))), invalidToken(issuer, /missing required "tid" claim/));
});

test('an ID token (or an app-only token) for the same audience is not an access token: refused', async (t) => {
  const { issuer, verifier } = await setup(t);
  await refused(verifier.authenticate(bearer(await issuer.sign({ scp: null, extra: { nonce: 'n-1' } }))), invalidToken(issuer, /no scp claim/));
});

test('forgeries: alg none, HS256 keyed with the public key, a tampered payload', async (t) => {
  const { issuer, verifier } = await setup(t);
  const good = await issuer.sign();
  const [header, payload] = good.split('.');

  const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.`;
  await refused(verifier.authenticate(bearer(unsigned)), invalidToken(issuer, /ERR_JOSE_ALG_NOT_ALLOWED/));

  const spki = createPublicKey({ key: issuer.publicJwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
  for (const secret of [Buffer.from(spki), Buffer.from(issuer.publicJwk.n!, 'base64url')]) {
    const hs256 = await new SignJWT(decodeJwt(good)).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: issuer.kid }).sign(createSecretKey(secret));
    await refused(verifier.authenticate(bearer(hs256)), invalidToken(issuer, /ERR_JOSE_ALG_NOT_ALLOWED/));
  }
  assert.equal(issuer.jwksFetches, 0, 'refused on the algorithm, before any key is looked up');

  const claims = decodeJwt(good);
  const tampered = `${header}.${b64url({ ...claims, oid: 'someone-else' })}.${good.split('.')[2]}`;
  await refused(verifier.authenticate(bearer(tampered)), invalidToken(issuer, /ERR_JWS_SIGNATURE_VERIFICATION_FAILED/));
  await refused(verifier.authenticate(bearer('not.a.jwt')), invalidToken(issuer));
  await verifier.authenticate(bearer(good));
});

test('no token, or another scheme: 401 "Access token is empty." with a challenge without error=', async (t) => {
  const { issuer, verifier } = await setup(t);
  const empty = { status: 401 as const, code: 'InvalidAuthenticationToken', message: /^Access token is empty\.$/, challenge: challengeOf(issuer) };
  await refused(verifier.authenticate({ headers: {}, remoteAddress: '127.0.0.1' }), empty);
  await refused(verifier.authenticate({ headers: { authorization: 'Basic dmlld2VyOnB3' }, remoteAddress: '127.0.0.1' }), empty);
  await refused(verifier.authenticate({ headers: { authorization: 'Bearer ' }, remoteAddress: '127.0.0.1' }), empty);
  await refused(verifier.authenticate({ headers: { authorization: ['Bearer a', 'Bearer b'] }, remoteAddress: '127.0.0.1' }), empty);
  assert.equal(issuer.metadataFetches, 0, 'nothing is fetched for a request without a token');
  // The scheme is case-insensitive (RFC 9110 §11.1).
  await verifier.authenticate({ headers: { authorization: `bearer ${await issuer.sign()}` }, remoteAddress: '127.0.0.1' });
});

test('a missing app role is a 403 naming the role; the required group lets the viewer in instead', async (t) => {
  const { issuer, verifier } = await setup(t);
  await refused(verifier.authenticate(bearer(await issuer.sign({ roles: [] }))), {
    status: 403,
    code: 'Authorization_RequestDenied',
    message: /^Your account has no access to this reporting endpoint: it needs the app role 'SSPR\.Insights\.Read'\. Ask an administrator to assign it to you in Entra ID \(Enterprise applications\)\.$/,
    challenge: null,
    reason: /viewer 3f1c0a52-\S+ has roles \[\]/,
  });
  await refused(verifier.authenticate(bearer(await issuer.sign({ roles: ['SSPR.Insights.Write'], groups: [GROUP] }))), { status: 403, code: 'Authorization_RequestDenied' });

  const grouped = createBearerVerifier({ mode: 'entra', tenantId: TEST_TENANT, audiences: [TEST_CLIENT_ID], authority: issuer.authority, requiredRole: READ_ROLE, requiredGroup: GROUP });
  const viewer = await grouped.authenticate(bearer(await issuer.sign({ roles: [], groups: ['another-group', GROUP.toUpperCase()] })));
  assert.deepEqual(viewer.roles, []);
  await refused(grouped.authenticate(bearer(await issuer.sign({ roles: [], groups: ['another-group'] }))), {
    status: 403,
    code: 'Authorization_RequestDenied',
    message: new RegExp(`it needs the app role 'SSPR\\.Insights\\.Read' or membership of the group '${GROUP}'`),
  });
});

test('metadata and keys are fetched once, not per request', async (t) => {
  const { issuer, verifier } = await setup(t);
  const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => issuer.sign({ oid: `viewer-${i}` })));
  // The first requests arrive together: they share one metadata fetch and one key fetch.
  const viewers = await Promise.all(tokens.map((token) => verifier.authenticate(bearer(token))));
  assert.deepEqual(viewers.map((v) => v.id), tokens.map((_, i) => `viewer-${i}`));
  for (const token of tokens) await verifier.authenticate(bearer(token));
  await refused(verifier.authenticate(bearer(await issuer.sign({ audience: 'api://x' }))), invalidToken(issuer));
  assert.equal(issuer.metadataFetches, 1);
  assert.equal(issuer.jwksFetches, 1);
});

test('an unknown key id refetches the key set once, then waits out the cooldown', async (t) => {
  const { issuer, verifier } = await setup(t);
  mock.timers.enable({ apis: ['Date'], now: Date.now() });
  t.after(() => mock.timers.reset());
  await verifier.authenticate(bearer(await issuer.sign()));
  assert.equal(issuer.jwksFetches, 1);
  // Right after a fetch the key set is taken as current: no refetch.
  await refused(verifier.authenticate(bearer(await issuer.sign({ kid: 'unknown-0' }))), invalidToken(issuer, /ERR_JWKS_NO_MATCHING_KEY/));
  assert.equal(issuer.jwksFetches, 1);

  mock.timers.tick(31_000);
  await refused(verifier.authenticate(bearer(await issuer.sign({ kid: 'unknown-1' }))), invalidToken(issuer, /ERR_JWKS_NO_MATCHING_KEY/));
  assert.equal(issuer.jwksFetches, 2, 'exactly one refetch');
  await refused(verifier.authenticate(bearer(await issuer.sign({ kid: 'unknown-2' }))), invalidToken(issuer, /ERR_JWKS_NO_MATCHING_KEY/));
  assert.equal(issuer.jwksFetches, 2, 'no further fetch within the cooldown');
  assert.equal(issuer.metadataFetches, 1);
});

test('a rotated signing key is accepted after one refresh of the key set', async (t) => {
  const { issuer, verifier } = await setup(t);
  mock.timers.enable({ apis: ['Date'], now: Date.now() });
  t.after(() => mock.timers.reset());
  await verifier.authenticate(bearer(await issuer.sign()));
  const rotated = await issuer.rotate();
  mock.timers.tick(31_000);
  const viewer = await verifier.authenticate(bearer(await rotated.sign({ oid: 'after-rotation' })));
  assert.equal(viewer.id, 'after-rotation');
  assert.equal(issuer.jwksFetches, 2);
  await verifier.authenticate(bearer(await rotated.sign()));
  await verifier.authenticate(bearer(await issuer.sign()));
  assert.equal(issuer.jwksFetches, 2, 'both keys now cached');
});

test('a failed metadata or key fetch is a server error, not a 401, and is retried by the next request', async (t) => {
  const { issuer } = await setup(t);
  const failing = new Set(['metadata', 'keys']);
  const calls: string[] = [];
  const flaky: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const kind = url.includes('openid-configuration') ? 'metadata' : 'keys';
    calls.push(kind);
    if (failing.delete(kind)) throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    return fetch(input, init);
  };
  const verifier = createBearerVerifier({ mode: 'entra', tenantId: TEST_TENANT, audiences: [TEST_CLIENT_ID], authority: issuer.authority, requiredRole: READ_ROLE }, { fetch: flaky });
  const token = await issuer.sign();
  const serverError = (pattern: RegExp) => (error: unknown) => !(error instanceof ViewerAuthError) && error instanceof Error && pattern.test(error.message);

  await assert.rejects(verifier.authenticate(bearer(token)), serverError(/^Could not read the sign-in service's OpenID metadata at .*: fetch failed/));
  await assert.rejects(verifier.authenticate(bearer(token)), serverError(/^Could not fetch the sign-in service's signing keys from .*discovery\/v2\.0\/keys/));
  await verifier.authenticate(bearer(token));
  await verifier.authenticate(bearer(token));
  assert.deepEqual(calls, ['metadata', 'metadata', 'keys', 'keys'], 'the failures were not kept; the supplied fetch fetches the keys too');
  assert.equal(issuer.metadataFetches, 1);
  assert.equal(issuer.jwksFetches, 1);

  // A sign-in service that is not there at all.
  const nowhere = createBearerVerifier({ mode: 'entra', tenantId: TEST_TENANT, audiences: [TEST_CLIENT_ID], authority: 'http://127.0.0.1:1', requiredRole: READ_ROLE });
  await assert.rejects(nowhere.authenticate(bearer(token)), serverError(/OpenID metadata at http:\/\/127\.0\.0\.1:1\//));
});
