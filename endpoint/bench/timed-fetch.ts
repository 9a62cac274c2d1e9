/**
 * fetch that times each Graph request until its body has arrived (when the client's limiter starts
 * that request's window), so a sync's wall time splits into time on the wire and time storing.
 */
export interface TimedFetch {
  fetch: typeof fetch;
  /** One entry per request, in ms. */
  readonly latencies: number[];
}

export function timedFetch(inner: typeof fetch = globalThis.fetch.bind(globalThis)): TimedFetch {
  const latencies: number[] = [];
  return {
    latencies,
    fetch: async (input, init) => {
      const t0 = performance.now();
      const response = await inner(input, init).catch((error: unknown) => {
        // fetch's own message ("fetch failed") hides what happened to the connection
        const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
        console.error(`a Graph request failed after ${Math.round(performance.now() - t0)} ms${cause}`);
        throw error;
      });
      const body = await response.arrayBuffer();
      latencies.push(performance.now() - t0);
      return new Response(body.byteLength ? body : null, { status: response.status, statusText: response.statusText, headers: response.headers });
    },
  };
}
