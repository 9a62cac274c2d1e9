import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { lastSynced, runSync } from '../src/sync/run-sync.js';
import { startMockGraph, type MockGraph } from './support/mock-graph.js';
import { fastSync, runClock } from './support/sync-support.js';
import { openTestDb, testBackend, type TestDb } from './support/test-db.js';

let db: TestDb;
let mock: MockGraph;
before(async () => {
  db = await openTestDb();
});
after(() => db.close());
beforeEach(async () => {
  await db.reset();
  mock = await startMockGraph({ users: 600 }, { pageSize: 1 });
});
afterEach(() => mock.close());

const storedMembers = async () =>
  (await db.query<{ user_id: string }>('SELECT DISTINCT user_id FROM privileged_members ORDER BY user_id')).rows.map((r) => r.user_id);

test(`the synced privileged role members are the tenant's privileged admins (${testBackend()})`, async () => {
  const clock = runClock();
  const run = await runSync(fastSync(db, mock, { now: clock.now }));
  assert.ok(run);
  assert.equal(run.status, 'succeeded', JSON.stringify(run.errors));
  assert.deepEqual(await storedMembers(), [...mock.tenant.privilegedAdminIds].sort());
  const report = run.sources.privilegedRoleMembers!;
  assert.equal(report.status, 'succeeded');
  const pairs = (await db.query<{ n: number | string }>('SELECT count(*) AS n FROM privileged_members')).rows[0]!.n;
  assert.equal(report.inserted, Number(pairs));
  assert.ok(report.pages > 10, `members paged: ${report.pages} pages`);
  assert.ok(report.requests >= report.pages);
  assert.equal((await lastSynced(db)).privilegedRoleMembers, clock.now().toISOString());

  // a second read replaces the set: a member that is no longer there is dropped
  await db.query("INSERT INTO privileged_members VALUES ('gone', '62e90394-69f5-4237-9190-012177145e10')");
  clock.advance();
  const second = await runSync(fastSync(db, mock, { now: clock.now }));
  assert.equal(second!.sources.privilegedRoleMembers!.closed, 1);
  assert.equal(second!.sources.privilegedRoleMembers!.inserted, 0);
  assert.deepEqual(await storedMembers(), [...mock.tenant.privilegedAdminIds].sort());
});

test('a failed members read keeps the stored set and records the error', async () => {
  await db.query("INSERT INTO privileged_members VALUES ('kept', '62e90394-69f5-4237-9190-012177145e10')");
  mock.close();
  mock = await startMockGraph({ users: 300 }, { pageSize: 50, faults: { kind: '403', route: '/members', after: 1 } });
  const run = await runSync(fastSync(db, mock, { now: runClock().now }));
  assert.equal(run!.status, 'partial');
  assert.equal(run!.sources.privilegedRoleMembers!.status, 'failed');
  assert.ok(run!.errors.some((e) => e.source === 'privilegedRoleMembers'));
  assert.deepEqual(await storedMembers(), ['kept']);
  assert.equal((await lastSynced(db)).privilegedRoleMembers, undefined);
});
