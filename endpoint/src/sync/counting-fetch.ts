/** fetch, counting every call: each one is a request against Graph's budget. */
export function countingFetch(inner: typeof fetch = globalThis.fetch.bind(globalThis)): { fetch: typeof fetch; readonly count: number } {
  let count = 0;
  return {
    fetch: (input, init) => {
      count++;
      return inner(input, init);
    },
    get count() {
      return count;
    },
  };
}
