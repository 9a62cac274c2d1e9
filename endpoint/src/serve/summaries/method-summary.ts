/** usersRegisteredByMethod from the current user rows: users per distinct registered method, one pass. */
import type { GraphUserRegistrationMethodSummary, UserRoles, UserTypes } from '../../../../src/graph/types.js';
import { REGISTERED_METHODS } from '../../../../src/mock/tenant-vocab.js';
import type { Queryable } from '../../store/db.js';
import { SCOPE_SQL } from './scope.js';
import { storeScopeParams } from './store-scope.js';
import { byCodeUnits } from './order.js';

/**
 * Users share few distinct method lists, so the scan groups users by their list and only the distinct
 * lists are expanded (as the mock counts per interned array). The lists travel as one jsonb value:
 * PostgreSQL cannot know how few they are and would plan (and JIT-compile) an expansion per user.
 * Each list yields its distinct methods plus one NULL marker, so the NULL group is the user count. A
 * non-array yields no methods (the mock's `new Set(undefined)`).
 */
const SQL = `WITH lists AS (
  SELECT jsonb_agg(jsonb_build_array(methods, users)) AS all_lists
  FROM (
    SELECT doc -> 'methodsRegistered' AS methods, count(*) AS users
    FROM user_versions
    WHERE valid_to IS NULL AND ${SCOPE_SQL}
    GROUP BY 1
  ) AS by_list
)
SELECT m.method, sum((list ->> 1)::bigint)::bigint AS n
FROM lists
CROSS JOIN LATERAL jsonb_array_elements(lists.all_lists) AS list
CROSS JOIN LATERAL (
  SELECT DISTINCT e
  FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(list -> 0) = 'array' THEN list -> 0 END) AS e
  WHERE e IS NOT NULL
  UNION ALL
  SELECT NULL
) AS m(method)
GROUP BY m.method`;

/**
 * Rows as the mock orders them: `password` first, then REGISTERED_METHODS (zero rows included), then
 * any other name, by name. `password` is every user in scope: methodsRegistered never lists it, and
 * every account has one.
 */
export async function methodSummary(db: Queryable, userTypes: UserTypes, userRoles: UserRoles): Promise<GraphUserRegistrationMethodSummary> {
  const { rows } = await db.query<{ method: string | null; n: number }>(SQL, await storeScopeParams(db, userTypes, userRoles));
  const counts = new Map(rows.map((r) => [r.method, r.n]));
  const total = counts.get(null) ?? 0;
  const known = new Set<string>(['password', ...REGISTERED_METHODS]);
  const others = rows.map((r) => r.method).filter((m): m is string => m !== null && !known.has(m)).sort(byCodeUnits);
  return {
    '@odata.type': '#microsoft.graph.userRegistrationMethodSummary',
    totalUserCount: total,
    userTypes,
    userRoles,
    userRegistrationMethodCounts: [
      { authenticationMethod: 'password', userCount: total },
      ...[...REGISTERED_METHODS, ...others].map((m) => ({ authenticationMethod: m, userCount: counts.get(m) ?? 0 })),
    ],
  };
}
