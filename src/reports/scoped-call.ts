import type { RequestOptions } from '../client/index.js';
import { USER_ROLES, USER_TYPES, type UserRoles, type UserTypes } from './types.js';

/** The two report functions that count users (by feature, by method) take the same scope. */
export interface ScopedReportOptions extends RequestOptions {
  userTypes?: UserTypes;
  userRoles?: UserRoles;
}

/**
 * `route(includedUserTypes='…',includedUserRoles='…')`: the values are checked against Graph's enums,
 * so nothing else reaches the URL.
 */
export function scopedCall(route: string, userTypes: UserTypes = 'all', userRoles: UserRoles = 'all'): string {
  if (!USER_TYPES.includes(userTypes)) throw new TypeError(`user-types must be one of ${USER_TYPES.join(', ')}`);
  if (!USER_ROLES.includes(userRoles)) throw new TypeError(`user-roles must be one of ${USER_ROLES.join(', ')}`);
  return `${route}(includedUserTypes='${userTypes}',includedUserRoles='${userRoles}')`;
}
