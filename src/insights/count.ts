/** Small counting helpers the answers and rules share. */

/** `items` counted by `key`, largest first (ties by key, so the order never flickers). */
export function ranked<T>(items: Iterable<T>, key: (item: T) => string): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The UTC day an instant falls on, as the epoch ms of its start. */
export const dayOf = (time: number): number => Math.floor(time / 86_400_000) * 86_400_000;

/** Lower-cased UPN, the key users are matched on across reports. */
export const userKey = (upn: string): string => upn.trim().toLowerCase();
