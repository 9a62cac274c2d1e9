/** The Graph reports the sync keeps, in the order one run reads them. */
export const SYNC_SOURCES = [
  'userRegistrationDetails',
  'userEventsSummary',
  'directoryAudits',
  'userPasswordResetsAndChangesSummary',
] as const;

export type SyncSource = (typeof SYNC_SOURCES)[number];
