/**
 * Extension: usersRegisteredByFeatureHistory(period, includedUserTypes, includedUserRoles) — the
 * registration counts of usersRegisteredByFeature at the end of every UTC day of the period, from the
 * users' stored versions. A version counts from the day it was first seen until the day it was
 * replaced, so one pass over the versions (not days × users) gives every day: each adds its flags on
 * its first day and takes them away on its last, and a running sum over the days does the rest.
 * Days before the first sync have no data and are left out.
 */
import type { UserRoles, UserTypes } from '../../../../src/graph/types.js';
import type { Queryable } from '../../store/db.js';
import { FEATURES } from '../summaries/feature-summary.js';
import { periodSpanMs, type EndpointPeriod } from '../summaries/periods.js';
import { SCOPE_SQL } from '../summaries/scope.js';
import { storeScopeParams } from '../summaries/store-scope.js';
import { periodDays } from './period-days.js';

export interface FeatureCountsOnDay {
  /** The UTC day, `YYYY-MM-DD`; the counts are as they stood at its end (today: now). */
  date: string;
  totalUserCount: number;
  userRegistrationFeatureCounts: { feature: string; userCount: number }[];
}

const flags = FEATURES.map(([feature, flag], i) => `(doc @> '{"${flag}": true}')::int AS f${i}`).join(', ');
const sums = FEATURES.map((_, i) => `sum(sign * f${i}) AS f${i}`).join(', ');
const running = FEATURES.map((_, i) => `sum(coalesce(f${i}, 0)) OVER w AS f${i}`).join(', ');

// $1, $2: scope; $3: the period's first day; $4: its last (today)
const SQL = `WITH versions AS (
  SELECT (valid_from AT TIME ZONE 'UTC')::date AS first_day, (valid_to AT TIME ZONE 'UTC')::date AS end_day, ${flags}
  FROM user_versions WHERE (valid_from AT TIME ZONE 'UTC')::date <= $4::date AND ${SCOPE_SQL}
), changes AS (
  SELECT greatest(first_day, $3::date) AS day, 1 AS sign, * FROM versions
  UNION ALL
  SELECT greatest(end_day, $3::date), -1, * FROM versions WHERE end_day IS NOT NULL AND end_day <= $4::date
), daily AS (
  SELECT day, sum(sign) AS total, ${sums} FROM changes GROUP BY day
), days AS (
  SELECT d::date AS day FROM generate_series($3::date, $4::date, interval '1 day') AS d
)
SELECT to_char(days.day, 'YYYY-MM-DD') AS date, sum(coalesce(total, 0)) OVER w AS total, ${running}
FROM days LEFT JOIN daily USING (day)
WHERE days.day >= (SELECT (min(valid_from) AT TIME ZONE 'UTC')::date FROM user_versions)
WINDOW w AS (ORDER BY days.day)
ORDER BY days.day`;

export async function featureHistory(db: Queryable, period: EndpointPeriod, userTypes: UserTypes, userRoles: UserRoles, now: Date): Promise<FeatureCountsOnDay[]> {
  const [first, last] = periodDays(periodSpanMs(period), now);
  const { rows } = await db.query<Record<string, number | string>>(SQL, [...(await storeScopeParams(db, userTypes, userRoles)), first, last]);
  return rows.map((row) => ({
    date: String(row.date),
    totalUserCount: Number(row.total),
    userRegistrationFeatureCounts: FEATURES.map(([feature], i) => ({ feature, userCount: Number(row[`f${i}`]) })),
  }));
}
