import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { createMockHandler } from '../../src/mock/handler.js';
import { runSync } from '../src/sync/run-sync.js';
import { MAX_RESTARTS } from '../src/sync/paged-read.js';
import { startMockGraph, type MockGraph } from './support/mock-graph.js';
import { assertStoreMatches, count, fastSync, nextLinkOf, recordingFetch, runClock } from './support/sync-support.js';
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

const PAGED = { pageSize: 50 } as const;

test(`a 429 storm with a short Retry-After, then 503s: waited out, every row once (${testBackend()})`, async () => {
  const clock = runClock();
  mock.configure({ ...PAGED, faults: { kind: '429', times: 3, retryAfter: '0.02' } });
  const first = await runSync(fastSync(db, mock, { now: clock.now }));
  assert.equal(first?.status, 'succeeded', JSON.stringify(first?.errors));
  assert.equal(first.sources.userRegistrationDetails!.waits, 3, 'each 429 waited out');
  assert.equal(first.requests, mock.requests.length, 'the throttled attempts are counted too');
  await assertStoreMatches(db, mock.tenant);

  mock.configure({ ...PAGED, faults: { kind: '503', times: 2, after: 4, retryAfter: '0.01' } });
  clock.advance();
  const second = await runSync(fastSync(db, mock, { now: clock.now }));
  assert.equal(second?.status, 'succeeded', JSON.stringify(second?.errors));
  assert.equal(second.sources.userRegistrationDetails!.waits, 2);
  assert.equal(await count(db, 'user_versions'), 300);
  await assertStoreMatches(db, mock.tenant);
});

test('an expired page token starts the read again from the first page: nothing doubled', async () => {
  mock.configure({ ...PAGED, faults: { kind: 'expired-token', times: 1, route: 'userEventsSummary' } });
  const result = await runSync(fastSync(db, mock));
  assert.equal(result?.status, 'succeeded', JSON.stringify(result?.errors));
  const events = result.sources.userEventsSummary!;
  assert.equal(events.restarts, 1);
  assert.equal(events.pages, 3, 'the first page again, then the second');
  assert.equal(events.inserted, mock.tenant.events.length);
  assert.equal(result.errors.length, 1);
  assert.deepEqual(
    { source: result.errors[0]!.source, kind: result.errors[0]!.kind, status: result.errors[0]!.status, recovered: result.errors[0]!.recovered },
    { source: 'userEventsSummary', kind: 'bad-request', status: 400, recovered: true },
  );
  assert.match(result.errors[0]!.graphMessage ?? '', /Token not found/);
  assert.equal(await count(db, 'event_staging'), 0);
  await assertStoreMatches(db, mock.tenant);

  mock.configure({ ...PAGED, faults: { kind: 'expired-token', times: 2, route: 'userRegistrationDetails' } });
  const again = await runSync(fastSync(db, mock));
  assert.equal(again?.status, 'succeeded');
  assert.equal(again.sources.userRegistrationDetails!.restarts, 2);
  assert.equal(await count(db, 'user_versions'), 300);
  await assertStoreMatches(db, mock.tenant);
});

test('page tokens that keep expiring: the source fails after a bounded number of restarts, the others are synced', async () => {
  mock.configure({ ...PAGED, faults: { kind: 'expired-token', route: 'userRegistrationDetails' } });
  const result = await runSync(fastSync(db, mock));
  assert.equal(result?.status, 'partial');
  const users = result.sources.userRegistrationDetails!;
  assert.equal(users.status, 'failed');
  assert.equal(users.restarts, MAX_RESTARTS);
  assert.equal(result.errors.filter((e) => e.recovered).length, MAX_RESTARTS);
  assert.equal(result.errors.filter((e) => !e.recovered).length, 1);
  assert.equal(await nextLinkOf(db, 'userRegistrationDetails'), undefined, 'the dead link is not kept');
  assert.equal(await count(db, 'user_versions'), 0);
  for (const source of ['userEventsSummary', 'directoryAudits', 'userPasswordResetsAndChangesSummary'] as const) {
    assert.equal(result.sources[source]!.status, 'succeeded');
  }
  mock.configure(PAGED);
  const next = await runSync(fastSync(db, mock));
  assert.equal(next?.status, 'succeeded');
  assert.equal(next.sources.userRegistrationDetails!.resumed, false);
  await assertStoreMatches(db, mock.tenant);
});

