/**
 * The Graph reports the sync keeps, in the order one run reads them, and last who holds a privileged
 * directory role (for includedUserRoles='privilegedAdmin').
 */
export const SYNC_SOURCES = [
  'userRegistrationDetails',
  'userEventsSummary',
  'directoryAudits',
  'userPasswordResetsAndChangesSummary',
  'privilegedRoleMembers',
] as const;

export type SyncSource = (typeof SYNC_SOURCES)[number];
