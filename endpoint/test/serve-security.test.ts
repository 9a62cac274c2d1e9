/**
 * The HTTP app in production settings: viewer sign-in on every report route (Graph-shaped refusals
 * the elements understand), public probes, CORS for configured origins only, security headers on
 * every answer, the rate limit per viewer, one log line per request (never the token), metrics.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { readConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { createEndpointMetrics } from '../src/metrics/endpoint-metrics.js';
import { createAuthenticator } from '../src/serve/auth/create-authenticator.js';
import { createTenant } from '../../src/mock/tenant.js';
import { startTestApp, type TestApp } from './support/endpoint-app.js';
import { loadTenant } from './support/load-tenant.js';
import { MOCK_NOW } from './support/mock-graph.js';
import { openTestDb, testBackend, type TestDb } from './support/test-db.js';
import { READ_ROLE, startTokenIssuer, TEST_APP_ID_URI, TEST_CLIENT_ID, TEST_TENANT, type TokenIssuer } from './support/token-issuer.js';

const USERS = 'v1.0/reports/authenticationMethods/userRegistrationDetails';
const ORIGIN = 'https://intranet.contoso.example';

let db: TestDb;
let issuer: TokenIssuer;
before(async () => {
  db = await openTestDb();
  await loadTenant(db, createTenant({ users: 60, seed: 5, now: MOCK_NOW }));
  issuer = await startTokenIssuer();
});
after(async () => {
  await issuer.close();
  await db.close();
});

/** Log lines as parsed JSON, from a logger of the test's own. */
function captureLog() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { log: createLogger('info', stream), lines, raw };
}

const entraConfig = () =>
  readConfig({
    SSPR_AUTH: 'entra',
    SSPR_TENANT_ID: TEST_TENANT,
    SSPR_AUDIENCE: `${TEST_APP_ID_URI},${TEST_CLIENT_ID}`,
    SSPR_AUTH_AUTHORITY: issuer.authority,
  }).auth;

