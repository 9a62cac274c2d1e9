/**
 * A synced store for a server in another process, built the way the bench builds its big store (the
 * mock Graph in a process of its own, one sync with the budget off): PGlite in a fresh data folder,
 * closed once synced so the server can open it (one process per data folder); PostgreSQL in the
 * bench's database (bench-db.ts), dropped at dispose. `env` is what `serve` needs to open it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate } from '../src/store/migrate.js';
import { openPglite } from '../src/store/pglite-db.js';
import { openBenchDb, type Backend } from './bench-db.js';
import { startMockProcess } from './mock-process.js';
import { measureSync, type SyncMeasure } from './sync-bench.js';

export interface ServedStore {
  backend: Backend;
  version: string;
  tenant: { users: number; events: number; audits: number; days: number };
  sync: SyncMeasure;
  /** DATABASE_URL, or SSPR_DATA_DIR. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export interface StoreOptions {
  users: number;
  events: number;
  now: Date;
  postgresUrl: string;
}

export async function buildServedStore(backend: Backend, options: StoreOptions, log: (message: string) => void): Promise<ServedStore> {
  const mock = await startMockProcess({ users: options.users, events: options.events, now: options.now });
  log(`mock Graph: ${mock.users} users, ${mock.events} events, ${mock.audits} audits, built in ${(mock.builtMs / 1000).toFixed(1)} s`);
  const tenant = { users: mock.users, events: mock.events, audits: mock.audits, days: mock.days };
  try {
    if (backend === 'pglite') {
      const dir = await mkdtemp(path.join(tmpdir(), 'sspr-bench-load-'));
      try {
        const db = await openPglite(dir);
        let sync: SyncMeasure;
        let version: string;
        try {
          await migrate(db);
          sync = await measureSync(db, mock.url, false);
          const { rows } = await db.query<{ v: string }>("SELECT current_setting('server_version') AS v");
          version = `PGlite (PostgreSQL ${rows[0]!.v})`;
        } finally {
          await db.close();
        }
        log(`synced: ${(sync.wallMs / 1000).toFixed(1)} s`);
        return { backend, version, tenant, sync, env: { SSPR_DATA_DIR: dir }, dispose: () => rm(dir, { recursive: true, force: true }) };
      } catch (e) {
        await rm(dir, { recursive: true, force: true });
        throw e;
      }
    }
    const bench = await openBenchDb('postgres', options.postgresUrl);
    try {
      const sync = await measureSync(bench.db, mock.url, false);
      log(`synced: ${(sync.wallMs / 1000).toFixed(1)} s`);
      const { rows } = await bench.db.query<{ name: string }>('SELECT current_database() AS name');
      const url = new URL(options.postgresUrl);
      url.pathname = `/${rows[0]!.name}`;
      // the bench's pool stays open (idle, its connections time out) until dispose drops the database
      return { backend, version: bench.version, tenant, sync, env: { DATABASE_URL: url.href }, dispose: () => bench.dispose() };
    } catch (e) {
      await bench.dispose();
      throw e;
    }
  } finally {
    await mock.stop().catch(() => {});
  }
}
