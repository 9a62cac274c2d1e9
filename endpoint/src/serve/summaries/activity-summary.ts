/** userRegistrationActivity from the stored userEventsSummary rows: per feature × method, in the period. */
import type { GraphUserRegistrationActivitySummary } from '../../../../src/graph/types.js';
import { ACTIVITY_REGISTRATION_METHODS, ACTIVITY_RESET_METHODS } from '../../../../src/mock/tenant-vocab.js';
import type { Queryable } from '../../store/db.js';
import { activityRowId } from './activity-id.js';
import { byCodeUnits } from './order.js';
import { periodSpanMs, type EndpointPeriod } from './periods.js';

// Grouped on the success flag too, so what is sorted or hashed is three short values per event, not the
// whole row. `@>` is never NULL: anything but isSuccess true is a failure, as in the mock.
const SQL = `SELECT feature, method,
  coalesce(sum(n) FILTER (WHERE ok), 0)::bigint AS ok,
  coalesce(sum(n) FILTER (WHERE NOT ok), 0)::bigint AS failed
FROM (
  SELECT doc ->> 'feature' AS feature, doc ->> 'authMethod' AS method, doc @> '{"isSuccess": true}' AS ok, count(*) AS n
  FROM events
  WHERE event_at > $1::timestamptz
  GROUP BY 1, 2, 3
) AS g
GROUP BY 1, 2`;

/** Graph's example rows, zero rows included: the 17 registration methods, then the 8 reset methods. */
const KNOWN: readonly (readonly [string, string])[] = [
  ...ACTIVITY_REGISTRATION_METHODS.map((m) => ['registration', m] as const),
  ...ACTIVITY_RESET_METHODS.map((m) => ['reset', m] as const),
];

const keyOf = (feature: string, method: string) => `${feature}\u0000${method}`;

/**
 * Events with `event_at > now − span`, one row per Graph example row, then any other feature × method
 * that occurred (by feature, then method).
 */
export async function activitySummary(db: Queryable, period: EndpointPeriod, now: Date): Promise<GraphUserRegistrationActivitySummary[]> {
  const cutoff = new Date(now.getTime() - periodSpanMs(period));
  if (Number.isNaN(cutoff.getTime())) throw new RangeError('now must be a valid Date');
  const { rows } = await db.query<{ feature: string; method: string; ok: number; failed: number }>(SQL, [cutoff.toISOString()]);
  const counts = new Map(rows.map((r) => [keyOf(r.feature, r.method), r]));
  const known = new Set(KNOWN.map(([f, m]) => keyOf(f, m)));
  const others = rows
    .filter((r) => !known.has(keyOf(r.feature, r.method)))
    .sort((a, b) => byCodeUnits(a.feature, b.feature) || byCodeUnits(a.method, b.method))
    .map((r) => [r.feature, r.method] as const);
  return [...KNOWN, ...others].map(([feature, authMethod]) => {
    const c = counts.get(keyOf(feature, authMethod));
    return {
      '@odata.type': '#microsoft.graph.userRegistrationActivitySummary',
      id: activityRowId(period, feature, authMethod),
      feature,
      successfulActivityCount: c?.ok ?? 0,
      failureActivityCount: c?.failed ?? 0,
      authMethod,
    };
  });
}
