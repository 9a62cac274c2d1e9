import type { Budget } from './rate-limiter.js';

export interface RetryOptions {
  /** Retries after a 429/503/504 before giving up (default 4, so up to 5 attempts). */
  maxRetries?: number;
  /** First backoff ceiling when the server sends no Retry-After (default 500 ms). */
  baseDelayMs?: number;
  /** Cap for one backoff wait (default 30 000 ms). Retry-After from the server is not capped. */
  maxDelayMs?: number;
}

export interface ReportClientOptions {
  /** Graph root: `/graph`, `https://graph.microsoft.com`, `/mock/users=50`… Trailing slash optional. */
  endpoint: string;
  /** Bearer token source (e.g. MSAL), asked once per attempt; `undefined` sends no Authorization. */
  getToken?: () => Promise<string | undefined>;
  /** Cookie policy for fetch (default 'same-origin'; 'include' for cookie-authenticated proxies). */
  credentials?: RequestCredentials;
  /** Replaces the global fetch (tests, instrumentation). */
  fetch?: typeof fetch;
  /** Request budget shared per endpoint (default 5 per 10 s, Graph's identity-reports limit); false disables. */
  budget?: Budget | false;
  retry?: RetryOptions;
  /** Per attempt, including reading the body (default 60 000 ms; 0 disables). */
  timeoutMs?: number;
  /**
   * The longest pause the client sits through when Graph sends Retry-After (default 120 000 ms). A
   * longer one is a 'throttled' error with `retryAt`, for this request and every other on the endpoint.
   */
  maxWaitMs?: number;
  /** How long successful responses are reused (default 30 000 ms; 0 disables). */
  cacheTtlMs?: number;
}

/** A wait the client is about to do; `attempt` is the 1-based attempt that follows it. */
export interface WaitInfo {
  reason: 'throttled' | 'unavailable' | 'budget';
  delayMs: number;
  attempt: number;
  /** When the wait ends (epoch ms). */
  until: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  onWait?: (wait: WaitInfo) => void;
  /** Reuse a cached response (default true). With false the response is fetched afresh (and still cached). */
  cache?: boolean;
  /**
   * For data nobody is looking at yet: wait behind every other request for the tenant's budget and
   * leave the window's last slot free, so a user's click is never queued behind it.
   */
  background?: boolean;
}

export interface PagingOptions extends RequestOptions {
  /** After each page: pages read and rows seen so far. */
  onProgress?: (progress: { pages: number; rows: number }) => void;
}

export interface Page<T> {
  value: T[];
  /** 0-based page number in this walk. */
  index: number;
  /** Rows so far, this page included. */
  rows: number;
  /** Absolute URL of the next page; pass it to `pages()` to resume after a failure. */
  nextLink?: string;
}
