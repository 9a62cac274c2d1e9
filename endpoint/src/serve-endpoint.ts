/**
 * `serve`: the store opened and migrated, the HTTP server listening (beyond loopback only with viewer
 * sign-in), the scheduled sync started (one replica at a time syncs: the database's sync lock); on
 * SIGINT/SIGTERM the sync stops at a checkpoint and lets go of the lock, new requests get 503,
 * in-flight ones finish (within SSPR_SHUTDOWN_GRACE seconds), then the database closes.
 */
import type { EndpointConfig } from './config.js';
import type { Logger } from './log.js';
import { buildApp, type EndpointApp } from './serve/app.js';
import { createEndpointMetrics, type EndpointMetrics } from './metrics/endpoint-metrics.js';
import { createAuthenticator } from './serve/auth/create-authenticator.js';
import { assertListenAllowed } from './serve/listen-guard.js';
import type { Db } from './store/db.js';
import { openStore } from './store/open-store.js';
import { startSyncScheduler, type SyncScheduler } from './sync-scheduler.js';
import { lastSynced, syncStatus, type SyncOptions } from './sync/run-sync.js';
import { graphTokenSource } from './upstream/credentials.js';

export interface RunningEndpoint {
  url: string;
  app: EndpointApp;
  db: Db;
  metrics: EndpointMetrics;
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
  /** An open, migrated store to serve instead of the configured one (embedding, tests); closed with the endpoint. */
  store?: Db;
  /** The sync's Graph request budget (default Graph's 5 per 10 s; false: none, for tests against a mock). */
  budget?: SyncOptions['budget'];
}

export async function serveEndpoint(options: ServeOptions): Promise<RunningEndpoint> {
  const { config, log } = options;
  assertListenAllowed(config.host, config.auth.mode);
  const auth = createAuthenticator(config.auth);
  const metrics = createEndpointMetrics();
  // a missing or half-set credential stops the start before anything listens
  const getToken = options.sync !== false && config.syncIntervalSeconds > 0 ? graphTokenSource(options.env ?? process.env, config.graphUrl) : undefined;
  const db = options.store ?? (await openStore(config));
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
      maxAgeSeconds: config.readyMaxAgeSeconds,
      auth,
      corsOrigins: config.corsOrigins,
      rateLimitPerMinute: config.rateLimitPerMinute,
      trustProxy: config.auth.mode === 'proxy' ? config.auth.trustedProxies : 'loopback',
      metrics,
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
    scheduler = startSyncScheduler({
      db,
      log,
      graphUrl: config.graphUrl,
      getToken,
      fetch: metrics.countingGraphFetch(),
      budget: options.budget,
      intervalSeconds: config.syncIntervalSeconds,
      retrySeconds: config.syncRetrySeconds,
      onRun: (run) => metrics.recordRun(run),
      now: options.now,
    });
  }
  log.info({ url, graph: config.graphUrl, store: config.databaseUrl ? 'postgres' : 'embedded', auth: config.auth.mode, cors: config.corsOrigins }, 'endpoint listening');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // the sync stops at a checkpoint while the server stops taking requests and lets in-flight ones
      // finish; past the grace period the remaining connections are cut and a sync still stuck (a
      // database gone silent) is left behind: a shutdown never waits longer than it was told
      const graceMs = config.shutdownGraceSeconds * 1000;
      const httpClosed = app.close();
      const stopped = await settlesWithin(Promise.all([scheduler?.stop(), httpClosed]), graceMs);
      if (!stopped) {
        log.warn({ graceSeconds: config.shutdownGraceSeconds }, 'still running after the grace period: closing the remaining connections');
        app.server.closeAllConnections();
        await settlesWithin(httpClosed, 1000);
      }
      if (!(await settlesWithin(db.close(), 5000))) log.warn('the database did not close within 5 s; leaving it');
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
  return { url, app, db, metrics, close };
}

/** Whether `promise` settled within `ms` (its outcome is not awaited past that). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
