#!/usr/bin/env node
/**
 * sspr-insights-endpoint: `serve` (the Graph routes from the store, syncing on a schedule),
 * `sync --once` (one run, then exit), `migrate`, `status`. Settings come from the environment
 * (README: Configuration); flags override host, port and the schedule.
 */
import { parseArgs } from 'node:util';
import { ConfigError, readConfig, type EndpointConfig } from './config.js';
import { createLogger, withoutPassword, type Logger } from './log.js';
import { serveEndpoint } from './serve-endpoint.js';
import { migrate } from './store/migrate.js';
import { openStore } from './store/open-store.js';
import { runSync, syncStatus } from './sync/run-sync.js';
import { graphTokenSource } from './upstream/credentials.js';

const HELP = `Usage: sspr-insights-endpoint <command> [options]

Commands:
  serve            serve the Graph report routes from the store, syncing every SSPR_SYNC_INTERVAL seconds
  sync --once      run one sync from Microsoft Graph into the store, then exit (status 1 if it failed)
  migrate          apply the database migrations, then exit
  status           print the latest sync runs and each report's freshness as JSON

Options (serve):
  --host <address>   listen address (default SSPR_HOST or 127.0.0.1; beyond loopback only with SSPR_AUTH)
  --port <number>    port (default SSPR_PORT or 8090; 0 picks a free one)
  --no-sync          never sync from this process (another one does)

Environment (see the README): SSPR_GRAPH_URL, SSPR_GRAPH_TOKEN or the AZURE_* credential variables,
DATABASE_URL or SSPR_DATA_DIR, SSPR_SYNC_INTERVAL, SSPR_SYNC_RETRY, SSPR_PUBLIC_URL, SSPR_LOG_LEVEL;
viewer sign-in: SSPR_AUTH (none, entra, proxy), SSPR_TENANT_ID, SSPR_AUDIENCE, SSPR_REQUIRED_ROLE,
SSPR_REQUIRED_GROUP, SSPR_TRUSTED_PROXIES, SSPR_PROXY_USER_HEADER, SSPR_PROXY_ROLES_HEADER,
SSPR_PROXY_GROUPS_HEADER; SSPR_CORS_ORIGINS, SSPR_RATE_LIMIT, SSPR_READY_MAX_AGE, SSPR_SHUTDOWN_GRACE.`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      once: { type: 'boolean', default: false },
      'no-sync': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(HELP);
    return command || values.help ? 0 : 2;
  }
  const env = { ...process.env };
  if (values.host !== undefined) env.SSPR_HOST = values.host;
  if (values.port !== undefined) env.SSPR_PORT = values.port;
  const config = readConfig(env);
  const log = createLogger(config.logLevel);

  switch (command) {
    case 'serve':
      await serveEndpoint({ config, log, sync: !values['no-sync'] });
      return 0;
    case 'sync':
      if (!values.once) throw new ConfigError("sync runs once: use 'sync --once' (or 'serve' for scheduled syncs)");
      return syncOnce(config, log);
    case 'migrate': {
      const db = await openStore(config);
      try {
        const applied = await migrate(db);
        log.info({ applied, database: describeStore(config) }, applied.length ? 'migrations applied' : 'database is up to date');
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'status': {
      const db = await openStore(config);
      try {
        console.log(JSON.stringify(await syncStatus(db), null, 2));
      } finally {
        await db.close();
      }
      return 0;
    }
    default:
      console.error(`Unknown command '${command}'.\n\n${HELP}`);
      return 2;
  }
}

async function syncOnce(config: EndpointConfig, log: Logger): Promise<number> {
  const db = await openStore(config);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const result = await runSync({ db, graphUrl: config.graphUrl, getToken: graphTokenSource(process.env, config.graphUrl), log, signal: controller.signal });
    if (!result) {
      log.warn('another process is syncing this database; nothing done');
      return 1;
    }
    return result.status === 'succeeded' ? 0 : 1;
  } finally {
    await db.close();
  }
}

export const describeStore = (config: EndpointConfig): string =>
  config.databaseUrl ? withoutPassword(config.databaseUrl) : `embedded PostgreSQL in ${config.dataDir}`;

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const expected = error instanceof ConfigError || (error instanceof Error && ['UnsafeListenAddressError', 'DataDirInUseError'].includes(error.name));
    console.error(expected ? `sspr-insights-endpoint: ${(error as Error).message}` : error);
    process.exitCode = 1;
  },
);
