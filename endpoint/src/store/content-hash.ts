import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so the same content always gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A row's identity by content (SHA-256, base64url), leaving out the top-level properties in `omit`. */
export function contentHash(doc: Record<string, unknown>, omit: readonly string[] = []): string {
  const kept = omit.length ? Object.fromEntries(Object.entries(doc).filter(([k]) => !omit.includes(k))) : doc;
  return createHash('sha256').update(canonical(kept)).digest('base64url');
}

/** What a user's registration state is made of: everything Graph sends but the report's refresh time. */
export const USER_STATE_OMITS = ['lastUpdatedDateTime', '@odata.type'] as const;
