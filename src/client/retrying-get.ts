import { backoffDelay } from './backoff.js';
import type { WaitInfo } from './client-options.js';
import { ERROR_MESSAGES } from './error-messages.js';
import { ReportError, abortError, errorFromResponse, holdTooLongError, isAbortError, malformedError } from './errors.js';
import { fetchAttempt } from './fetch-attempt.js';
import type { Priority, RateLimiter } from './rate-limiter.js';
import { sleep } from './sleep.js';

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface RetryingGetOptions {
  fetch: typeof fetch;
  credentials: RequestCredentials;
  getToken?: () => Promise<string | undefined>;
  limiter?: RateLimiter;
  policy: RetryPolicy;
  timeoutMs: number;
  /** A Retry-After longer than this is an error that says when to come back, not a wait. */
  maxWaitMs: number;
  signal: AbortSignal;
  onWait: (wait: WaitInfo) => void;
  /** Shared with the request's other callers: a foreground one joining promotes it. */
  priority?: Priority;
}

/** Graph answers these with Retry-After (or expects backoff); everything else fails at once. */
const RETRYABLE = new Set([429, 503, 504]);

/** GET `url` as JSON: budget, token, retries on 429/503/504, typed errors. Resolves to a JSON object. */
export async function retryingGet(url: string, options: RetryingGetOptions): Promise<object> {
  const { limiter, policy, signal, onWait } = options;
  for (let attempt = 1; ; attempt++) {
    const token = await tokenFor(url, options);
    const slot = limiter
      ? await limiter.acquire(
          signal,
          (delayMs, cause) => onWait({ reason: cause, delayMs, attempt, until: Date.now() + delayMs }),
          options.maxWaitMs,
          options.priority,
        )
      : undefined;
    let attemptResult;
    try {
      attemptResult = await fetchAttempt(url, {
        fetch: options.fetch,
        credentials: options.credentials,
        timeoutMs: options.timeoutMs,
        signal,
        token,
      });
    } finally {
      slot?.release(); // the response has ended (or failed): from now on its window runs
    }
    const { response, bodyText } = attemptResult;
    if (response.ok) return parseJsonObject(url, response, bodyText);

    const error = errorFromResponse(response, bodyText, url);
    if (!RETRYABLE.has(response.status) || attempt > policy.maxRetries) throw error;
    const delayMs = error.retryAfterMs ?? backoffDelay(attempt - 1, { baseMs: policy.baseDelayMs, maxMs: policy.maxDelayMs });
    const until = Date.now() + delayMs;
    // A 429 means the tenant's budget is spent: hold every request to this endpoint, not just this one.
    if (response.status === 429) limiter?.holdUntil(until);
    if (delayMs > options.maxWaitMs) throw holdTooLongError(until, error);
    onWait({ reason: response.status === 429 ? 'throttled' : 'unavailable', delayMs, attempt: attempt + 1, until });
    await sleep(delayMs, signal);
  }
}

async function tokenFor(url: string, { getToken, signal }: RetryingGetOptions): Promise<string | undefined> {
  if (!getToken) return undefined;
  try {
    return await getToken();
  } catch (e) {
    if (signal.aborted || isAbortError(e)) throw abortError(url, e);
    throw new ReportError('unauthenticated', () => ERROR_MESSAGES.tokenFailed(), { url, cause: e });
  }
}

function parseJsonObject(url: string, response: Response, bodyText: string): object {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch (e) {
    throw malformedError(url, response, e);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw malformedError(url, response);
  return body;
}
