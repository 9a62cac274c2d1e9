import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { createMockHandler } from '../../src/mock/handler.js';
import { lastSynced, runSync, SYNC_SOURCES, syncStatus, type SourceReport } from '../src/sync/run-sync.js';
import { AUDIT_OVERLAP_MS } from '../src/sync/source-audits.js';
import { startMockGraph, type MockGraph } from './support/mock-graph.js';
import { alteredTenant, assertStoreMatches, count, fastSync, recordingFetch, runClock } from './support/sync-support.js';
import { openTestDb, testBackend, type TestDb } from './support/test-db.js';

let db: TestDb;
let mock: MockGraph;
before(async () => {
  db = await openTestDb();
});
after(() => db.close());
beforeEach(async () => {
  await db.reset();
  mock = await startMockGraph({ users: 300 }, { pageSize: 50 });
});
afterEach(() => mock.close());

test(`a full sync stores every row once; a second changes nothing (${testBackend()})`, async () => {
  const clock = runClock();
  const first = await runSync(fastSync(db, mock, { now: clock.now }));
  assert.ok(first);
  assert.equal(first.status, 'succeeded', JSON.stringify(first.errors));
  assert.deepEqual(first.errors, []);
  await assertStoreMatches(db, mock.tenant);
  const users = first.sources.userRegistrationDetails!;
  assert.equal(users.read, 300);
  assert.equal(users.inserted, 300);
  assert.equal(users.pages, 6);
  assert.equal(first.sources.userEventsSummary!.inserted, mock.tenant.events.length);
  assert.equal(first.sources.directoryAudits!.inserted, mock.tenant.audits.length);
  assert.equal(first.requests, mock.requests.length, 'every request counted');
  assert.equal(Object.values(first.sources).reduce((n, s) => n + s.requests, 0), first.requests);

  const recorder = recordingFetch();
  clock.advance();
  const second = await runSync(fastSync(db, mock, { now: clock.now, fetch: recorder.fetch }));
  assert.ok(second);
  assert.equal(second.status, 'succeeded');
  for (const source of SYNC_SOURCES) {
    const s: SourceReport = second.sources[source]!;
    assert.deepEqual([s.inserted, s.changed, s.closed], [0, 0, 0], `${source} unchanged`);
  }
  assert.equal(await count(db, 'user_versions'), 300, 'no new versions');
  await assertStoreMatches(db, mock.tenant);

  // the audits are read from the newest entry seen less the overlap
  const newest = mock.tenant.audits.map((a) => Date.parse(a.activityDateTime)).reduce((a, b) => Math.max(a, b));
  const auditUrl = decodeURIComponent(recorder.requests.find((r) => r.url.includes('directoryAudits'))!.url);
  const since = /activityDateTime ge ([^)\s&]+)/.exec(auditUrl)?.[1];
  assert.ok(since, auditUrl);
  assert.ok(Math.abs(Date.parse(since) - (newest - AUDIT_OVERLAP_MS)) < 1, `${since} is the newest entry less an hour`);
  assert.match(auditUrl, /loggedByService eq 'Self-service Password Management'\) or \(loggedByService eq 'Authentication Methods'/);
  assert.ok(!recorder.requests.some((r) => /userRegistrationDetails\?\$top/.test(r.url)), 'a refused $top is not asked again');

  const synced = await lastSynced(db);
  assert.deepEqual(Object.keys(synced).sort(), [...SYNC_SOURCES].sort());
  assert.equal(synced.userRegistrationDetails, clock.now().toISOString());
  const status = await syncStatus(db);
  assert.deepEqual(status.runs.map((r) => r.runId), [second.runId, first.runId]);
  assert.equal(status.lastSucceeded?.runId, second.runId);
  assert.deepEqual(status.runs[0]!.sources, second.sources);
  assert.equal(status.runs[0]!.endedAt, second.endedAt);
  assert.equal(status.sources.userEventsSummary.readInProgress, false);
});

