/**
 * Lenient readers for Graph rows. Real payloads bend the schema (nulls, `""` for enums, a capital-T
 * `Type`), so a single odd field becomes a neutral value instead of failing the whole report.
 */
export type Json = Record<string, unknown>;

export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));

export const bool = (v: unknown): boolean => v === true;

/** A count: finite and not negative, else 0. */
export const count = (v: unknown): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? n : 0;
};

/** Epoch ms of an ISO 8601 date-time; NaN when absent or unparsable. */
export const time = (v: unknown): number => (typeof v === 'string' && v ? Date.parse(v) : NaN);

export const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string' && x !== '') : []);

export const record = (v: unknown): Json => (isRecord(v) ? v : {});
