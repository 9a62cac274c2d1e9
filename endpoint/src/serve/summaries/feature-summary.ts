/** usersRegisteredByFeature from the current user rows: one pass, one count per feature flag. */
import type { GraphUserRegistrationFeatureSummary, UserRoles, UserTypes } from '../../../../src/graph/types.js';
import type { Queryable } from '../../store/db.js';
import { SCOPE_SQL } from './scope.js';
import { storeScopeParams } from './store-scope.js';

/** Graph's features, in the order the mock (and Graph's example) lists them, with the flag each counts. */
export const FEATURES = [
  ['ssprRegistered', 'isSsprRegistered'],
  ['ssprEnabled', 'isSsprEnabled'],
  ['ssprCapable', 'isSsprCapable'],
  ['passwordlessCapable', 'isPasswordlessCapable'],
  ['mfaCapable', 'isMfaCapable'],
] as const;

// FILTER skips NULL, so a missing flag is simply not counted, and a text comparison (the cheapest test
// of the five per row) will do.
const SQL = `SELECT count(*) AS total,
  ${FEATURES.map(([feature, flag]) => `count(*) FILTER (WHERE (doc ->> '${flag}') = 'true') AS "${feature}"`).join(',\n  ')}
FROM user_versions
WHERE valid_to IS NULL AND ${SCOPE_SQL}`;

export async function featureSummary(db: Queryable, userTypes: UserTypes, userRoles: UserRoles): Promise<GraphUserRegistrationFeatureSummary> {
  const { rows } = await db.query<Record<string, number>>(SQL, await storeScopeParams(db, userTypes, userRoles));
  const row = rows[0]!;
  return {
    '@odata.type': '#microsoft.graph.userRegistrationFeatureSummary',
    totalUserCount: row.total!,
    userTypes,
    userRoles,
    userRegistrationFeatureCounts: FEATURES.map(([feature]) => ({ feature, userCount: row[feature]! })),
  };
}
