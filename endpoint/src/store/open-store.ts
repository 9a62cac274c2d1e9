import { mkdir } from 'node:fs/promises';
import type { EndpointConfig } from '../config.js';
import type { Db } from './db.js';
import { lockDataDir } from './data-dir-lock.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite-db.js';
import { openPostgres } from './postgres-db.js';

/** The configured database (PostgreSQL, else the embedded one in the data folder), migrated. */
export async function openStore(config: Pick<EndpointConfig, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  let db: Db;
  if (config.databaseUrl) {
    db = openPostgres({ connectionString: config.databaseUrl });
  } else {
    await mkdir(config.dataDir, { recursive: true });
    const release = await lockDataDir(config.dataDir);
    try {
      const embedded = await openPglite(config.dataDir);
      db = { ...embedded, close: () => embedded.close().finally(release) };
    } catch (e) {
      await release();
      throw e;
    }
  }
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
  return db;
}