async function signedInApp(extra: Parameters<typeof startTestApp>[5] = {}): Promise<TestApp & { base: string }> {
  const app = await startTestApp(db, MOCK_NOW, undefined, undefined, undefined, { auth: createAuthenticator(entraConfig()), ...extra });
  return Object.assign(app, { base: app.url.replace('/graph', '') });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe(`viewer sign-in over HTTP (${testBackend()})`, () => {
  test('no token: 401, Graph-shaped, with a Bearer challenge; a valid token with the role: 200', async () => {
    const app = await signedInApp();
    try {
      const refused = await fetch(`${app.url}/${USERS}`);
      assert.equal(refused.status, 401);
      assert.match(refused.headers.get('www-authenticate') ?? '', /^Bearer realm="sspr-insights"/);
      const body = (await refused.json()) as { error: { code: string; message: string; innerError: Record<string, string> } };
      assert.equal(body.error.code, 'InvalidAuthenticationToken');
      assert.match(body.error.innerError['request-id'] ?? '', /^[0-9a-f-]{36}$/);

      const ok = await fetch(`${app.url}/${USERS}`, { headers: bearer(await issuer.sign()) });
      assert.equal(ok.status, 200);
      assert.equal(((await ok.json()) as { value: unknown[] }).value.length, 60);
    } finally {
      await app.close();
    }
  });

  test('a token without the app role: 403 marked as the endpoint’s own, naming the role', async () => {
    const app = await signedInApp();
    try {
      const response = await fetch(`${app.url}/${USERS}`, { headers: bearer(await issuer.sign({ roles: ['Something.Else'] })) });
      assert.equal(response.status, 403);
      const body = (await response.json()) as { error: { code: string; innerError: Record<string, string> } };
      assert.equal(body.error.code, 'Authorization_RequestDenied');
      assert.equal(body.error.innerError['sspr-reason'], 'appRoleRequired');
      assert.match(body.error.innerError['sspr-required'] ?? '', new RegExp(READ_ROLE.replace(/\./g, '\\.')));
    } finally {
      await app.close();
    }
  });

  test('the probes answer without a token; /status and every report need one', async () => {
    const app = await signedInApp();
    try {
      for (const probe of ['/healthz', '/readyz', '/metrics']) assert.notEqual((await fetch(`${app.base}${probe}`)).status, 401, probe);
      assert.equal((await fetch(`${app.base}/status`)).status, 401);
      assert.equal((await fetch(`${app.base}/v1.0/reports/authenticationMethods/usersRegisteredByFeature`)).status, 401);
      assert.equal((await fetch(`${app.base}/nothing-here`)).status, 401, 'not even whether a path exists is told');
    } finally {
      await app.close();
    }
  });
});

describe('browsers', () => {
  test('CORS answers the configured origin only, with the headers the elements send and read', async () => {
    const app = await signedInApp({ corsOrigins: [ORIGIN] });
    try {
      const preflight = await fetch(`${app.url}/${USERS}`, {
        method: 'OPTIONS',
        headers: { origin: ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization,client-request-id' },
      });
      assert.equal(preflight.status, 204, 'a preflight carries no token and is not refused');
      assert.equal(preflight.headers.get('access-control-allow-origin'), ORIGIN);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/);

      const get = await fetch(`${app.url}/${USERS}`, { headers: { origin: ORIGIN, ...bearer(await issuer.sign()) } });
      assert.equal(get.headers.get('access-control-allow-origin'), ORIGIN);
      assert.match(get.headers.get('access-control-expose-headers') ?? '', /sspr-last-sync/);

      const stranger = await fetch(`${app.url}/${USERS}`, { headers: { origin: 'https://evil.example', ...bearer(await issuer.sign()) } });
      assert.equal(stranger.headers.get('access-control-allow-origin'), null, 'another origin is not allowed to read');
    } finally {
      await app.close();
    }
  });

  test('without configured origins no CORS header is sent at all', async () => {
    const app = await signedInApp();
    try {
      const get = await fetch(`${app.url}/${USERS}`, { headers: { origin: ORIGIN, ...bearer(await issuer.sign()) } });
      assert.equal(get.status, 200);
      assert.equal(get.headers.get('access-control-allow-origin'), null);
    } finally {
      await app.close();
    }
  });

  test('security headers on answers, refusals and errors alike', async () => {
    const app = await signedInApp();
    try {
      const token = await issuer.sign();
      for (const [path, headers, status] of [
        [`${app.url}/${USERS}`, bearer(token), 200],
        [`${app.url}/${USERS}`, {}, 401],
        [`${app.base}/nothing`, bearer(token), 404],
        [`${app.base}/healthz`, {}, 200],
      ] as const) {
        const response = await fetch(path, { headers });
        assert.equal(response.status, status, path);
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
        assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'.*frame-ancestors 'none'/, path);
        assert.equal(response.headers.get('referrer-policy'), 'no-referrer', path);
        assert.equal(response.headers.get('x-frame-options'), 'SAMEORIGIN', path);
        assert.match(response.headers.get('strict-transport-security') ?? '', /max-age=31536000/, path);
        assert.equal(response.headers.get('cache-control'), 'no-store', path);
      }
    } finally {
      await app.close();
    }
  });
});

describe('the rate limit, logs and metrics', () => {
  test('one viewer past the limit gets a Graph-shaped 429 with Retry-After; another viewer is not held back', async () => {
    const app = await signedInApp({ rateLimitPerMinute: 5 });
    try {
      const alice = await issuer.sign({ oid: 'aaaaaaaa-0000-4000-8000-000000000001' });
      const bob = await issuer.sign({ oid: 'bbbbbbbb-0000-4000-8000-000000000002' });
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await fetch(`${app.url}/${USERS}`, { headers: bearer(alice) })).status);
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
      const limited = await fetch(`${app.url}/${USERS}`, { headers: bearer(alice) });
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1, 'Retry-After in seconds');
      const body = (await limited.json()) as { error: { code: string; innerError: Record<string, string> } };
      assert.equal(body.error.code, 'TooManyRequests');
      assert.equal(body.error.innerError['sspr-reason'], 'viewerRateLimit');
      assert.equal((await fetch(`${app.url}/${USERS}`, { headers: bearer(bob) })).status, 200);
      for (let i = 0; i < 8; i++) assert.equal((await fetch(`${app.base}/healthz`)).status, 200, 'probes are not limited');
    } finally {
      await app.close();
    }
  });

  test('every request is logged with the viewer, report, status and time — never the token', async () => {
    const { log, lines, raw } = captureLog();
    const app = await signedInApp({ log });
    try {
      const token = await issuer.sign({ oid: 'cccccccc-0000-4000-8000-000000000003' });
      await fetch(`${app.url}/${USERS}?$filter=userPrincipalName eq 'x'`, { headers: bearer(token) });
      await fetch(`${app.url}/${USERS}`, { headers: bearer(`${token}x`) });
      const requests = lines.filter((l) => l.msg === 'request');
      assert.equal(requests.length, 2);
      assert.deepEqual(
        requests.map((l) => [l.viewer, l.report, l.status, typeof l.ms]),
        [
          ['cccccccc-0000-4000-8000-000000000003', 'userRegistrationDetails', 200, 'number'],
          [null, 'userRegistrationDetails', 401, 'number'],
        ],
      );
      assert.ok(raw.every((line) => !line.includes(token.split('.')[2]!)), 'no part of the signature in any line');
      assert.ok(raw.every((line) => !line.includes(token.split('.')[1]!)), 'nor the payload');
      assert.ok(raw.every((line) => !line.includes("eq 'x'")), 'nor the query string');
    } finally {
      await app.close();
    }
  });

  test('metrics in Prometheus text format count requests by report and status', async () => {
    const metrics = createEndpointMetrics();
    const app = await signedInApp({ metrics });
    try {
      const token = await issuer.sign();
      for (let i = 0; i < 3; i++) await fetch(`${app.url}/${USERS}`, { headers: bearer(token) });
      await fetch(`${app.url}/${USERS}`);
      const response = await fetch(`${app.base}/metrics`);
      assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      assert.match(text, /^sspr_http_requests_total\{report="userRegistrationDetails",status="200"\} 3$/m);
      assert.match(text, /^sspr_http_requests_total\{report="userRegistrationDetails",status="401"\} 1$/m);
      assert.match(text, /^sspr_http_request_duration_seconds_count\{report="userRegistrationDetails"\} 4$/m);
      assert.match(text, /^sspr_process_resident_memory_bytes \d+/m, 'the process metrics');
      assert.match(text, /^sspr_graph_requests_total 0$/m);
    } finally {
      await app.close();
    }
  });
});
