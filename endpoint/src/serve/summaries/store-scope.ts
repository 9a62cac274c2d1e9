/** The scope parameters of a summary query over the store: for privilegedAdmin, whether its members were synced. */
import type { UserRoles, UserTypes } from '../../../../src/graph/types.js';
import type { Queryable } from '../../store/db.js';
import { lastSynced } from '../../sync/status.js';
import { scopeParams } from './scope.js';

export async function storeScopeParams(db: Queryable, userTypes: UserTypes, userRoles: UserRoles): Promise<[string, string]> {
  const synced = userRoles === 'privilegedAdmin' && (await lastSynced(db)).privilegedRoleMembers !== undefined;
  return scopeParams(userTypes, userRoles, synced);
}
