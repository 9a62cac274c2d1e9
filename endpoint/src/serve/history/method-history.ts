/**
 * Extension: usersRegisteredByMethodHistory(period, includedUserTypes, includedUserRoles) — the users
 * per registered method at the end of every UTC day of the period, from the users' stored versions, by
 * the same running sum as the feature history: each version adds its methods on its first day and
 * takes them away on its last. Rows per day in usersRegisteredByMethod's order; days before the first
 * sync are left out.
 */
import type { UserRoles, UserTypes } from '../../../../src/graph/types.js';
import { REGISTERED_METHODS } from '../../../../src/mock/tenant-vocab.js';
import type { Queryable } from '../../store/db.js';
import { byCodeUnits } from '../summaries/order.js';
import { periodSpanMs, type EndpointPeriod } from '../summaries/periods.js';
import { SCOPE_SQL } from '../summaries/scope.js';
import { storeScopeParams } from '../summaries/store-scope.js';
import { periodDays } from './period-days.js';

export interface MethodCountsOnDay {
  date: string;
  totalUserCount: number;
  userRegistrationMethodCounts: { authenticationMethod: string; userCount: number }[];
}

// $1, $2: scope; $3: the period's first day; $4: its last. A NULL method is the user count.
const SQL = `WITH versions AS (
  SELECT (valid_from AT TIME ZONE 'UTC')::date AS first_day, (valid_to AT TIME ZONE 'UTC')::date AS end_day, doc -> 'methodsRegistered' AS methods
  FROM user_versions WHERE (valid_from AT TIME ZONE 'UTC')::date <= $4::date AND ${SCOPE_SQL}
), counted AS (
  SELECT v.first_day, v.end_day, m.method FROM versions v
  CROSS JOIN LATERAL (
    SELECT DISTINCT e FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(v.methods) = 'array' THEN v.methods END) AS e WHERE e IS NOT NULL
    UNION ALL SELECT NULL
  ) AS m(method)
), changes AS (
  SELECT greatest(first_day, $3::date) AS day, method, 1 AS sign FROM counted
  UNION ALL
  SELECT greatest(end_day, $3::date), method, -1 FROM counted WHERE end_day IS NOT NULL AND end_day <= $4::date
), daily AS (
  SELECT day, method, sum(sign) AS n FROM changes GROUP BY day, method
), methods AS (
  SELECT DISTINCT method FROM daily
), grid AS (
  SELECT d::date AS day, methods.method FROM generate_series($3::date, $4::date, interval '1 day') AS d CROSS JOIN methods
)
SELECT to_char(grid.day, 'YYYY-MM-DD') AS date, grid.method, sum(coalesce(daily.n, 0)) OVER (PARTITION BY grid.method ORDER BY grid.day) AS n
FROM grid LEFT JOIN daily ON daily.day = grid.day AND daily.method IS NOT DISTINCT FROM grid.method
WHERE grid.day >= (SELECT (min(valid_from) AT TIME ZONE 'UTC')::date FROM user_versions)
ORDER BY grid.day`;

export async function methodHistory(db: Queryable, period: EndpointPeriod, userTypes: UserTypes, userRoles: UserRoles, now: Date): Promise<MethodCountsOnDay[]> {
  const [first, last] = periodDays(periodSpanMs(period), now);
  const { rows } = await db.query<{ date: string; method: string | null; n: number | string }>(SQL, [...(await storeScopeParams(db, userTypes, userRoles)), first, last]);
  const byDay = new Map<string, Map<string | null, number>>();
  for (const row of rows) {
    const day = byDay.get(row.date) ?? byDay.set(row.date, new Map()).get(row.date)!;
    day.set(row.method, Number(row.n));
  }
  const known = new Set<string>(['password', ...REGISTERED_METHODS]);
  const others = [...new Set(rows.map((r) => r.method))].filter((m): m is string => m !== null && !known.has(m)).sort(byCodeUnits);
  return [...byDay].map(([date, counts]) => {
    const total = counts.get(null) ?? 0;
    return {
      date,
      totalUserCount: total,
      userRegistrationMethodCounts: [
        { authenticationMethod: 'password', userCount: total },
        ...[...REGISTERED_METHODS, ...others].map((m) => ({ authenticationMethod: m, userCount: counts.get(m) ?? 0 })),
      ],
    };
  });
}
