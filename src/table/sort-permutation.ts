/**
 * Sorting 75,000 rows with a comparator takes longer than a frame, so sort permutations are built by a
 * bottom-up merge sort that does a bounded slice of work, then yields to the page, until done. The
 * result is cached per column by the table model; reversing it gives the descending order.
 */

export type SortKeys = Float64Array | string[];

/**
 * Sort keys for a column: numbers as they are (NaN last), strings folded for case and accents. Whether
 * a column is numeric is the column's to say (an empty column has no first value to look at).
 */
export function sortKeys(values: readonly (number | string)[], numeric = typeof values[0] === 'number'): SortKeys {
  const count = values.length;
  if (numeric) {
    const keys = new Float64Array(count);
    for (let i = 0; i < values.length; i++) keys[i] = numberKey(values[i]);
    return keys;
  }
  const keys: string[] = new Array(count);
  for (let i = 0; i < values.length; i++) keys[i] = fold(String(values[i]));
  return keys;
}

const numberKey = (v: number | string) => (typeof v === 'number' && !Number.isNaN(v) ? v : Infinity);

/**
 * Adds rows `start…` (their sort values in `added`) to a finished order: sorts the few new rows, then
 * merges the two orders in one linear pass.
 */
export function mergeOrders(keys: SortKeys, order: Uint32Array, added: (number | string)[], start: number): { keys: SortKeys; order: Uint32Array } {
  const n = order.length + added.length;
  let all: SortKeys;
  if (keys instanceof Float64Array) {
    all = new Float64Array(n);
    all.set(keys);
    added.forEach((v, i) => ((all as Float64Array)[start + i] = numberKey(v)));
  } else {
    all = keys.concat(added.map((v) => fold(String(v))));
  }
  const less = (a: number, b: number) => all[a] < all[b] || (all[a] === all[b] && a < b);
  const fresh = added.map((_, i) => start + i).sort((a, b) => (less(a, b) ? -1 : 1));
  const merged = new Uint32Array(n);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < order.length && j < fresh.length) merged[k++] = less(fresh[j], order[i]) ? fresh[j++] : order[i++];
  while (i < order.length) merged[k++] = order[i++];
  while (j < fresh.length) merged[k++] = fresh[j++];
  return { keys: all, order: merged };
}

const MARKS = /[\u0300-\u036f]/g;
const folded = new Map<string, string>();

/** "Zoë Ångström" → "zoe angstrom": what people expect an alphabetical order to ignore. */
export function fold(value: string): string {
  let f = folded.get(value);
  if (f === undefined) {
    f = /^[\x20-\x7e]*$/.test(value) ? value.toLowerCase() : value.normalize('NFD').replace(MARKS, '').toLowerCase();
    if (folded.size > 200_000) folded.clear();
    folded.set(value, f);
  }
  return f;
}

/** Yields to the event loop: a macrotask, so input and paint get their turn. */
export const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The ascending, stable permutation of `keys`, computed in slices of about `sliceMs` milliseconds.
 */
export async function sortPermutation(keys: SortKeys, sliceMs = 8): Promise<Uint32Array> {
  const n = keys.length;
  let from = new Uint32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  let to = new Uint32Array(n);
  const less = (a: number, b: number) => keys[a] < keys[b] || (keys[a] === keys[b] && a < b);
  let deadline = performance.now() + sliceMs;
  const maybeYield = async () => {
    if (performance.now() < deadline) return;
    await yieldToPage();
    deadline = performance.now() + sliceMs;
  };
  for (let width = 1; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const mid = Math.min(left + width, n);
      const right = Math.min(left + 2 * width, n);
      let i = left;
      let j = mid;
      let k = left;
      while (i < mid && j < right) to[k++] = less(from[j], from[i]) ? from[j++] : from[i++];
      while (i < mid) to[k++] = from[i++];
      while (j < right) to[k++] = from[j++];
      if ((left & 1023) === 0) await maybeYield();
    }
    [from, to] = [to, from];
  }
  return from;
}

/** The same stable ascending permutation, built in one go (for a few thousand keys). */
export function sortPermutationNow(keys: SortKeys): Uint32Array {
  const order = Uint32Array.from({ length: keys.length }, (_, i) => i);
  return order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
}
