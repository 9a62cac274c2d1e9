/** What the endpoint adds to Graph's behaviour, and how it fails. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createLogger } from '../src/log.js';
import { serveEndpoint } from '../src/serve-endpoint.js';
import { isLoopback } from '../src/serve/listen-guard.js';
import { openPostgres } from '../src/store/postgres-db.js';
import { readConfig } from '../src/config.js';
import { createTenant } from '../../src/mock/tenant.js';
import { loadTenant } from './support/load-tenant.js';
import { ALL_SYNCED, fetchAllPages, startTestApp } from './support/endpoint-app.js';
import { MOCK_NOW } from './support/mock-graph.js';
import { openTestDb, testBackend, type TestDb } from './support/test-db.js';

const USERS = 'v1.0/reports/authenticationMethods/userRegistrationDetails';
const EVENTS = 'beta/reports/authenticationMethods/userEventsSummary';
const DAY = 86_400_000;

let db: TestDb;
const tenant = createTenant({ users: 200, seed: 3, now: MOCK_NOW });
before(async () => {
  db = await openTestDb();
});
beforeEach(async () => {
  await db.reset();
  await loadTenant(db, tenant);
});
after(() => db.close());

describe(`the endpoint's own behaviour (${testBackend()})`, () => {
  test('a report not synced yet is a Graph-shaped 503 with Retry-After, never an empty answer', async () => {
    const app = await startTestApp(db, MOCK_NOW, { userEventsSummary: ALL_SYNCED.userEventsSummary });
    try {
      const response = await fetch(`${app.url}/${USERS}`);
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('retry-after'), '30');
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'serviceNotAvailable');
      assert.match(body.error.message, /first sync of userRegistrationDetails/);
      assert.equal((await fetch(`${app.url}/${EVENTS}`)).status, 200, 'a synced report is served');
    } finally {
      await app.close();
    }
  });

  test('every answer says when its report was last synced and which periods the endpoint offers', async () => {
    const app = await startTestApp(db, MOCK_NOW);
    try {
      for (const path of [USERS, EVENTS, "beta/reports/authenticationMethods/userRegistrationActivity(period='d90')", 'v1.0/reports/authenticationMethods/usersRegisteredByFeature',
        "v1.0/reports/authenticationMethods/usersRegisteredByFeatureHistory(period='d7')", "v1.0/reports/authenticationMethods/usersRegisteredByMethodHistory(period='d7',includedUserTypes='member')"]) {
        const response = await fetch(`${app.url}/${path}`);
        assert.equal(response.status, 200, path);
        const body = (await response.json()) as Record<string, unknown>;
        assert.equal(body['@sspr.lastSyncDateTime'], ALL_SYNCED.userRegistrationDetails, path);
        if (path.includes('History')) assert.equal((body.value as { date: string }[]).at(-1)?.date, '2026-11-30', `${path}: a series up to today`);
        assert.deepEqual(body['@sspr.periods'], ['d1', 'd7', 'd30', 'd90', 'd180', 'd365']);
        assert.equal(response.headers.get('sspr-last-sync'), ALL_SYNCED.userRegistrationDetails);
        assert.match(response.headers.get('request-id') ?? '', /^[0-9a-f-]{36}$/);
      }
    } finally {
      await app.close();
    }
  });

  test("history: events older than Graph's 30 days are kept, served to a date filter, counted in d90", async () => {
    const old = { ...tenant.events[0]!, eventDateTime: new Date(MOCK_NOW.getTime() - 60 * DAY).toISOString(), feature: 'reset', isSuccess: true, authMethod: 'email' };
    await db.query("INSERT INTO events (event_key, event_at, doc) VALUES ('old:1', $1::timestamptz, $2::jsonb)", [old.eventDateTime, JSON.stringify(old)]);
    const app = await startTestApp(db, MOCK_NOW);
    try {
      const plain = await fetchAllPages(`${app.url}/${EVENTS}`);
      assert.equal(plain.rows.length, tenant.events.length, "a plain query gets Graph's 30 days");
      const since = new Date(MOCK_NOW.getTime() - 90 * DAY).toISOString();
      const history = await fetchAllPages(`${app.url}/${EVENTS}?$filter=eventDateTime ge ${since}`);
      assert.equal(history.rows.length, tenant.events.length + 1);
      assert.ok(history.rows.some((r) => r.eventDateTime === old.eventDateTime));
      const activity = async (period: string) => {
        const body = (await (await fetch(`${app.url}/beta/reports/authenticationMethods/userRegistrationActivity(period='${period}')`)).json()) as { value: { feature: string; authMethod: string; successfulActivityCount: number }[] };
        return body.value.find((r) => r.feature === 'reset' && r.authMethod === 'email')!.successfulActivityCount;
      };
      assert.equal(await activity('d90'), (await activity('d30')) + 1);
    } finally {
      await app.close();
    }
  });

  test('nextLinks are on the public URL when one is set, and keyset pages stay exact while rows are added', async () => {
    const app = await startTestApp(db, MOCK_NOW, ALL_SYNCED, 'https://insights.example/graph', 60);
    try {
      const first = (await (await fetch(`${app.url}/${USERS}?$orderby=userPrincipalName`)).json()) as Record<string, unknown> & { value: { id: string }[] };
      const link = String(first['@odata.nextLink'] ?? '');
      assert.match(link, /^https:\/\/insights\.example\/graph\/v1\.0\/reports\/authenticationMethods\/userRegistrationDetails\?\$orderby=userPrincipalName&\$skiptoken=/);
      // a user that sorts first arrives between the pages: it must not shift the next page
      const early = { ...tenant.users[0]!, id: 'zzz-new', userPrincipalName: 'aaa.first@contoso.example' };
      await db.query("INSERT INTO user_versions (user_id, valid_from, content_hash, doc) VALUES ('zzz-new', now(), 'x', $1::jsonb)", [JSON.stringify(early)]);
      const onApp = (l: string) => l.replace('https://insights.example/graph', app.url);
      const rest = await fetchAllPages(onApp(link), onApp);
      assert.ok(rest.pages > 1, 'several pages');
      const ids = [...first.value.map((r) => r.id), ...rest.rows.map((r) => r.id as string)];
      assert.equal(new Set(ids).size, ids.length, 'no row twice');
      assert.equal(ids.length, tenant.users.length, 'every row that was there once');
    } finally {
      await app.close();
    }
  });

  test('non-GET is 405, paths outside Graph are 404, /healthz and /readyz answer', async () => {
    const app = await startTestApp(db, MOCK_NOW);
    try {
      const post = await fetch(`${app.url}/${USERS}`, { method: 'POST', body: '{}' });
      assert.equal(post.status, 405);
      assert.equal(post.headers.get('allow'), 'GET');
      for (const [path, init] of [
        [`${app.url.replace('/graph', '')}/v1.0/%zz`, {}],
        [`${app.url}/${USERS}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{bad' }],
      ] as const) {
        const refused = await fetch(path, init);
        assert.equal(refused.status, 400, `${path}: Fastify's own refusal`);
        const body = (await refused.json()) as { error: { code: string; innerError: Record<string, string> } };
        assert.equal(body.error.code, 'BadRequest', 'in Graph\'s shape');
        assert.match(body.error.innerError['request-id'] ?? '', /^[0-9a-f-]{36}$/);
      }
      const none = await fetch(`${app.url.replace('/graph', '')}/nothing`);
      assert.equal(none.status, 404);
      assert.equal(((await none.json()) as { error: { code: string } }).error.code, 'ResourceNotFound');
      const health = await fetch(`${app.url.replace('/graph', '')}/healthz`);
      assert.deepEqual(await health.json(), { status: 'ok' });
      const ready = await fetch(`${app.url.replace('/graph', '')}/readyz`);
      assert.equal(ready.status, 200);
      const readyBody = (await ready.json()) as { status: string; fresh: boolean; stale: string[]; store: string };
      assert.deepEqual([readyBody.status, readyBody.fresh, readyBody.stale, readyBody.store], ['ready', true, [], 'ok'], 'synced an hour before "now"');
    } finally {
      await app.close();
    }
  });
});

describe('freshness', () => {
  test('one report that never syncs (a permission not granted) does not make a replica unready; it is listed as stale', async () => {
    const app = await startTestApp(db, MOCK_NOW, { ...ALL_SYNCED, privilegedRoleMembers: undefined });
    try {
      const ready = await fetch(`${app.url.replace('/graph', '')}/readyz`);
      assert.equal(ready.status, 200);
      const body = (await ready.json()) as { status: string; fresh: boolean; stale: string[] };
      assert.deepEqual([body.status, body.fresh, body.stale], ['ready', false, ['privilegedRoleMembers']]);
    } finally {
      await app.close();
    }
  });

  test('/readyz fails and /status says so when no report was synced within the allowed age; /healthz still answers', async () => {
    const app = await startTestApp(db, new Date(Date.parse(ALL_SYNCED.userEventsSummary) + 3 * 3_600_000), { ...ALL_SYNCED, directoryAudits: undefined });
    try {
      const base = app.url.replace('/graph', '');
      assert.equal((await fetch(`${base}/healthz`)).status, 200, 'the process is alive');
      const ready = await fetch(`${base}/readyz`);
      assert.equal(ready.status, 503);
      const health = (await ready.json()) as { status: string; fresh: boolean; stale: string[] };
      assert.equal(health.status, 'unready');
      assert.equal(health.fresh, false);
      assert.deepEqual(health.stale, ['userRegistrationDetails', 'userEventsSummary', 'directoryAudits', 'userPasswordResetsAndChangesSummary', 'privilegedRoleMembers'], 'three hours old, and one never synced');
      const status = (await (await fetch(`${base}/status`)).json()) as { fresh: boolean; ageSeconds: Record<string, number>; maxAgeSeconds: number };
      assert.equal(status.fresh, false);
      assert.equal(status.maxAgeSeconds, 7200);
      assert.equal(status.ageSeconds.userEventsSummary, 3 * 3600);
      assert.equal(status.ageSeconds.directoryAudits, undefined);
    } finally {
      await app.close();
    }
  });
});

describe('safe by default', () => {
  test('only loopback addresses count as loopback', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1']) assert.ok(isLoopback(host), host);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', '192.168.1.2', 'example.com', '::ffff:10.0.0.1', '']) assert.ok(!isLoopback(host), host);
  });

  test('serve refuses to listen beyond loopback without viewer sign-in, before opening anything', async () => {
    const config = readConfig({ SSPR_HOST: '0.0.0.0', SSPR_DATA_DIR: '/nonexistent/never-created' });
    await assert.rejects(serveEndpoint({ config, log: createLogger('silent'), sync: false, handleSignals: false }), /Refusing to listen on '0\.0\.0\.0' without viewer sign-in/);
  });

  test('serve against real Graph without a credential stops before anything opens or listens', async () => {
    const config = readConfig({ SSPR_DATA_DIR: '/nonexistent/never-created' });
    await assert.rejects(serveEndpoint({ config, env: {}, log: createLogger('silent'), handleSignals: false }), /AZURE_TENANT_ID/);
  });

  test('a database that does not answer is a Graph-shaped 503 with Retry-After', async () => {
    const unreachable = openPostgres({ connectionString: 'postgres://postgres@127.0.0.1:1/none' });
    const app = await startTestApp(unreachable, MOCK_NOW);
    try {
      const response = await fetch(`${app.url}/${USERS}`);
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('retry-after'), '5');
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'serviceNotAvailable');
      const ready = await fetch(`${app.url.replace('/graph', '')}/readyz`);
      assert.equal(ready.status, 503);
      assert.equal(((await ready.json()) as { store: string }).store, 'unreachable');
      assert.equal((await fetch(`${app.url.replace('/graph', '')}/healthz`)).status, 200);
    } finally {
      await app.close();
      await unreachable.close();
    }
  });
});
