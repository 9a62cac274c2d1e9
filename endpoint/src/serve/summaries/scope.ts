/**
 * includedUserTypes / includedUserRoles as a condition on user_versions rows, the same rule as the
 * mock's: userType must equal the type unless 'all'; admin / user split on isAdmin; privilegedAdmin is
 * whoever the last completed read of the privileged roles' members found (privileged_members).
 */
import { USER_ROLES, USER_TYPES, type UserRoles, type UserTypes } from '../../../../src/graph/types.js';
import { MockHttpError } from '../../../../src/mock/http-error.js';

/** Seconds a client should wait while the first read of the privileged role members is still to come. */
export const PRIVILEGED_NOT_SYNCED_RETRY_AFTER = 30;

/**
 * `$1` is the user type, `$2` the role. A missing isAdmin counts as a user, as in the mock; `@>` is
 * never NULL, so no row falls out of both scopes. The query must have `user_versions` in scope.
 */
export const SCOPE_SQL = `($1::text = 'all' OR doc ->> 'userType' = $1::text)
  AND (CASE $2::text
    WHEN 'all' THEN true
    WHEN 'privilegedAdmin' THEN EXISTS (SELECT 1 FROM privileged_members p WHERE p.user_id = user_versions.user_id)
    ELSE (doc @> '{"isAdmin": true}') = ($2::text = 'admin')
  END)`;

/**
 * Checks the scope and returns it as the query's `$1, $2`. `privilegedMembersSynced`: whether a read
 * of the privileged role members has completed; without one, privilegedAdmin is a 503 (an empty
 * privileged_members would be a false zero).
 */
export function scopeParams(userTypes: UserTypes, userRoles: UserRoles, privilegedMembersSynced: boolean): [string, string] {
  if (!USER_TYPES.includes(userTypes)) throw new RangeError(`Unknown includedUserTypes '${userTypes}'`);
  if (!USER_ROLES.includes(userRoles)) throw new RangeError(`Unknown includedUserRoles '${userRoles}'`);
  if (userRoles === 'privilegedAdmin' && !privilegedMembersSynced) {
    throw new MockHttpError(
      503,
      'serviceNotAvailable',
      "This endpoint has not finished its first sync of the privileged role members from Microsoft Graph yet, which includedUserRoles='privilegedAdmin' needs. Try again in a few minutes.",
      { 'retry-after': String(PRIVILEGED_NOT_SYNCED_RETRY_AFTER) },
    );
  }
  return [userTypes, userRoles];
}
