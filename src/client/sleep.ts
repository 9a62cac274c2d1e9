import { abortError } from './errors.js';

/** Waits `ms`; rejects at once with an 'aborted' ReportError when `signal` aborts (or already has). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(undefined, signal.reason));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(undefined, signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
