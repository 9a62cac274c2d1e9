/**
 * True when an error means the database cannot be reached right now (refused, reset, shut down, too
 * many connections), as opposed to a fault in the query: the first is a 503 worth retrying.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return true;
  // SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown, cannot connect now), 53300 (too many connections)
  if (/^08/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  // node-postgres's own: a connection that never answered, a statement that got no answer in time
  return /Connection terminated|connection timeout|Client has encountered a connection error|^timeout expired$|^Query read timeout$|timeout exceeded when trying to connect/i.test(message);
}
