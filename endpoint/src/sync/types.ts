import type { RetryOptions } from '../../../src/client/client-options.js';
import type { Budget } from '../../../src/client/rate-limiter.js';
import type { Db } from '../store/db.js';
import type { SyncSource } from './sources.js';

/** pino's shape, so the service's logger can be passed as it is. */
export interface SyncLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface SyncOptions {
  db: Db;
  /** Graph root: https://graph.microsoft.com, or a mock's URL. */
  graphUrl: string;
  getToken?: () => Promise<string | undefined>;
  /** The request budget (default Graph's 5 per 10 s); false: none (benchmark). */
  budget?: Budget | false;
  retry?: RetryOptions;
  /** Longest Retry-After sat through (ReportClient's maxWaitMs). */
  maxWaitMs?: number;
  now?: () => Date;
  log?: SyncLogger;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

/** What one source's read did in one run. */
export interface SourceCounts {
  /** Rows Graph sent. */
  read: number;
  /** Rows (users: users) the store did not have. */
  inserted: number;
  /** Rows whose content changed (users: a new version replaced the current one). */
  changed: number;
  /** Users no longer in the report: their current version was closed. */
  closed: number;
}

export type SourceStatus = 'succeeded' | 'failed' | 'skipped';

export interface SourceReport extends SourceCounts {
  status: SourceStatus;
  /** Pages stored. */
  pages: number;
  /** Graph requests this source made, retries included. */
  requests: number;
  /** Waits Graph asked for (429, 503) that were sat through. */
  waits: number;
  /** Reads started again from the first page after an expired page token. */
  restarts: number;
  /** The read went on from a checkpoint an earlier run left. */
  resumed: boolean;
}

/** One failure, as the status route shows it: never a token, never a URL with its query. */
export interface SyncErrorRecord {
  source: SyncSource;
  /** ReportError's kind ('throttled', 'forbidden', …), 'malformed' for rows that are not the report's, 'store' for the database. */
  kind: string;
  status?: number;
  /** Graph's error code. */
  code?: string;
  requestId?: string;
  message: string;
  /** Graph's own message. */
  graphMessage?: string;
  at: string;
  /** The sync recovered (an expired page token: the read started again); the source did not fail of it. */
  recovered?: boolean;
}

/** partial: some sources failed; aborted: the signal stopped the run; interrupted: its process died. */
export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed' | 'aborted' | 'interrupted';

export interface SyncRun {
  runId: number;
  startedAt: string;
  endedAt?: string;
  status: RunStatus;
  /** Graph requests made, every attempt counted. */
  requests: number;
  sources: Partial<Record<SyncSource, SourceReport>>;
  errors: SyncErrorRecord[];
}

export type SyncResult = SyncRun;
