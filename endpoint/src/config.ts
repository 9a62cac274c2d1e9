import { isIP } from 'node:net';
import { isLoopback } from './serve/listen-guard.js';

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
  /** How viewers sign in (SSPR_AUTH): none (loopback only), entra (bearer tokens) or proxy (trusted headers). */
  auth: AuthConfig;
  /** Browser origins allowed to call the endpoint (SSPR_CORS_ORIGINS); none by default. */
  corsOrigins: string[];
  /** Requests per minute one viewer may make (SSPR_RATE_LIMIT; 0: no limit). */
  rateLimitPerMinute: number;
  /** Seconds before a replica that found the sync lock taken tries again (SSPR_SYNC_RETRY). */
  syncRetrySeconds: number;
  /** `/readyz` fails when the last successful sync is older than this (SSPR_READY_MAX_AGE; default twice the interval). */
  readyMaxAgeSeconds: number;
  /** Seconds in-flight requests get to finish on shutdown (SSPR_SHUTDOWN_GRACE). */
  shutdownGraceSeconds: number;
}

export type AuthConfig =
  | { mode: 'none' }
  | {
      mode: 'entra';
      /** SSPR_TENANT_ID: the directory (tenant) id whose tokens are accepted. */
      tenantId: string;
      /** SSPR_AUDIENCE: the endpoint's application ID URI and/or client id (comma-separated). */
      audiences: string[];
      /** SSPR_AUTH_AUTHORITY: the sign-in service (default https://login.microsoftonline.com; tests use their own). */
      authority: string;
      requiredRole: string;
      /** SSPR_REQUIRED_GROUP: a group object id whose members are let in too (the role or the group). */
      requiredGroup?: string;
    }
  | {
      mode: 'proxy';
      /** SSPR_TRUSTED_PROXIES: addresses or CIDR ranges whose identity headers are believed. */
      trustedProxies: string[];
      userHeader: string;
      rolesHeader: string;
      groupsHeader: string;
      requiredRole: string;
      requiredGroup?: string;
    };

export const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';
export const DEFAULT_REQUIRED_ROLE = 'SSPR.Insights.Read';

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

const list = (env: NodeJS.ProcessEnv, name: string): string[] =>
  (env[name] ?? '').split(',').map((v) => v.trim()).filter(Boolean);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEADER_NAME = /^[A-Za-z0-9-]+$/;

function header(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim() || fallback;
  if (!HEADER_NAME.test(value)) throw new ConfigError(`${name} must be an HTTP header name, not '${value}'`);
  return value.toLowerCase();
}

function readAuth(env: NodeJS.ProcessEnv): AuthConfig {
  const mode = env.SSPR_AUTH?.trim().toLowerCase() || 'none';
  const requiredRole = env.SSPR_REQUIRED_ROLE?.trim() || DEFAULT_REQUIRED_ROLE;
  const requiredGroup = env.SSPR_REQUIRED_GROUP?.trim() || undefined;
  if (mode === 'none') return { mode };
  if (mode === 'entra') {
    const tenantId = env.SSPR_TENANT_ID?.trim() ?? '';
    if (!GUID.test(tenantId)) throw new ConfigError(`SSPR_AUTH=entra needs SSPR_TENANT_ID, the directory (tenant) id (a GUID)${tenantId ? `, not '${tenantId}'` : ''}`);
    const audiences = list(env, 'SSPR_AUDIENCE');
    if (audiences.length === 0) throw new ConfigError("SSPR_AUTH=entra needs SSPR_AUDIENCE: the endpoint's application ID URI (api://…) and/or its client id");
    const authority = url(env, 'SSPR_AUTH_AUTHORITY', DEFAULT_AUTHORITY)!;
    // the signing keys come from there: over plain HTTP anyone on the way could hand in their own
    if (!authority.startsWith('https:') && !isLoopback(new URL(authority).hostname)) {
      throw new ConfigError(`SSPR_AUTH_AUTHORITY must be an https URL (the signing keys come from it), not '${authority}'`);
    }
    return { mode, tenantId: tenantId.toLowerCase(), audiences, authority, requiredRole, requiredGroup };
  }
  if (mode === 'proxy') {
    const trustedProxies = list(env, 'SSPR_TRUSTED_PROXIES');
    if (trustedProxies.length === 0) throw new ConfigError('SSPR_AUTH=proxy needs SSPR_TRUSTED_PROXIES: the addresses (or CIDR ranges) of the proxies that sign viewers in');
    for (const entry of trustedProxies) {
      const [address, bits] = entry.split('/');
      const ok = isIP(address!) !== 0 && (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (isIP(address!) === 4 ? 32 : 128)));
      if (!ok) throw new ConfigError(`SSPR_TRUSTED_PROXIES: '${entry}' is not an IP address or CIDR range`);
      // a range that holds everyone would believe anyone's identity headers
      if (bits !== undefined && Number(bits) < (isIP(address!) === 4 ? 8 : 32)) {
        throw new ConfigError(`SSPR_TRUSTED_PROXIES: '${entry}' is too wide a range to trust identity headers from; name the proxies' own addresses`);
      }
    }
    return {
      mode,
      trustedProxies,
      userHeader: header(env, 'SSPR_PROXY_USER_HEADER', 'x-forwarded-user'),
      rolesHeader: header(env, 'SSPR_PROXY_ROLES_HEADER', 'x-forwarded-roles'),
      groupsHeader: header(env, 'SSPR_PROXY_GROUPS_HEADER', 'x-forwarded-groups'),
      requiredRole,
      requiredGroup,
    };
  }
  throw new ConfigError(`SSPR_AUTH must be none, entra or proxy, not '${mode}'`);
}

function origins(env: NodeJS.ProcessEnv): string[] {
  return list(env, 'SSPR_CORS_ORIGINS').map((origin) => {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      /* reported below */
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError(`SSPR_CORS_ORIGINS: '${origin}' is not an origin (scheme://host[:port], no path)`);
    }
    return parsed.origin;
  });
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function readConfig(env: NodeJS.ProcessEnv = process.env): EndpointConfig {
  const logLevel = env.SSPR_LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`SSPR_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not '${logLevel}'`);
  const syncIntervalSeconds = integer(env, 'SSPR_SYNC_INTERVAL', 3600, 0, 7 * 86400);
  return {
    graphUrl: url(env, 'SSPR_GRAPH_URL', DEFAULT_GRAPH_URL)!,
    databaseUrl: url(env, 'DATABASE_URL'),
    dataDir: env.SSPR_DATA_DIR?.trim() || './sspr-insights-data',
    host: env.SSPR_HOST?.trim() || '127.0.0.1',
    port: integer(env, 'SSPR_PORT', DEFAULT_PORT, 0, 65535),
    syncIntervalSeconds,
    publicUrl: url(env, 'SSPR_PUBLIC_URL'),
    logLevel,
    auth: readAuth(env),
    corsOrigins: origins(env),
    rateLimitPerMinute: integer(env, 'SSPR_RATE_LIMIT', 600, 0, 1_000_000),
    syncRetrySeconds: integer(env, 'SSPR_SYNC_RETRY', 60, 1, 86400),
    readyMaxAgeSeconds: integer(env, 'SSPR_READY_MAX_AGE', 2 * (syncIntervalSeconds || 3600), 1, 365 * 86400),
    shutdownGraceSeconds: integer(env, 'SSPR_SHUTDOWN_GRACE', 25, 0, 600),
  };
}
