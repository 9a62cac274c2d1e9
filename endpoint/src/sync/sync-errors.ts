import { ReportError } from '../../../src/client/errors.js';
import type { SyncSource } from './sources.js';
import type { SyncErrorRecord } from './types.js';

/** A page whose rows are not the report's: stored nothing, the checkpoint stays before it. */
export class MalformedRowError extends Error {
  override name = 'MalformedRowError';
  constructor(source: SyncSource, index: number, what: string) {
    super(`${source}: row ${index} of the page has no valid ${what}`);
  }
}

// Bearer tokens and JWTs, should a message ever quote one (a proxy's error page, a driver's error).
const SECRETS = [/\bBearer\s+[A-Za-z0-9._~+/-]+=*/gi, /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g];

export function redact(text: string): string {
  return SECRETS.reduce((t, pattern) => t.replace(pattern, '[redacted]'), text).slice(0, 1000);
}

function causeMessage(error: ReportError): string | undefined {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error && cause.message ? cause.message : undefined;
}

/** The record of a failure, from whatever was thrown. */
export function errorRecord(source: SyncSource, error: unknown, at: Date, recovered = false): SyncErrorRecord {
  const base = { source, at: at.toISOString(), ...(recovered ? { recovered } : {}) };
  if (error instanceof ReportError) {
    // A token that could not be obtained, a network failure: the cause says why.
    const cause = error.kind === 'unauthenticated' || error.kind === 'network' ? causeMessage(error) : undefined;
    return {
      ...base,
      kind: error.kind,
      ...(error.status !== undefined ? { status: error.status } : {}),
      ...(error.code ? { code: error.code } : {}),
      ...(error.requestId ? { requestId: error.requestId } : {}),
      message: redact(cause ? `${error.message} (${cause})` : error.message),
      ...(error.graphMessage ? { graphMessage: redact(error.graphMessage) } : {}),
    };
  }
  if (error instanceof MalformedRowError) return { ...base, kind: 'malformed', message: redact(error.message) };
  return { ...base, kind: 'store', message: redact(error instanceof Error ? error.message : String(error)) };
}
