/**
 * The endpoint's settings, from environment variables (and the command line, which overrides them).
 * Every value is checked up front: a typo stops the start with a message naming the variable.
 */
export interface EndpointConfig {
  /** Graph root the sync reads (SSPR_GRAPH_URL). */
  graphUrl: string;
  /** PostgreSQL connection (DATABASE_URL); undefined: the embedded database in `dataDir`. */
  databaseUrl?: string;
  /** The embedded database's folder (SSPR_DATA_DIR). */
  dataDir: string;
  host: string;
  port: number;
  /** Seconds between syncs inside `serve` (SSPR_SYNC_INTERVAL; 0: no scheduled sync). */
  syncIntervalSeconds: number;
  /** Base of the nextLinks the endpoint writes (SSPR_PUBLIC_URL); default: the request's own origin. */
  publicUrl?: string;
  logLevel: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_GRAPH_URL = 'https://graph.microsoft.com';
export const DEFAULT_PORT = 8090;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not '${text}'`);
  return n;
}

/** Variables that may hold a password: their value is never repeated in a message. */
const SECRET = new Set(['DATABASE_URL']);

function url(env: NodeJS.ProcessEnv, name: string, fallback?: string): string | undefined {
  const text = env[name]?.trim() || fallback;
  if (!text) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new ConfigError(`${name} must be an absolute URL${SECRET.has(name) ? ' (postgres://user:password@host:5432/database)' : `, not '${text}'`}`);
  }
  if (!/^(https?|postgres(ql)?):$/.test(parsed.protocol)) throw new ConfigError(`${name} has an unsupported scheme '${parsed.protocol}'`);
  return text.replace(/\/+$/, '');
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function readConfig(env: NodeJS.ProcessEnv = process.env): EndpointConfig {
  const logLevel = env.SSPR_LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`SSPR_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not '${logLevel}'`);
  return {
    graphUrl: url(env, 'SSPR_GRAPH_URL', DEFAULT_GRAPH_URL)!,
    databaseUrl: url(env, 'DATABASE_URL'),
    dataDir: env.SSPR_DATA_DIR?.trim() || './sspr-insights-data',
    host: env.SSPR_HOST?.trim() || '127.0.0.1',
    port: integer(env, 'SSPR_PORT', DEFAULT_PORT, 0, 65535),
    syncIntervalSeconds: integer(env, 'SSPR_SYNC_INTERVAL', 3600, 0, 7 * 86400),
    publicUrl: url(env, 'SSPR_PUBLIC_URL'),
    logLevel,
  };
}
