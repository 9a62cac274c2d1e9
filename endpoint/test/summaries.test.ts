import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  PERIODS, USER_ROLES, USER_TYPES, type GraphUserEventsSummary, type GraphUserRegistrationActivitySummary,
} from '../../src/graph/types.js';
import { MockHttpError } from '../../src/mock/http-error.js';
import { createTenant, type Tenant } from '../../src/mock/tenant.js';
import { activitySummary as mockActivitySummary } from '../../src/mock/tenant-summary.js';
import type { EventLog } from '../../src/mock/tenant-events.js';
import { ACTIVITY_REGISTRATION_METHODS, ACTIVITY_RESET_METHODS, REGISTERED_METHODS } from '../../src/mock/tenant-vocab.js';
import { activitySummary, ENDPOINT_PERIODS, featureSummary, methodSummary } from '../src/serve/summaries/index.js';
import { loadTenant } from './support/load-tenant.js';
import { MOCK_NOW } from './support/mock-graph.js';
import { openTestDb, testBackend, type TestDb } from './support/test-db.js';

const DAY_MS = 86_400_000;
const GRAPH_ROWS = ACTIVITY_REGISTRATION_METHODS.length + ACTIVITY_RESET_METHODS.length;
const SCOPED_ROLES = USER_ROLES;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let db: TestDb;
before(async () => {
  db = await openTestDb();
});
after(() => db.close());

/** Known rows in order without ids; rows past Graph's example as a set (the mock appends by first appearance). */
function comparable(rows: GraphUserRegistrationActivitySummary[]) {
  const strip = rows.map(({ id: _id, ...rest }) => rest);
  const key = (r: (typeof strip)[number]) => `${r.feature}/${r.authMethod}`;
  return { known: strip.slice(0, GRAPH_ROWS), extra: strip.slice(GRAPH_ROWS).sort((a, b) => (key(a) < key(b) ? -1 : 1)) };
}

/** Methods past REGISTERED_METHODS as a set, for the same reason. */
function comparableMethods(counts: { authenticationMethod: string; userCount: number }[]) {
  const n = 1 + REGISTERED_METHODS.length;
  return [...counts.slice(0, n), ...counts.slice(n).sort((a, b) => (a.authenticationMethod < b.authenticationMethod ? -1 : 1))];
}

async function assertUserSummariesMatch(tenant: Tenant): Promise<void> {
  for (const types of USER_TYPES) {
    for (const roles of SCOPED_ROLES) {
      assert.deepEqual(await featureSummary(db, types, roles), tenant.featureSummary(types, roles), `features ${types}/${roles}`);
      const mine = await methodSummary(db, types, roles);
      const mock = tenant.methodSummary(types, roles);
      assert.deepEqual(
        { ...mine, userRegistrationMethodCounts: comparableMethods(mine.userRegistrationMethodCounts) },
        { ...mock, userRegistrationMethodCounts: comparableMethods(mock.userRegistrationMethodCounts) },
        `methods ${types}/${roles}`,
      );
    }
  }
}

async function assertActivityMatches(tenant: Tenant): Promise<void> {
  for (const period of PERIODS) {
    const mine = await activitySummary(db, period, tenant.now);
    assert.deepEqual(comparable(mine), comparable(tenant.activity(period)), `activity ${period}`);
  }
}

async function insertEvents(events: readonly GraphUserEventsSummary[], label: string): Promise<void> {
  const rows = events.map((e, i) => ({ key: `${label}:${i}`, at: e.eventDateTime, doc: e }));
  await db.query(
    `INSERT INTO events (event_key, event_at, doc)
     SELECT r.key, r.at::timestamptz, r.doc FROM jsonb_to_recordset($1::jsonb) AS r(key text, at text, doc jsonb)`,
    [JSON.stringify(rows)],
  );
}

