import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { GRAPH_REPORTS_BUDGET } from '../../src/graph/types.js';
import { runSync } from '../src/sync/run-sync.js';
import { startMockGraph, type MockGraph } from './support/mock-graph.js';
import { assertStoreMatches, count, fastSync, recordingFetch, type RecordedRequest } from './support/sync-support.js';
import { openTestDb, testBackend, type TestDb } from './support/test-db.js';

let db: TestDb;
let mock: MockGraph;
before(async () => {
  db = await openTestDb();
});
after(() => db.close());
beforeEach(async () => {
  await db.reset();
});
afterEach(() => mock.close());

/** The most requests sent within any window of `perMs`. */
function busiestWindow(requests: readonly RecordedRequest[], perMs: number): number {
  const times = requests.map((r) => r.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= perMs) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

test(`Graph's budget by default: at most 5 requests in any 10 s, across runs (${testBackend()})`, async () => {
  // 50 users: the refused $top and one page, then one page per report: five requests a run; then the
  // directory roles and the members of each of the nine privileged ones: ten more
  mock = await startMockGraph({ users: 50 });
  const recorder = recordingFetch();
  const options = { ...fastSync(db, mock, { fetch: recorder.fetch }), budget: undefined };
  const first = await runSync(options);
  const second = await runSync(options);
  assert.equal(first?.status, 'succeeded');
  assert.equal(second?.status, 'succeeded');
  assert.equal(recorder.requests.length, 9 + 2 * 10);
  assert.equal(busiestWindow(recorder.requests, GRAPH_REPORTS_BUDGET.perMs), GRAPH_REPORTS_BUDGET.requests);
  const sixth = recorder.requests[5]!.at - recorder.requests[0]!.at;
  assert.ok(sixth >= 10_000, `the sixth request waited for the window (${sixth} ms)`);
  await assertStoreMatches(db, mock.tenant);
});

test('a budget of its own is kept in every sliding window', async () => {
  mock = await startMockGraph({ users: 300 }, { pageSize: 40 });
  const recorder = recordingFetch();
  const budget = { requests: 3, perMs: 600 };
  const result = await runSync({ ...fastSync(db, mock, { fetch: recorder.fetch }), budget });
  assert.equal(result?.status, 'succeeded');
  assert.ok(recorder.requests.length >= 15, `${recorder.requests.length} requests`);
  assert.equal(busiestWindow(recorder.requests, budget.perMs), budget.requests);
  await assertStoreMatches(db, mock.tenant);
});

test('two runs at once: one syncs, the other returns undefined without a request', async () => {
  mock = await startMockGraph({ users: 50 });
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const recorder = recordingFetch(async (input, init) => {
    await gate;
    return fetch(input, init);
  });
  const options = fastSync(db, mock, { fetch: recorder.fetch });
  const runs = [runSync(options), runSync(options)];
  const loser = await Promise.race(runs.map((run, i) => run.then((result) => ({ i, result }))));
  assert.equal(loser.result, undefined, 'the one that finished first found the lock held');
  open();
  const winner = await runs[1 - loser.i]!;
  assert.equal(winner?.status, 'succeeded');
  assert.equal(recorder.requests.length, winner.requests, "every request was the winner's");
  assert.equal(await count(db, 'sync_runs'), 1);
  await assertStoreMatches(db, mock.tenant);
});
