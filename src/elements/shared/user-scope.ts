import type { UserRoles, UserTypes } from '../../reports/types.js';

/**
 * The table filters that keep a drill-down to the users an element counted (its `user-types` and
 * `user-roles`): a tile, a method or an answer about guests opens guests.
 */
export function userScopeFilter(userTypes: UserTypes, userRoles: UserRoles): Record<string, string | boolean> {
  const filter: Record<string, string | boolean> = {};
  if (userTypes !== 'all') filter.userType = userTypes;
  if (userRoles === 'admin' || userRoles === 'privilegedAdmin') filter.isAdmin = true;
  if (userRoles === 'user') filter.isAdmin = false;
  return filter;
}
