/**
 * A row id that stays the same for the same period, feature and method across requests and syncs:
 * a name-based UUID (RFC 9562 version 5), as Graph's ids are UUIDs.
 */
import { createHash } from 'node:crypto';

// A fixed namespace of this endpoint's own, so its ids never collide with other v5 names.
const NAMESPACE = Buffer.from('3f0b6c1e9a4d4e7b8c2f5d6a7b8c9d0e', 'hex');

export function activityRowId(period: string, feature: string, authMethod: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(`${period}\u0000${feature}\u0000${authMethod}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
