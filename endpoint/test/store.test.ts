import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MIGRATIONS, migrate } from '../src/store/migrate.js';
import { openStore } from '../src/store/open-store.js';
import { openTestDb, testBackend, type TestDb } from './support/test-db.js';

let db: TestDb;
before(async () => {
  db = await openTestDb();
});
after(() => db.close());

test(`migrations are applied once, and again on an emptied database (${testBackend()})`, async () => {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
  assert.deepEqual(rows.map((r) => r.name), MIGRATIONS.map((m) => m.name));
  assert.deepEqual(await migrate(db), [], 'a second run applies nothing');
  await db.query("INSERT INTO daily_resets (day, doc) VALUES ('2026-12-01', '{}')");
  await db.reset();
  const { rows: left } = await db.query('SELECT * FROM daily_resets');
  assert.equal(left.length, 0);
});

test('a transaction that throws leaves nothing behind; timestamps and counts come back as text and numbers', async () => {
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.query("INSERT INTO daily_resets (day, doc) VALUES ('2026-12-02', '{}')");
      throw new Error('stop');
    }),
    /stop/,
  );
  assert.equal((await db.query('SELECT * FROM daily_resets')).rows.length, 0);
  const { rows } = await db.query<{ at: unknown; n: unknown }>("SELECT '2026-12-02T10:00:00Z'::timestamptz AS at, count(*) AS n FROM daily_resets");
  assert.equal(typeof rows[0]!.at, 'string');
  assert.equal(new Date(String(rows[0]!.at)).toISOString(), '2026-12-02T10:00:00.000Z');
  assert.equal(rows[0]!.n, 0);
});

test('the sync lock is held by one caller at a time', async () => {
  let release!: () => void;
  const first = db.withLock(42, () => new Promise<string>((r) => (release = () => r('first'))));
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(await db.withLock(42, async () => 'second'), undefined, 'refused while held');
  release();
  assert.equal(await first, 'first');
  assert.equal(await db.withLock(42, async () => 'third'), 'third', 'free again');
});

test('the embedded database belongs to one process: a second opening is refused, a dead owner is taken over', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sspr-lock-'));
  const first = await openStore({ dataDir });
  try {
    await writeFile(path.join(dataDir, '.sspr-endpoint.lock'), String(process.ppid)); // a live process that is not us
    await assert.rejects(openStore({ dataDir }), (e: Error) => e.name === 'DataDirInUseError' && e.message.includes(`open in process ${process.ppid}`));
  } finally {
    await first.close();
  }
  await writeFile(path.join(dataDir, '.sspr-endpoint.lock'), '999999999'); // left by a process that died
  const again = await openStore({ dataDir });
  assert.equal((await again.query<{ n: number }>('SELECT count(*) AS n FROM sync_runs')).rows[0]!.n, 0, 'opened and migrated');
  await again.close();
});
