/**
 * includedUserTypes / includedUserRoles as a condition on the current user_versions rows, the same
 * rule as the mock's: userType must equal the type unless 'all'; admin / user split on isAdmin.
 */
import { USER_ROLES, USER_TYPES, type UserRoles, type UserTypes } from '../../../../src/graph/types.js';
import { MockHttpError } from '../../../../src/mock/http-error.js';

/**
 * `$1` is the user type, `$2` the role. A missing isAdmin counts as a user, as in the mock; `@>` is
 * never NULL, so no row falls out of both scopes.
 */
export const SCOPE_SQL = `($1::text = 'all' OR doc ->> 'userType' = $1::text)
  AND ($2::text = 'all' OR (doc @> '{"isAdmin": true}') = ($2::text = 'admin'))`;

/** Checks the scope and returns it as the query's `$1, $2`. */
export function scopeParams(userTypes: UserTypes, userRoles: UserRoles): [string, string] {
  if (!USER_TYPES.includes(userTypes)) throw new RangeError(`Unknown includedUserTypes '${userTypes}'`);
  if (!USER_ROLES.includes(userRoles)) throw new RangeError(`Unknown includedUserRoles '${userRoles}'`);
  // Graph's userRegistrationDetails rows do not say who holds a privileged role: an honest error beats
  // a count that silently means "all admins".
  if (userRoles === 'privilegedAdmin') {
    throw new MockHttpError(
      501,
      'NotImplemented',
      "includedUserRoles='privilegedAdmin' needs the tenant's privileged role members, which the endpoint does not store yet.",
    );
  }
  return [userTypes, userRoles];
}
