/**
 * Every served route against the mock Graph for the same query: the endpoint, holding the mock
 * tenant's rows, must answer what Graph (the mock) answers — rows, order, paging, summaries, errors.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadTenant } from './support/load-tenant.js';
import { fetchAllPages, startTestApp, type TestApp } from './support/endpoint-app.js';
import { MOCK_NOW, startMockGraph, type MockGraph } from './support/mock-graph.js';
import { openTestDb, testBackend, type TestDb } from './support/test-db.js';

let db: TestDb;
let mock: MockGraph;
let app: TestApp;

before(async () => {
  db = await openTestDb();
  mock = await startMockGraph({ users: 600, seed: 7 }, { pageSize: 90 });
  await loadTenant(db, mock.tenant);
  app = await startTestApp(db, MOCK_NOW);
});
after(async () => {
  await app.close();
  await mock.close();
  await db.close();
});

/** The mock writes nextLinks on graph.microsoft.com, as Graph does: move them onto the loopback mock. */
const onMock = (link: string) => `${mock.url}${new URL(link).pathname}${new URL(link).search}`;
/** Rows as comparable text: keys sorted (the store keeps Graph's values, not the order of its keys). */
const sortedKeys = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(sortedKeys) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortedKeys(v)])) : value;
const canonical = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(sortedKeys(r))).sort();
const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

async function both(path: string, headers: Record<string, string> = {}) {
  const [fromMock, fromEndpoint] = await Promise.all([
    fetchAllPages(`${mock.url}/${path}`, onMock, headers),
    fetchAllPages(`${app.url}/${path}`, undefined, headers),
  ]);
  return { fromMock, fromEndpoint };
}

// orderedBy: the property whose sequence must match (Graph's own order where none is asked: newest first)
const COLLECTIONS: [path: string, orderedBy?: string][] = [
  ['v1.0/reports/authenticationMethods/userRegistrationDetails'],
  ['v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=isMfaCapable eq false'],
  ['v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=isSsprRegistered eq true and isMfaCapable eq false&$orderby=userPrincipalName', 'userPrincipalName'],
  ["v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=startswith(userPrincipalName,'a') or startswith(userDisplayName,'M')&$orderby=userDisplayName desc", 'userDisplayName'],
  ["v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=methodsRegistered/any(m:m eq 'email')"],
  ['beta/reports/authenticationMethods/userEventsSummary', 'eventDateTime'],
  ['beta/reports/authenticationMethods/userEventsSummary?$top=250', 'eventDateTime'],
  ["beta/reports/authenticationMethods/userEventsSummary?$filter=feature eq 'reset' and isSuccess eq false&$orderby=userPrincipalName", 'userPrincipalName'],
  ["beta/reports/authenticationMethods/userEventsSummary?$filter=authMethod eq 'email' or authMethod eq 'mobilePhone'", 'eventDateTime'],
  ["beta/reports/authenticationMethods/userEventsSummary?$filter=startswith(userDisplayName,'j')&$orderby=userDisplayName desc", 'userDisplayName'],
  ["v1.0/auditLogs/directoryAudits?$filter=loggedByService eq 'Self-service Password Management'&$top=50", 'activityDateTime'],
  ["v1.0/auditLogs/directoryAudits?$filter=loggedByService eq 'Authentication Methods' and activityDateTime ge 2026-11-20T00:00:00Z&$orderby=activityDateTime desc", 'activityDateTime'],
  ['beta/reports/authenticationMethods/userPasswordResetsAndChangesSummary'],
  ['beta/reports/authenticationMethods/userPasswordResetsAndChangesSummary?$filter=passwordResetsSelfServiceCount gt 0'],
];