test('a 403 mid-paging: the source fails and is recorded, the others are synced, the next run goes on from its checkpoint', async () => {
  mock.configure({ ...PAGED, faults: { kind: '403', after: 3, route: 'userRegistrationDetails' } });
  const result = await runSync(fastSync(db, mock));
  assert.equal(result?.status, 'partial');
  const users = result.sources.userRegistrationDetails!;
  assert.equal(users.status, 'failed');
  assert.equal(users.pages, 2, 'the refused $top, two pages, then the 403');
  const error = result.errors[0]!;
  assert.deepEqual(
    { source: error.source, kind: error.kind, status: error.status, code: error.code },
    { source: 'userRegistrationDetails', kind: 'forbidden', status: 403, code: 'Authentication_RequestFromUnsupportedUserRole' },
  );
  assert.match(error.requestId ?? '', /^[0-9a-f-]{36}$/, 'the request-id, for a support ticket');
  assert.ok(error.message.length > 0);
  assert.equal(await count(db, 'user_versions'), 0, 'nothing merged before the read completes');
  assert.equal(await count(db, 'user_staging'), 100);
  assert.match((await nextLinkOf(db, 'userRegistrationDetails')) ?? '', /^v1\.0\/reports\/authenticationMethods\/userRegistrationDetails\?.*\$skiptoken=/);
  assert.equal(result.sources.userEventsSummary!.status, 'succeeded');
  const stored = await db.query<{ counts: Record<string, { status: string }>; errors: unknown[]; status: string }>('SELECT counts, errors, status FROM sync_runs');
  assert.equal(stored.rows[0]!.status, 'partial');
  assert.equal(stored.rows[0]!.counts.userRegistrationDetails!.status, 'failed');
  assert.deepEqual(stored.rows[0]!.errors, result.errors);

  mock.configure(PAGED);
  const recorder = recordingFetch();
  const next = await runSync(fastSync(db, mock, { fetch: recorder.fetch }));
  assert.equal(next?.status, 'succeeded', JSON.stringify(next?.errors));
  assert.equal(next.sources.userRegistrationDetails!.resumed, true);
  assert.equal(next.sources.userRegistrationDetails!.pages, 4, 'only the pages not read before');
  assert.match(recorder.requests[0]!.url, /userRegistrationDetails\?.*\$skiptoken=/, 'goes on from the stored link');
  assert.equal(await count(db, 'user_versions'), 300);
  await assertStoreMatches(db, mock.tenant);
});

test('a malformed page: the source fails, nothing of it is stored, the next run reads it again', async () => {
  mock.configure({ ...PAGED, faults: { kind: 'malformed', after: 1, times: 1, route: 'userEventsSummary' } });
  const result = await runSync(fastSync(db, mock));
  assert.equal(result?.status, 'partial');
  assert.equal(result.sources.userEventsSummary!.status, 'failed');
  assert.equal(result.errors[0]!.kind, 'malformed');
  assert.equal(await count(db, 'event_staging'), 50);
  assert.equal(await count(db, 'events'), 0);
  const next = await runSync(fastSync(db, mock));
  assert.equal(next?.status, 'succeeded');
  assert.equal(next.sources.userEventsSummary!.resumed, true);
  await assertStoreMatches(db, mock.tenant);
});

test("a page whose rows are not the report's is refused whole", async () => {
  const serve = createMockHandler({ tenant: mock.tenant, ...PAGED });
  let auditPages = 0;
  mock.use(async (request) => {
    const response = await serve(request);
    if (!request.url.includes('directoryAudits') || ++auditPages !== 2) return response;
    const body = (await response.json()) as { value: Record<string, unknown>[] };
    body.value[7] = { ...body.value[7], activityDateTime: 'yesterday' };
    return new Response(JSON.stringify(body), { status: 200, headers: response.headers });
  });
  const result = await runSync(fastSync(db, mock));
  assert.equal(result?.sources.directoryAudits!.status, 'failed');
  assert.equal(result.errors[0]!.kind, 'malformed');
  assert.match(result.errors[0]!.message, /row 7 .*activityDateTime/);
  assert.equal(await count(db, 'audits'), 50, 'the first page only');
  const next = await runSync(fastSync(db, mock));
  assert.equal(next?.status, 'succeeded');
  await assertStoreMatches(db, mock.tenant);
});

