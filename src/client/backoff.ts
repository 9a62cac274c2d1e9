/** Exponential backoff with full jitter (a uniform pick in [0, min(max, base·2^attempt))), so
 * clients throttled together do not retry together. `attempt` counts from 0. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export function backoffDelay(attempt: number, { baseMs, maxMs }: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}
