/**
 * `serve` as operators run it: beyond loopback only with sign-in, a trusted sign-in proxy's headers
 * believed from its address only, and a graceful shutdown that lets in-flight requests finish (and
 * cuts them only past the grace period).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { createAuthenticator } from '../src/serve/auth/create-authenticator.js';
import { serveEndpoint } from '../src/serve-endpoint.js';
import type { Db } from '../src/store/db.js';
import { createTenant } from '../../src/mock/tenant.js';
import { startTestApp } from './support/endpoint-app.js';
import { loadTenant } from './support/load-tenant.js';
import { MOCK_NOW } from './support/mock-graph.js';
import { openTestDb, testBackend, type TestDb } from './support/test-db.js';
import { startTokenIssuer, TEST_CLIENT_ID, TEST_TENANT } from './support/token-issuer.js';
import { startMockGraph } from './support/mock-graph.js';

const USERS = 'v1.0/reports/authenticationMethods/userRegistrationDetails';

let db: TestDb;
before(async () => {
  db = await openTestDb();
  await loadTenant(db, createTenant({ users: 60, seed: 9, now: MOCK_NOW }));
});
after(() => db.close());

/** The store, with every query held back `delayMs` while `slow` is on (a request that takes a while). */
function slowStore(inner: Db) {
  const state = { slow: false, delayMs: 0 };
  const store: Db = {
    ...inner,
    query: async (sql, params) => {
      if (state.slow) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
      return inner.query(sql, params);
    },
    close: async () => {}, // the test file's database outlives each endpoint
  };
  return { store, state };
}

const serveConfig = (env: Record<string, string>) =>
  readConfig({ SSPR_PORT: '0', SSPR_SYNC_INTERVAL: '0', SSPR_DATA_DIR: '/nonexistent/never-used', ...env });