test('a 429 storm longer than maxWaitMs: the source fails at once, the others are synced, the next run goes on', async () => {
  mock.configure({ ...PAGED, faults: { kind: '429', after: 1, route: 'userEventsSummary', retryAfter: '30' } });
  const started = Date.now();
  const result = await runSync(fastSync(db, mock, { maxWaitMs: 200 }));
  assert.ok(Date.now() - started < 10_000, 'not sat through');
  assert.equal(result?.status, 'partial');
  const events = result.sources.userEventsSummary!;
  assert.equal(events.status, 'failed');
  assert.equal(events.pages, 1);
  assert.deepEqual({ kind: result.errors[0]!.kind, status: result.errors[0]!.status, code: result.errors[0]!.code }, { kind: 'throttled', status: 429, code: 'TooManyRequests' });
  assert.ok(await nextLinkOf(db, 'userEventsSummary'));
  assert.equal(result.sources.directoryAudits!.status, 'succeeded');
  mock.configure(PAGED);
  const next = await runSync(fastSync(db, mock));
  assert.equal(next?.status, 'succeeded');
  assert.equal(next.sources.userEventsSummary!.resumed, true);
  await assertStoreMatches(db, mock.tenant);
});

test('a token that cannot be obtained fails every source, and says why without the secret', async () => {
  const result = await runSync(
    fastSync(db, mock, { getToken: async () => Promise.reject(new Error('AADSTS7000215: Invalid client secret. Bearer abc.def.ghi')) }),
  );
  assert.equal(result?.status, 'failed');
  assert.equal(result.errors.length, 5);
  assert.equal(result.errors[0]!.kind, 'unauthenticated');
  assert.match(result.errors[0]!.message, /AADSTS7000215/);
  assert.doesNotMatch(JSON.stringify(result.errors), /abc\.def\.ghi/);
  assert.equal(mock.requests.length, 0);
});

test('a next link to another site is not followed, and the read is not taken for complete', async () => {
  const serve = createMockHandler({ tenant: mock.tenant, ...PAGED });
  let pages = 0;
  mock.use(async (request) => {
    const response = await serve(request);
    if (!request.url.includes('userRegistrationDetails') || response.status !== 200 || ++pages !== 2) return response;
    const body = (await response.json()) as { '@odata.nextLink'?: string };
    body['@odata.nextLink'] = body['@odata.nextLink']!.replace('https://graph.microsoft.com/', 'https://elsewhere.example/');
    return new Response(JSON.stringify(body), { status: 200, headers: response.headers });
  });
  const result = await runSync(fastSync(db, mock));
  assert.equal(result?.sources.userRegistrationDetails!.status, 'failed');
  assert.equal(result.errors[0]!.kind, 'malformed');
  assert.equal(await count(db, 'user_versions'), 0, 'two pages are not all the users');
  mock.configure(PAGED);
  const next = await runSync(fastSync(db, mock));
  assert.equal(next?.status, 'succeeded');
  await assertStoreMatches(db, mock.tenant);
});

test('the logs are structured and never carry the token', async () => {
  const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-payload.signature';
  const lines: { level: string; obj: object; msg?: string }[] = [];
  const log = {
    info: (obj: object, msg?: string) => lines.push({ level: 'info', obj, msg }),
    warn: (obj: object, msg?: string) => lines.push({ level: 'warn', obj, msg }),
    error: (obj: object, msg?: string) => lines.push({ level: 'error', obj, msg }),
  };
  mock.configure({ ...PAGED, faults: { kind: '403', after: 1, route: 'userEventsSummary' } });
  const result = await runSync(fastSync(db, mock, { getToken: async () => token, log }));
  assert.equal(result?.status, 'partial');
  assert.ok(lines.some((l) => l.level === 'error' && (l.obj as { source?: string }).source === 'userEventsSummary'));
  assert.ok(lines.some((l) => l.msg === 'sync run ended'));
  const text = JSON.stringify(lines) + JSON.stringify((await db.query('SELECT * FROM sync_runs')).rows);
  assert.ok(!text.includes('secret-payload'), 'no token in a log line or the run record');
});