test(`an empty store gives Graph's rows with zero counts (${testBackend()})`, async () => {
  const features = await featureSummary(db, 'all', 'all');
  assert.equal(features.totalUserCount, 0);
  assert.deepEqual(features.userRegistrationFeatureCounts.map((c) => c.userCount), [0, 0, 0, 0, 0]);
  const methods = await methodSummary(db, 'member', 'admin');
  assert.deepEqual(
    methods.userRegistrationMethodCounts,
    ['password', ...REGISTERED_METHODS].map((authenticationMethod) => ({ authenticationMethod, userCount: 0 })),
  );
  const activity = await activitySummary(db, 'd30', MOCK_NOW);
  assert.equal(activity.length, GRAPH_ROWS);
  assert.ok(activity.every((r) => r.successfulActivityCount === 0 && r.failureActivityCount === 0));
});

test('tenant A: every scope and every Graph period match the mock', async () => {
  const tenant = createTenant({ users: 1500, seed: 7, now: MOCK_NOW });
  await db.reset();
  await loadTenant(db, tenant);
  await assertUserSummariesMatch(tenant);
  await assertActivityMatches(tenant);
});

test('tenant B, with names Graph did not list, repeated methods and older events: every scope and period match', async () => {
  const tenant = createTenant({ users: 2600, seed: 4242, now: MOCK_NOW });
  // Changed in place before the mock computes anything, so its summaries see the same rows as the store.
  tenant.users.forEach((u, i) => {
    if (i % 7 === 0) u.methodsRegistered = [...u.methodsRegistered, 'qrCode'];
    if (i % 11 === 0) u.methodsRegistered = [...u.methodsRegistered, 'passKeySynced', 'passKeySynced'];
    if (i % 13 === 0 && u.methodsRegistered.length) u.methodsRegistered = [...u.methodsRegistered, u.methodsRegistered[0]!];
  });
  tenant.events.forEach((e, i) => {
    if (i % 9 === 0) e.authMethod = 'qrCode';
    if (i % 17 === 0) e.feature = 'unknownFutureValue';
    if (i % 23 === 0) e.authMethod = e.feature === 'reset' ? 'fido2SecurityKey' : 'sms';
  });
  await db.reset();
  await loadTenant(db, tenant);
  await assertUserSummariesMatch(tenant);
  await assertActivityMatches(tenant);

  const mine = await methodSummary(db, 'all', 'all');
  const qr = mine.userRegistrationMethodCounts.find((c) => c.authenticationMethod === 'qrCode');
  assert.equal(qr?.userCount, Math.ceil(tenant.users.length / 7), 'an unknown method is counted');
  const synced = mine.userRegistrationMethodCounts.find((c) => c.authenticationMethod === 'passKeySynced');
  assert.equal(synced?.userCount, Math.ceil(tenant.users.length / 11), 'a method listed twice counts its user once');
  assert.deepEqual(
    mine.userRegistrationMethodCounts.slice(1 + REGISTERED_METHODS.length).map((c) => c.authenticationMethod),
    ['passKeySynced', 'qrCode'],
    'other names follow, by name',
  );
  const activity = await activitySummary(db, 'd30', tenant.now);
  const extraKeys = activity.slice(GRAPH_ROWS).map((r) => `${r.feature}/${r.authMethod}`);
  assert.ok(extraKeys.includes('registration/qrCode') && extraKeys.includes('reset/fido2SecurityKey'));
  assert.ok(extraKeys.some((k) => k.startsWith('unknownFutureValue/')));
  assert.deepEqual(extraKeys, [...extraKeys].sort(), 'other rows follow, by feature and method');

  // History past Graph's 30 days: copies of the tenant's events, moved back 31..400 days.
  const base = tenant.events.slice(0, 400);
  const older = base.map((e, i) => {
    const at = tenant.now.getTime() - 31 * DAY_MS - (i % 370) * DAY_MS - (i % 5) * 3_600_000;
    return { ...e, eventDateTime: `${new Date(at).toISOString().slice(0, 19)}Z` };
  });
  // On and just past each cutoff: an event at exactly now − span is out, one second later is in.
  const edges = [30, 90, 180, 365].flatMap((days, i) => [0, 1000].map((after, j) => ({
    ...base[i * 2 + j]!,
    eventDateTime: `${new Date(tenant.now.getTime() - days * DAY_MS + after).toISOString().slice(0, 19)}Z`,
  })));
  await insertEvents([...older, ...edges], 'older');
  const all = [...tenant.events, ...older, ...edges];
  const log = { events: all, timeMs: Float64Array.from(all, (e) => Date.parse(e.eventDateTime)) } as unknown as EventLog;
  for (const period of ENDPOINT_PERIODS) {
    // The mock's own counting with its d30 span: a `now` moved back by (days − 30) puts its cutoff at now − days.
    const days = Number(period.slice(1));
    const expected = mockActivitySummary(log, 'd30', 1, tenant.now.getTime() - (days - 30) * DAY_MS);
    // Events after the tenant's now would count in that reference too; there are none.
    assert.ok(all.every((e) => Date.parse(e.eventDateTime) <= tenant.now.getTime()));
    assert.deepEqual(comparable(await activitySummary(db, period, tenant.now)), comparable(expected), `activity ${period}`);
  }
  const d30 = await activitySummary(db, 'd30', tenant.now);
  const d365 = await activitySummary(db, 'd365', tenant.now);
  const total = (rows: GraphUserRegistrationActivitySummary[]) => rows.reduce((n, r) => n + r.successfulActivityCount + r.failureActivityCount, 0);
  assert.equal(total(d30), tenant.events.length + 1, 'd30 holds the tenant and the one event a second inside 30 days');
  assert.equal(total(d365), all.length - 1 - older.filter((e) => Date.parse(e.eventDateTime) <= tenant.now.getTime() - 365 * DAY_MS).length);
});