test('a changed user gets a new version, a removed one is closed, an unchanged one only its refreshed doc', async () => {
  const clock = runClock();
  const first = await runSync(fastSync(db, mock, { now: clock.now }));
  assert.equal(first?.status, 'succeeded');
  const base = mock.tenant;
  const users = base.users.map((u) => structuredClone(u));
  const [changed, removed, refreshed] = users;
  changed!.isSsprRegistered = !changed!.isSsprRegistered;
  refreshed!.lastUpdatedDateTime = '2026-11-30T13:00:00Z';
  const added = { ...structuredClone(users[3]!), id: '00000000-0000-4000-8000-000000000001', userPrincipalName: 'new.user@contoso.example' };
  const nextUsers = [...users.filter((u) => u !== removed), added];
  // an event identical to one already stored, and a new one; the newest audit changed and a newer one
  const newestEvent = base.events[0]!;
  const newEvent = { ...newestEvent, eventDateTime: '2026-11-30T11:59:00Z', isSuccess: !newestEvent.isSuccess };
  const audits = base.audits.map((a) => structuredClone(a));
  audits[0]!.resultReason = 'changed later';
  const newAudit = { ...structuredClone(audits[1]!), id: 'SSPR_new-entry', activityDateTime: '2026-11-30T11:59:30.0000000Z' };
  const resets = base.resetsAndChanges();
  resets[0]!.passwordResetsSelfServiceCount += 5;
  const next = alteredTenant(base, { users: nextUsers, events: [newEvent, ...base.events, newestEvent], audits: [newAudit, ...audits], resets });
  mock.use(createMockHandler({ tenant: next, pageSize: 50 }));

  const runAt = clock.advance();
  const second = await runSync(fastSync(db, mock, { now: clock.now }));
  assert.ok(second);
  assert.equal(second.status, 'succeeded', JSON.stringify(second.errors));
  const u = second.sources.userRegistrationDetails!;
  assert.deepEqual({ inserted: u.inserted, changed: u.changed, closed: u.closed }, { inserted: 1, changed: 1, closed: 1 });
  assert.equal(second.sources.userEventsSummary!.inserted, 2, 'the identical event is a second one; the new one is new');
  assert.deepEqual([second.sources.directoryAudits!.inserted, second.sources.directoryAudits!.changed], [1, 1]);
  const r = second.sources.userPasswordResetsAndChangesSummary!;
  assert.deepEqual([r.inserted, r.changed], [0, 1]);
  await assertStoreMatches(db, next);

  const versions = async (id: string) =>
    (await db.query<{ valid_from: string; valid_to: string | null; doc: Record<string, unknown> }>(
      'SELECT valid_from, valid_to, doc FROM user_versions WHERE user_id = $1 ORDER BY valid_from', [id])).rows;
  const iso = (t: string | null) => (t === null ? null : new Date(t.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString());
  const history = await versions(changed!.id);
  assert.equal(history.length, 2);
  assert.equal(iso(history[0]!.valid_to), runAt.toISOString(), 'the old state ends at the run');
  assert.equal(iso(history[1]!.valid_from), runAt.toISOString(), 'the new state begins at the run');
  assert.equal(history[1]!.valid_to, null);
  assert.equal(history[1]!.doc.isSsprRegistered, changed!.isSsprRegistered);
  const gone = await versions(removed!.id);
  assert.deepEqual(gone.map((v) => iso(v.valid_to)), [runAt.toISOString()], 'the removed user is closed');
  const same = await versions(refreshed!.id);
  assert.equal(same.length, 1, 'a new lastUpdatedDateTime is no new state');
  assert.equal(same[0]!.doc.lastUpdatedDateTime, '2026-11-30T13:00:00Z');
  assert.equal(await count(db, 'user_versions'), 302);

  clock.advance();
  const third = await runSync(fastSync(db, mock, { now: clock.now }));
  assert.equal(third?.sources.userEventsSummary!.inserted, 0, 'reading the window again doubles nothing');
  assert.equal(await count(db, 'user_versions'), 302);
  await assertStoreMatches(db, next);
});

test('a user who comes back gets a new version; the merge never begins a version before the last one', async () => {
  const clock = runClock();
  await runSync(fastSync(db, mock, { now: clock.now }));
  const base = mock.tenant;
  mock.use(createMockHandler({ tenant: alteredTenant(base, { users: base.users.slice(1) }), pageSize: 50 }));
  clock.advance();
  assert.equal((await runSync(fastSync(db, mock, { now: clock.now })))?.sources.userRegistrationDetails!.closed, 1);
  mock.use(createMockHandler({ tenant: base, pageSize: 50 }));
  // a clock behind the store's (another replica's): the versions still follow each other
  clock.advance(-7_200_000);
  const back = await runSync(fastSync(db, mock, { now: clock.now }));
  assert.equal(back?.status, 'succeeded', JSON.stringify(back?.errors));
  assert.equal(back.sources.userRegistrationDetails!.inserted, 1);
  const { rows } = await db.query<{ n: number }>('SELECT count(*) AS n FROM user_versions WHERE user_id = $1', [base.users[0]!.id]);
  assert.equal(rows[0]!.n, 2);
  await assertStoreMatches(db, base);
});
