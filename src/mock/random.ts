/**
 * Seeded pseudo-random numbers for the synthetic tenant. mulberry32 is tiny, fast and good enough
 * for test data; the same seed always yields the same sequence in Node and in every browser.
 */
import { flat } from './flat-string.js';

/** A deterministic random source. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An unsigned 32-bit integer. */
  uint32(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** One element, chosen with the relative weights of a {@link WeightedTable}. */
  weighted<T>(table: WeightedTable<T>): T;
  /** A version-4-shaped UUID built from the stream (not cryptographic). */
  uuid(): string;
}

/** Pre-summed weights, built once with {@link weightedTable} and sampled in O(log n). */
export interface WeightedTable<T> {
  readonly items: readonly T[];
  readonly cumulative: Float64Array;
  readonly total: number;
}

export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, w], i) => {
    total += w;
    cumulative[i] = total;
  });
  return { items: entries.map(([item]) => item), cumulative, total };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return HEX[(n >>> 24) & 255]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
}

/** Formats four 32-bit words as a UUID with the version-4 and variant bits set. */
export function uuidFromWords(a: number, b: number, c: number, d: number): string {
  const h2 = hex32(((b & 0xffff0fff) | 0x00004000) >>> 0);
  const h3 = hex32(((c & 0x3fffffff) | 0x80000000) >>> 0);
  return flat(`${hex32(a >>> 0)}-${h2.slice(0, 4)}-${h2.slice(4)}-${h3.slice(0, 4)}-${h3.slice(4)}${hex32(d >>> 0)}`);
}

/** Creates a mulberry32 generator. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const uint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => uint32() / 4294967296;
  return {
    next,
    uint32,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (table) => {
      const x = next() * table.total;
      let lo = 0;
      let hi = table.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (table.cumulative[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      return table.items[lo]!;
    },
    uuid: () => uuidFromWords(uint32(), uint32(), uint32(), uint32()),
  };
}

/** FNV-1a hash of a string, for deriving independent seeds (e.g. one stream per collection). */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A seed for a named sub-stream, so collections stay deterministic whatever order they are built in. */
export function deriveSeed(seed: number, label: string): number {
  return hashString(label, hashString(String(seed)));
}

/**
 * A request id for response headers. Uses `crypto.randomUUID` where the page is a secure context,
 * else Math.random (request ids need uniqueness, not secrecy).
 */
export function randomRequestId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  const w = () => Math.floor(Math.random() * 4294967296);
  return uuidFromWords(w(), w(), w(), w());
}
