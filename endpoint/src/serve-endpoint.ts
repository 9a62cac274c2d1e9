/**
 * `serve`: the store opened and migrated, the HTTP server listening (loopback only), the scheduled
 * sync started; on SIGINT/SIGTERM the sync stops at a checkpoint, in-flight requests finish, then the
 * database closes.
 */
import type { EndpointConfig } from './config.js';
import type { Logger } from './log.js';
import { buildApp, type EndpointApp } from './serve/app.js';
import { assertLoopback } from './serve/listen-guard.js';
import type { Db } from './store/db.js';
import { openStore } from './store/open-store.js';
import { startSyncScheduler, type SyncScheduler } from './sync-scheduler.js';
import { lastSynced, syncStatus } from './sync/run-sync.js';
import { graphTokenSource } from './upstream/credentials.js';

export interface RunningEndpoint {
  url: string;
  app: EndpointApp;
  db: Db;
  close(): Promise<void>;
}

export interface ServeOptions {
  config: EndpointConfig;
  log: Logger;
  /** Sync on the schedule from this process (default true). */
  sync?: boolean;
  /** Stop on SIGINT/SIGTERM (default true; tests handle their own). */
  handleSignals?: boolean;
  /** Where the Graph credential comes from (default process.env). */
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

export async function serveEndpoint(options: ServeOptions): Promise<RunningEndpoint> {
  const { config, log } = options;
  assertLoopback(config.host);
  // a missing or half-set credential stops the start before anything listens
  const getToken = options.sync !== false && config.syncIntervalSeconds > 0 ? graphTokenSource(options.env ?? process.env, config.graphUrl) : undefined;
  const db = await openStore(config);
  let app: EndpointApp | undefined;
  let scheduler: SyncScheduler | undefined;
  try {
    app = await buildApp({
      db,
      log,
      now: options.now,
      publicUrl: config.publicUrl,
      lastSynced: () => lastSynced(db),
      status: async () => ({ ...(await syncStatus(db)) }),
      maxAgeSeconds: 2 * (config.syncIntervalSeconds || 3600),
    });
    await app.listen({ host: config.host, port: config.port });
  } catch (e) {
    await app?.close().catch(() => {});
    await db.close().catch(() => {});
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  if (options.sync !== false && config.syncIntervalSeconds > 0) {
    scheduler = startSyncScheduler({ db, log, graphUrl: config.graphUrl, getToken, intervalSeconds: config.syncIntervalSeconds, now: options.now });
  }
  log.info({ url, graph: config.graphUrl, store: config.databaseUrl ? 'postgres' : 'embedded' }, 'endpoint listening');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await scheduler?.stop();
      await app.close();
      await db.close();
    })());
  if (options.handleSignals !== false) {
    const onSignal = (signal: string) => {
      log.info({ signal }, 'shutting down');
      void close().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { url, app, db, close };
}
