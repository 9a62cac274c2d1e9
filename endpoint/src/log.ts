import pino, { type Logger } from 'pino';

/**
 * Anything that could carry a credential, wherever it appears in a log record. Logs are for operators
 * and often leave the machine: a token or secret must never be in one.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-ms-token-aad-access-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'authorization',
  'token',
  'accessToken',
  'access_token',
  'clientSecret',
  'secret',
  'password',
  'config.databaseUrl',
  '*.token',
  '*.accessToken',
  '*.clientSecret',
  '*.secret',
  '*.password',
  '*.authorization',
];

/** A connection string with its password replaced (in the user part and in the query), for messages. */
export function withoutPassword(connection: string): string {
  try {
    const u = new URL(connection);
    if (u.password) u.password = '***';
    for (const key of [...u.searchParams.keys()]) if (/pass|secret|key/i.test(key)) u.searchParams.set(key, '***');
    return u.toString();
  } catch {
    return '(unparsable connection string)';
  }
}

export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'sspr-insights-endpoint' } }, destination);
}

export type { Logger };
