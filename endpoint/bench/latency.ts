/** One viewer's requests, one after another: the time to each whole body, as percentiles. */

export interface LatencyStats {
  n: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of ascending `sorted`. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

export function stats(times: readonly number[]): LatencyStats {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1]!,
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

export interface Fetched {
  ms: number;
  status: number;
  text: string;
}

/** GET `url`, timed from the request until the last byte of the body. */
export async function timedGet(url: string): Promise<Fetched> {
  const t0 = performance.now();
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const text = await response.text();
  return { ms: performance.now() - t0, status: response.status, text };
}

/**
 * `n` timed requests after `warmup` untimed ones; request i goes to `urlFor(i)`. Any answer but a 200
 * stops the bench: a latency of an error is no latency of the route.
 */
export async function timeRequests(urlFor: (i: number) => string, n: number, warmup: number): Promise<LatencyStats & { bytes: number }> {
  for (let i = 0; i < warmup; i++) await expectOk(urlFor(i));
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const got = await expectOk(urlFor(i));
    times.push(got.ms);
    bytes += got.text.length;
  }
  return { ...stats(times), bytes: Math.round(bytes / n) };
}

export async function expectOk(url: string): Promise<Fetched> {
  const got = await timedGet(url);
  if (got.status !== 200) throw new Error(`${got.status} for ${url}: ${got.text.slice(0, 300)}`);
  return got;
}