describe(`served collections equal the mock Graph's (${testBackend()})`, () => {
  for (const [path, orderedBy] of COLLECTIONS) {
    test(path, async () => {
      const { fromMock, fromEndpoint } = await both(path);
      assert.ok(fromMock.rows.length > 0, 'the query matches rows (else it proves nothing)');
      assert.deepEqual(canonical(fromEndpoint.rows), canonical(fromMock.rows));
      if (orderedBy) assert.deepEqual(fromEndpoint.rows.map((r) => lower(r[orderedBy])), fromMock.rows.map((r) => lower(r[orderedBy])));
      if (path.includes('PasswordResetsAndChanges')) {
        assert.deepEqual(fromEndpoint.rows.map((r) => r.aggregatedDateTime), fromMock.rows.map((r) => r.aggregatedDateTime), 'newest day first');
      }
      assert.equal(fromEndpoint.first['@odata.context'], fromMock.first['@odata.context']);
    });
  }

  test('without Prefer: include-unknown-enum-members newer methods read unknownFutureValue, with it their names', async () => {
    const path = 'beta/reports/authenticationMethods/userEventsSummary';
    const plain = await both(path);
    const named = await both(path, { prefer: 'include-unknown-enum-members' });
    assert.deepEqual(canonical(plain.fromEndpoint.rows), canonical(plain.fromMock.rows));
    assert.deepEqual(canonical(named.fromEndpoint.rows), canonical(named.fromMock.rows));
    assert.ok(plain.fromEndpoint.rows.some((r) => r.authMethod === 'unknownFutureValue'));
    assert.ok(!named.fromEndpoint.rows.some((r) => r.authMethod === 'unknownFutureValue'));
  });
});

const SUMMARIES = [
  'v1.0/reports/authenticationMethods/usersRegisteredByFeature',
  "v1.0/reports/authenticationMethods/usersRegisteredByFeature(includedUserTypes='member',includedUserRoles='admin')",
  "v1.0/reports/authenticationMethods/usersRegisteredByFeature(includedUserTypes='guest',includedUserRoles='user')",
  'v1.0/reports/authenticationMethods/usersRegisteredByMethod',
  "v1.0/reports/authenticationMethods/usersRegisteredByMethod(includedUserTypes='all',includedUserRoles='admin')",
];

describe(`computed summaries equal the mock Graph's (${testBackend()})`, () => {
  for (const path of SUMMARIES) {
    test(path, async () => {
      const [m, e] = await Promise.all([fetch(`${mock.url}/${path}`), fetch(`${app.url}/${path}`)]);
      assert.equal(e.status, 200);
      const fromMock = (await m.json()) as Record<string, unknown>;
      const fromEndpoint = (await e.json()) as Record<string, unknown>;
      for (const key of Object.keys(fromMock)) assert.deepEqual(fromEndpoint[key], fromMock[key], key);
    });
  }
  for (const period of ['d1', 'd7', 'd30']) {
    test(`userRegistrationActivity(period='${period}')`, async () => {
      const path = `beta/reports/authenticationMethods/userRegistrationActivity(period='${period}')`;
      const [m, e] = await Promise.all([fetch(`${mock.url}/${path}`), fetch(`${app.url}/${path}`)]);
      const withoutId = (body: { value: Record<string, unknown>[] }) => body.value.map(({ id: _id, ...rest }) => JSON.stringify(rest)).sort();
      assert.deepEqual(withoutId((await e.json()) as never), withoutId((await m.json()) as never));
    });
  }
});

describe(`errors are Graph's (${testBackend()})`, () => {
  const CASES = [
    'beta/reports/authenticationMethods/userEventsSummary?$filter=nothing eq 1',
    'beta/reports/authenticationMethods/userEventsSummary?$top=5000',
    "v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=userPrincipalName eq 'x' and",
    'v1.0/reports/authenticationMethods/userRegistrationDetails?$skiptoken=garbage',
    "v1.0/reports/authenticationMethods/usersRegisteredByFeature(includedUserTypes='robots')",
    'v1.0/reports/authenticationMethods/nothingHere',
  ];
  for (const path of CASES) {
    test(path, async () => {
      const [m, e] = await Promise.all([fetch(`${mock.url}/${path}`), fetch(`${app.url}/${path}`)]);
      assert.equal(e.status, m.status);
      const fromMock = (await m.json()) as { error: { code: string; message: string } };
      const fromEndpoint = (await e.json()) as { error: { code: string; message: string; innerError: Record<string, string> } };
      assert.equal(fromEndpoint.error.code, fromMock.error.code);
      assert.equal(fromEndpoint.error.message, fromMock.error.message);
      assert.equal(fromEndpoint.error.innerError['request-id'], e.headers.get('request-id'));
    });
  }
});
