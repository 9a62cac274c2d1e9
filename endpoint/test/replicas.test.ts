import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { createMockHandler } from '../../src/mock/handler.js';
import { createLogger } from '../src/log.js';
import { startSyncScheduler } from '../src/sync-scheduler.js';
import { runSync, runSyncIfDue, SYNC_LOCK, type SyncResult } from '../src/sync/run-sync.js';
import { startMockGraph, type MockGraph } from './support/mock-graph.js';
import { REPLICA_CHILD, runReplicaChild, spawnReplica, type LogLine, type Replica, type ReplicaPlan } from './support/replica-child.js';
import { assertStoreMatches, fastSync } from './support/sync-support.js';
import { openTestDb, testBackend, type TestDb } from './support/test-db.js';

const HELD = 'another process is syncing; this one serves only';
const NOT_DUE = 'a sync ran within the interval; none due yet';

if (process.env[REPLICA_CHILD]) {
  await runReplicaChild(JSON.parse(process.env[REPLICA_CHILD]) as ReplicaPlan);
} else {
  // Replicas are processes sharing a server database; the embedded one belongs to one process.
  // (not registered at all on PGlite, as in sync-crash.test.ts: the run on PostgreSQL has them)
  const postgresTest = (name: string, fn: () => Promise<void>) => {
    if (testBackend() === 'postgres') test(name, fn);
  };
  let db: TestDb;
  let mock: MockGraph;
  let replicas: Replica[] = [];
  before(async () => {
    db = await openTestDb();
  });
  after(() => db.close());
  beforeEach(async () => {
    await db.reset();
    mock = await startMockGraph({ users: 300 }, { pageSize: 50 });
  });
  afterEach(async () => {
    await Promise.all(replicas.map((r) => r.kill()));
    replicas = [];
    await mock.close();
  });

  /** Holds every Graph request until `open()`; `hook` runs on each before it is answered. */
  const holdGraph = (hook?: (path: string) => Promise<void> | void) => {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const serve = createMockHandler({ tenant: mock.tenant, pageSize: 50 });
    mock.use(async (request) => {
      await opened;
      await hook?.(new URL(request.url).pathname);
      return serve(request);
    });
    return { open };
  };

  const until = async (done: () => boolean, what: string, timeoutMs = 10_000) => {
    for (const end = Date.now() + timeoutMs; !done(); await new Promise((r) => setTimeout(r, 20))) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    }
  };

  const runRows = async () => (await db.query<{ status: string; requests: number }>('SELECT status, requests FROM sync_runs ORDER BY run_id')).rows;

  /** Two replicas on this test's schema; resolves once one logged the lock held: [the syncing one, the idle one]. */
  const startReplicas = async (): Promise<[Replica, Replica]> => {
    const { rows } = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
    const plan = {
      graphUrl: mock.url,
      connectionString: process.env.SSPR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      schema: rows[0]!.schema,
      intervalSeconds: 3600,
      retrySeconds: 1,
    };
    const bundle = fileURLToPath(import.meta.url);
    replicas = [spawnReplica(bundle, { ...plan, name: 'a' }), spawnReplica(bundle, { ...plan, name: 'b' })];
    const [a, b] = replicas as [Replica, Replica];
    const held = (r: Replica) => r.lines.some((l) => l.msg === HELD);
    await until(() => held(a) || held(b), 'a replica to find the lock held', 15_000);
    return held(a) ? [b, a] : [a, b];
  };

  test(`a run that ended partial or failed counts as the interval's run too, an interrupted one does not (${testBackend()})`, async () => {
    const due = () => runSyncIfDue({ ...fastSync(db, mock), onlyIfLastRunOlderThanMs: 3_600_000 });
    await db.query("INSERT INTO sync_runs (started_at, ended_at, status) VALUES (now() - interval '2 minutes', now() - interval '1 minute', 'interrupted')");
    await db.query("INSERT INTO sync_runs (started_at, ended_at, status) VALUES (now() - interval '9 minutes', now() - interval '8 minutes', 'partial')");
    const answer = await due();
    assert.equal(answer?.status, 'not-due', 'a report that always fails (a missing permission) must not make every replica sync at every retry');
    assert.equal(mock.requests.length, 0);
    await db.query("UPDATE sync_runs SET ended_at = now() - interval '2 hours' WHERE status = 'partial'");
    assert.equal((await due())?.status, 'succeeded', 'an hour after it, a run is due');
  });

  test(`a replica finding the lock held tries again soon, then finds the fresh run and does nothing until due (${testBackend()})`, async () => {
    const graph = holdGraph();
    const first = runSync(fastSync(db, mock)); // the other replica: holds the lock, its first request held
    await until(() => mock.requests.length > 0, 'the first run to ask Graph');
    const lines: LogLine[] = [];
    const log = createLogger('debug', { write: (s: string) => void lines.push(JSON.parse(s) as LogLine) });
    const runs: SyncResult[] = [];
    const options = { ...fastSync(db, mock), log, intervalSeconds: 3600, retrySeconds: 0.05, onRun: (r: SyncResult) => void runs.push(r) };
    const scheduler = startSyncScheduler(options);
    try {
      await until(() => lines.filter((l) => l.msg === HELD).length >= 3, 'three tries while the lock is held');
      graph.open();
      const done = await first;
      assert.equal(done?.status, 'succeeded');
      await until(() => lines.some((l) => l.msg === NOT_DUE), 'a try that finds the fresh run');
      assert.deepEqual(lines.filter((l) => l.msg === HELD).map((l) => l.level).slice(0, 2), [30, 20], 'said at info once, then at debug');
      assert.equal(runs.length, 0, 'no run of its own');
      assert.equal(mock.requests.length, done.requests, 'Graph asked once per request of the one run');
    } finally {
      await scheduler.stop();
    }
    // the last success older than the interval: a run at once, reported to onRun
    const later = startSyncScheduler({ ...options, now: () => new Date(Date.now() + 2 * 3600_000) });
    try {
      await until(() => runs.length > 0, 'the due run');
      assert.equal(runs[0]!.status, 'succeeded');
      assert.deepEqual((await runRows()).map((r) => r.status), ['succeeded', 'succeeded']);
    } finally {
      await later.stop();
    }
  });

  postgresTest('two replicas started together: one syncs, the other finds the lock held, then the fresh run', async () => {
    const graph = holdGraph();
    const [syncing, idle] = await startReplicas(); // the first run's requests wait until the other has tried
    graph.open();
    const ended = await syncing.waitFor((l) => l.msg === 'replica run');
    assert.equal(ended.status, 'succeeded');
    await idle.waitFor((l) => l.msg === NOT_DUE);
    assert.ok(syncing.alive() && idle.alive(), 'both replicas still run');
    assert.ok(!idle.lines.some((l) => l.msg === 'sync run started'), 'the idle replica never ran');
    const rows = await runRows();
    assert.deepEqual(rows.map((r) => r.status), ['succeeded'], 'one run in all');
    assert.ok(rows[0]!.requests > 0);
    assert.equal(mock.requests.length, rows[0]!.requests, "Graph saw exactly one sync's requests");
  });

  postgresTest('the syncing replica killed mid-read: the other takes over within seconds and completes from the checkpoint', async () => {
    let syncing: Replica | undefined;
    let users = 0;
    let killedAt = 0;
    const graph = holdGraph(async (path) => {
      // the 4th users request: the $top refused, then two pages stored; the third page is asked for
      if (!path.includes('userRegistrationDetails') || ++users !== 4) return;
      killedAt = Date.now();
      await syncing!.kill();
      throw new Error('its replica is gone');
    });
    const [first, other] = await startReplicas();
    syncing = first;
    graph.open();
    const started = await other.waitFor((l) => l.msg === 'sync run started');
    assert.ok(killedAt > 0 && !first.alive(), 'the first replica was killed');
    assert.ok(started.time - killedAt < 5000, `taken over ${started.time - killedAt} ms after the kill`);
    const ended = await other.waitFor((l) => l.msg === 'replica run');
    assert.equal(ended.status, 'succeeded');
    const done = await other.waitFor((l) => l.msg === 'sync source done' && l.source === 'userRegistrationDetails');
    assert.equal(done.resumed, true, 'went on from the checkpoint');
    assert.deepEqual((await runRows()).map((r) => r.status), ['interrupted', 'succeeded']);
    await assertStoreMatches(db, mock.tenant);
  });

  postgresTest('the lock session terminated mid-run: no crash, the run stops at a checkpoint, the next one completes', async () => {
    const warnings: string[] = [];
    let noticed!: () => void;
    const lockLost = new Promise<void>((resolve) => (noticed = resolve));
    const log = {
      info() {},
      error() {},
      warn(_: object, msg?: string) {
        warnings.push(msg ?? '');
        if (msg?.startsWith('sync lock lost')) noticed();
      },
    };
    let users = 0;
    let terminated = 0;
    const graph = holdGraph(async (path) => {
      if (!path.includes('userRegistrationDetails') || ++users !== 3) return;
      // this schema's sync lock, from another session (the key: schema hash above, SYNC_LOCK below)
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(pg_terminate_backend(pid)) AS n FROM pg_locks
         WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND objid::bigint = $1
           AND classid::bigint = (hashtext(current_schema()) & 2097151)
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [SYNC_LOCK],
      );
      terminated = rows[0]!.n;
      await lockLost;
    });
    graph.open();
    const stopped = await runSync(fastSync(db, mock, { log }));
    assert.equal(terminated, 1, 'the lock session was found and terminated');
    assert.equal(stopped?.status, 'aborted');
    assert.ok(stopped.errors.some((e) => e.kind === 'lock-lost' && e.source === 'userRegistrationDetails'), JSON.stringify(stopped.errors));
    assert.equal(stopped.sources.userEventsSummary!.status, 'skipped');
    assert.ok(warnings.some((w) => w.startsWith('sync lock lost')));

    const next = await runSync(fastSync(db, mock));
    assert.equal(next?.status, 'succeeded', JSON.stringify(next?.errors));
    assert.equal(next.sources.userRegistrationDetails!.resumed, true);
    await assertStoreMatches(db, mock.tenant);
    assert.deepEqual((await runRows()).map((r) => r.status), ['aborted', 'succeeded']);
  });

  postgresTest('a page written after the lock was lost is refused by the fence, and rolled back', async () => {
    const key = 0x7e57_0001;
    const outcome = await db.withLock(key, async (lost, fence) => {
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(pg_terminate_backend(pid)) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid::bigint = $1 AND classid = 0",
        [key],
      );
      assert.equal(rows[0]!.n, 1, 'the lock session terminated');
      // the server ends the session a moment later; the fence asks the server, whatever this process has noticed
      for (let i = 0; i < 100; i++) {
        const held = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid::bigint = $1 AND classid = 0", [key]);
        if (held.rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const write = db.transaction(async (tx) => {
        await tx.query("INSERT INTO sync_runs (started_at, status) VALUES (now(), 'running')");
        await fence(tx);
      });
      await assert.rejects(write, (e: Error) => e.name === 'LockLostError');
      assert.equal(lost.aborted, true, 'and the run is told to stop');
      return 'ran';
    });
    assert.equal(outcome, 'ran');
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sync_runs');
    assert.equal(rows[0]!.n, 0, 'the fenced write was rolled back');
  });
}
