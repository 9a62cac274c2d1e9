import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import type { Db, Queryable } from '../src/store/db.js';
import { runSync } from '../src/sync/run-sync.js';
import { CRASH_CHILD, runCrashChild, type CrashPlan } from './support/sync-crash-child.js';
import { startMockGraph, type MockGraph } from './support/mock-graph.js';
import { assertStoreMatches, count, fastSync, nextLinkOf } from './support/sync-support.js';
import { openTestDb, testBackend, type TestDb } from './support/test-db.js';

if (process.env[CRASH_CHILD]) {
  await runCrashChild(JSON.parse(process.env[CRASH_CHILD]) as CrashPlan);
} else {
  let db: TestDb;
  let mock: MockGraph;
  before(async () => {
    db = await openTestDb();
  });
  after(() => db.close());
  beforeEach(async () => {
    await db.reset();
    // 300 users in pages of 50: the $top Graph refuses, then six pages
    mock = await startMockGraph({ users: 300 }, { pageSize: 50 });
  });
  afterEach(() => mock.close());

  test(`a run stopped after page 2 (shutdown): the next run goes on from the checkpoint (${testBackend()})`, async () => {
    const controller = new AbortController();
    let requests = 0;
    const stopAtFourth: typeof fetch = (input, init) => {
      if (++requests === 4) controller.abort();
      return fetch(input, init);
    };
    const stopped = await runSync(fastSync(db, mock, { fetch: stopAtFourth, signal: controller.signal }));
    assert.equal(stopped?.status, 'aborted');
    assert.equal(stopped.sources.userRegistrationDetails!.status, 'failed');
    assert.equal(stopped.errors[0]!.kind, 'aborted');
    assert.equal(stopped.sources.userEventsSummary!.status, 'skipped');
    assert.equal(stopped.sources.userEventsSummary!.requests, 0, 'nothing more is asked once stopped');
    assert.equal(await count(db, 'user_staging'), 100);
    assert.ok(await nextLinkOf(db, 'userRegistrationDetails'));

    const resumed = await runSync(fastSync(db, mock));
    assert.equal(resumed?.status, 'succeeded', JSON.stringify(resumed?.errors));
    assert.equal(resumed.sources.userRegistrationDetails!.resumed, true);
    assert.equal(resumed.sources.userRegistrationDetails!.pages, 4);
    await assertStoreMatches(db, mock.tenant);
  });

  test('the database failing in the merge: nothing of it is kept, the next run reads the last page again and merges', async () => {
    let failed = false;
    const failing = (tx: Queryable): Queryable => ({
      query: (sql, params) => {
        if (!failed && sql.includes('INSERT INTO user_versions')) {
          failed = true;
          return Promise.reject(new Error('Connection terminated unexpectedly'));
        }
        return tx.query(sql, params);
      },
    });
    const flaky: Db = { ...db, transaction: (fn) => db.transaction((tx) => fn(failing(tx))) };
    const broken = await runSync(fastSync(db, mock, { db: flaky }));
    assert.equal(broken?.status, 'partial');
    assert.deepEqual([broken.errors[0]!.source, broken.errors[0]!.kind], ['userRegistrationDetails', 'store']);
    assert.equal(await count(db, 'user_versions'), 0);
    assert.equal(await count(db, 'user_staging'), 250, 'the last page went with the merge');
    assert.ok(await nextLinkOf(db, 'userRegistrationDetails'));
    assert.equal(broken.sources.directoryAudits!.status, 'succeeded');

    const next = await runSync(fastSync(db, mock));
    assert.equal(next?.sources.userRegistrationDetails!.pages, 1);
    assert.equal(next.status, 'succeeded');
    await assertStoreMatches(db, mock.tenant);
  });

  test('a network failure mid-read fails that source only', async () => {
    let requests = 0;
    const dropThird: typeof fetch = (input, init) => (++requests === 3 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init));
    const result = await runSync(fastSync(db, mock, { fetch: dropThird }));
    assert.equal(result?.status, 'partial');
    assert.deepEqual([result.errors[0]!.source, result.errors[0]!.kind], ['userRegistrationDetails', 'network']);
    assert.equal(result.sources.userEventsSummary!.status, 'succeeded');
    const next = await runSync(fastSync(db, mock));
    assert.equal(next?.status, 'succeeded');
    await assertStoreMatches(db, mock.tenant);
  });

  // Only a server database can be opened by a second process (the embedded one belongs to this one),
  // so this test exists on the PostgreSQL run only; the in-process crash tests above run on both.
  if (testBackend() === 'postgres') test('a process killed mid-read, then killed mid-merge: a fresh run leaves the rows equal to the source', async () => {
    const { rows } = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
    const base = {
      graphUrl: mock.url,
      connectionString: process.env.SSPR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      schema: rows[0]!.schema,
    };
    const crash = async (plan: Partial<CrashPlan>) => {
      const { NODE_TEST_CONTEXT: _, ...env } = process.env;
      const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
        env: { ...env, [CRASH_CHILD]: JSON.stringify({ ...base, ...plan }) },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
      assert.equal(signal, 'SIGKILL', `the child died as planned (exit code ${code})`);
    };

    await crash({ killAtRequest: 4 });
    assert.equal(await count(db, 'user_staging'), 100, 'two pages committed before it died');
    assert.ok(await nextLinkOf(db, 'userRegistrationDetails'));

    await crash({ killAtSql: 'INSERT INTO user_versions' });
    assert.equal(await count(db, 'user_versions'), 0, 'the merge died with its transaction');
    assert.equal(await count(db, 'user_staging'), 250);

    // The server notices the dead session (and frees its lock) a moment later.
    let result;
    for (let i = 0; i < 50 && !(result = await runSync(fastSync(db, mock))); i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(result?.status, 'succeeded', JSON.stringify(result?.errors));
    assert.equal(result.sources.userRegistrationDetails!.resumed, true);
    assert.equal(result.sources.userRegistrationDetails!.pages, 1);
    await assertStoreMatches(db, mock.tenant);
    const runs = await db.query<{ status: string }>('SELECT status FROM sync_runs ORDER BY run_id');
    assert.deepEqual(runs.rows.map((r) => r.status), ['interrupted', 'interrupted', 'succeeded']);
  });
}