describe(`serve in production settings (${testBackend()})`, () => {
  test('with Entra sign-in it may listen on every interface, and still refuses a request without a token', async () => {
    const issuer = await startTokenIssuer();
    const config = serveConfig({ SSPR_HOST: '0.0.0.0', SSPR_AUTH: 'entra', SSPR_TENANT_ID: TEST_TENANT, SSPR_AUDIENCE: TEST_CLIENT_ID, SSPR_AUTH_AUTHORITY: issuer.authority });
    const endpoint = await serveEndpoint({ config, store: slowStore(db).store, log: createLogger('silent'), sync: false, handleSignals: false, now: () => MOCK_NOW });
    try {
      const port = new URL(endpoint.url).port;
      assert.equal((await fetch(`http://127.0.0.1:${port}/graph/${USERS}`)).status, 401);
      const ok = await fetch(`http://127.0.0.1:${port}/graph/${USERS}`, { headers: { authorization: `Bearer ${await issuer.sign()}` } });
      assert.equal(ok.status, 503, 'signed in; the report was simply never synced by this endpoint');
    } finally {
      await endpoint.close();
      await issuer.close();
    }
  });

  test("a trusted proxy's identity headers let the viewer in; the same headers from elsewhere do not", async () => {
    const proxyAuth = (trusted: string) =>
      createAuthenticator(readConfig({ SSPR_AUTH: 'proxy', SSPR_TRUSTED_PROXIES: trusted }).auth);
    const headers = { 'x-forwarded-user': 'helpdesk@contoso.example', 'x-forwarded-roles': 'SSPR.Insights.Read', 'x-forwarded-host': 'reports.contoso.example', 'x-forwarded-proto': 'https' };
    const trusted = await startTestApp(db, MOCK_NOW, undefined, undefined, 25, { auth: proxyAuth('127.0.0.1'), trustProxy: ['127.0.0.1'] });
    const stranger = await startTestApp(db, MOCK_NOW, undefined, undefined, 25, { auth: proxyAuth('10.9.8.7') });
    try {
      const ok = await fetch(`${trusted.url}/${USERS}`, { headers });
      assert.equal(ok.status, 200);
      const body = (await ok.json()) as { '@odata.nextLink': string };
      assert.match(body['@odata.nextLink'], /^https:\/\/reports\.contoso\.example\/graph\/v1\.0\//, "nextLinks point at the proxy's address");
      const noRole = await fetch(`${trusted.url}/${USERS}`, { headers: { ...headers, 'x-forwarded-roles': 'Other' } });
      assert.equal(noRole.status, 403);
      const refused = await fetch(`${stranger.url}/${USERS}`, { headers });
      assert.equal(refused.status, 401, 'headers from an address that is not the proxy are not believed');
    } finally {
      await trusted.close();
      await stranger.close();
    }
  });

  test('shutdown lets an in-flight request finish, and new ones are turned away', async () => {
    const { store, state } = slowStore(db);
    const config = serveConfig({});
    const endpoint = await serveEndpoint({ config, store, log: createLogger('silent'), sync: false, handleSignals: false, now: () => MOCK_NOW });
    Object.assign(state, { slow: true, delayMs: 400 });
    // /status reads the store (sync runs, freshness): slow here
    const inFlight = fetch(`${endpoint.url}/status`).then(async (r) => ({ status: r.status, body: await r.text() }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const started = Date.now();
    const closing = endpoint.close();
    const answer = await inFlight;
    assert.equal(answer.status, 200, answer.body);
    assert.match(answer.body, /"fresh":/);
    await closing;
    assert.ok(Date.now() - started >= 200, 'close waited for the request');
    await assert.rejects(fetch(`${endpoint.url}/healthz`), 'nothing listens any more');
  });

  test('past the grace period the remaining connections are cut, so a stuck request cannot hold a shutdown', async () => {
    const { store, state } = slowStore(db);
    const config = serveConfig({ SSPR_SHUTDOWN_GRACE: '1' });
    const endpoint = await serveEndpoint({ config, store, log: createLogger('silent'), sync: false, handleSignals: false, now: () => MOCK_NOW });
    Object.assign(state, { slow: true, delayMs: 5_000 });
    const stuck = fetch(`${endpoint.url}/graph/${USERS}`).then(
      (r) => r.status,
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    const started = Date.now();
    await endpoint.close();
    const took = Date.now() - started;
    assert.equal(await stuck, 'cut');
    assert.ok(took >= 900 && took < 4_000, `closed after the 1 s grace period, not the 5 s request (${took} ms)`);
  });

  test("metrics count the scheduled sync's runs, rows, Graph requests and Graph's 429s", async () => {
    await db.reset();
    const mock = await startMockGraph({ users: 120 }, { pageSize: 50, faults: { kind: '429', times: 2, retryAfter: '0.02' } });
    const config = serveConfig({ SSPR_GRAPH_URL: mock.url, SSPR_SYNC_INTERVAL: '3600' });
    const endpoint = await serveEndpoint({ config, env: {}, store: slowStore(db).store, budget: false, log: createLogger('silent'), handleSignals: false });
    try {
      let text = '';
      for (let i = 0; i < 300 && !/^sspr_sync_runs_total\{status="succeeded"\} 1$/m.test(text); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        text = await (await fetch(`${endpoint.url}/metrics`)).text();
      }
      assert.match(text, /^sspr_sync_runs_total\{status="succeeded"\} 1$/m);
      assert.match(text, /^sspr_sync_rows_read_total\{source="userRegistrationDetails"\} 120$/m);
      assert.match(text, new RegExp(`^sspr_graph_requests_total ${mock.requests.length}$`, 'm'), 'every request that reached Graph');
      assert.match(text, /^sspr_graph_throttled_total 2$/m);
      const ready = await fetch(`${endpoint.url}/readyz`);
      assert.equal(ready.status, 200, 'synced just now: ready');
    } finally {
      await endpoint.close();
      await mock.close();
      await db.reset();
      await loadTenant(db, createTenant({ users: 60, seed: 9, now: MOCK_NOW }));
    }
  });
});