test('activity ids are UUIDs, unique in a period, the same on every call, different across periods', async () => {
  const seen = new Map<string, string>();
  for (const period of ENDPOINT_PERIODS) {
    const rows = await activitySummary(db, period, MOCK_NOW);
    assert.ok(rows.every((r) => UUID.test(r.id)), period);
    assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, `unique in ${period}`);
    for (const r of rows) {
      assert.ok(!seen.has(r.id), `unique across periods: ${r.id}`);
      seen.set(r.id, period);
    }
    const again = await activitySummary(db, period, new Date(MOCK_NOW.getTime() + 3_600_000));
    assert.deepEqual(again.slice(0, GRAPH_ROWS).map((r) => r.id), rows.slice(0, GRAPH_ROWS).map((r) => r.id), `stable in ${period}`);
  }
});

test("privilegedAdmin: the synced members' counts, a 503 before their first read, never a false zero; unknown parameters are refused", async () => {
  const tenant = createTenant({ users: 600, seed: 5, now: MOCK_NOW });
  await db.reset();
  await loadTenant(db, tenant);
  assert.equal((await featureSummary(db, 'all', 'privilegedAdmin')).totalUserCount, tenant.privilegedAdminIds.size);
  assert.ok(tenant.privilegedAdminIds.size > 0 && tenant.privilegedAdminIds.size < tenant.users.filter((u) => u.isAdmin).length);
  await db.query("DELETE FROM sync_checkpoints WHERE source = 'privilegedRoleMembers'");
  for (const summary of [featureSummary, methodSummary]) {
    for (const types of USER_TYPES) {
      await assert.rejects(summary(db, types, 'privilegedAdmin'), (e: unknown) => {
        assert.ok(e instanceof MockHttpError);
        assert.equal(e.status, 503);
        assert.equal(e.code, 'serviceNotAvailable');
        assert.equal(e.headers['retry-after'], '30');
        assert.match(e.message, /privileged role members/);
        return true;
      });
    }
    assert.equal((await summary(db, 'all', 'admin')).userRoles, 'admin', 'other scopes need no members read');
    await assert.rejects(summary(db, 'robot' as never, 'all'), RangeError);
    await assert.rejects(summary(db, 'all', 'owner' as never), RangeError);
  }
  await assert.rejects(activitySummary(db, 'd2' as never, MOCK_NOW), RangeError);
});
