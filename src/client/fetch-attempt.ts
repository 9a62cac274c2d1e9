import { abortError, isAbortError, networkError, timeoutError } from './errors.js';

export interface AttemptOptions {
  fetch: typeof fetch;
  credentials: RequestCredentials;
  token?: string;
  /** 0 or Infinity: no timeout. */
  timeoutMs: number;
  signal: AbortSignal;
}

export interface AttemptResult {
  response: Response;
  bodyText: string;
}

/** The headers every Graph call carries. Without the Prefer header, newer enum members arrive as
 * `unknownFutureValue` (e.g. most of usageAuthMethod). */
export function graphHeaders(token?: string): Headers {
  const headers = new Headers({ Accept: 'application/json', Prefer: 'include-unknown-enum-members' });
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return headers;
}

/**
 * One GET, body included, within `timeoutMs`. Transport failures become typed errors: the caller's
 * abort → 'aborted', our timer → 'timeout', anything else fetch throws → 'network'.
 */
export async function fetchAttempt(url: string, options: AttemptOptions): Promise<AttemptResult> {
  const { fetch: doFetch, signal } = options;
  if (signal.aborted) throw abortError(url, signal.reason);
  const controller = new AbortController();
  const forwardAbort = (): void => controller.abort(signal.reason);
  signal.addEventListener('abort', forwardAbort, { once: true });
  let timedOut = false;
  const limited = options.timeoutMs > 0 && Number.isFinite(options.timeoutMs);
  const timer = limited
    ? setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, options.timeoutMs)
    : undefined;
  try {
    const response = await doFetch(url, {
      method: 'GET',
      headers: graphHeaders(options.token),
      credentials: options.credentials,
      signal: controller.signal,
    });
    const bodyText = await response.text();
    return { response, bodyText };
  } catch (e) {
    if (signal.aborted) throw abortError(url, e);
    if (timedOut) throw timeoutError(options.timeoutMs, url);
    if (isAbortError(e)) throw abortError(url, e);
    throw networkError(url, e);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', forwardAbort);
  }
}
