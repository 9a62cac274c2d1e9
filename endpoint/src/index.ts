/** The endpoint as a library: what the bin is made of, for embedding and tests. */
export { readConfig, ConfigError, type EndpointConfig } from './config.js';
export { createLogger } from './log.js';
export { serveEndpoint, type RunningEndpoint, type ServeOptions } from './serve-endpoint.js';
export { buildApp, type AppOptions } from './serve/app.js';
export { openStore } from './store/open-store.js';
export { migrate } from './store/migrate.js';
export type { Db, Queryable } from './store/db.js';
export { runSync, lastSynced, syncStatus, type SyncOptions } from './sync/run-sync.js';
export { createAuthenticator } from './serve/auth/create-authenticator.js';
export type { Viewer, ViewerAuthenticator } from './serve/auth/viewer.js';
export { createEndpointMetrics, type EndpointMetrics } from './metrics/endpoint-metrics.js';
