/** Domain rows the elements render: Graph's wire shapes, normalised and typed for display and sorting. */

export { PERIODS, EXTENDED_PERIODS, ALL_PERIODS, isExtendedPeriod, beyondGraphWindow, PERIOD_MS, USER_TYPES, USER_ROLES, type Period, type UserTypes, type UserRoles } from '../graph/types.js';

/** The features usersRegisteredByFeature counts (an evolvable enum: other names may appear). */
export type RegistrationFeature = 'ssprRegistered' | 'ssprEnabled' | 'ssprCapable' | 'mfaCapable' | 'passwordlessCapable';

export interface FeatureSummary {
  /** Users counted, excluding blocked accounts (Graph's definition). */
  total: number;
  userTypes: string;
  userRoles: string;
  /** userCount per feature, including features this library does not know yet. */
  counts: Record<string, number>;
}

/** `registration` | `reset`, or whatever newer value Graph sends. */
export type ActivityFeature = 'registration' | 'reset' | (string & {});

/** Successful and failed activity for one method (userRegistrationActivity). */
export interface ActivityRow {
  id: string;
  feature: ActivityFeature;
  method: string;
  succeeded: number;
  failed: number;
}

/** One registration or reset event (userEventsSummary). */
export interface EventRow {
  id: string;
  /** Epoch milliseconds (NaN when Graph sent no parsable date). */
  time: number;
  userName: string;
  upn: string;
  feature: ActivityFeature;
  method: string;
  succeeded: boolean;
  /** Empty when the event succeeded. */
  failureReason: string;
}

/** One user's registration state (userRegistrationDetails). */
export interface UserRow {
  id: string;
  name: string;
  upn: string;
  /** member | guest | … */
  userType: string;
  isAdmin: boolean;
  ssprRegistered: boolean;
  ssprEnabled: boolean;
  ssprCapable: boolean;
  mfaRegistered: boolean;
  mfaCapable: boolean;
  passwordlessCapable: boolean;
  methods: string[];
  /** When the report row was refreshed (not when the user registered), epoch ms. */
  lastUpdated: number;
}

/** One SSPR audit log entry (directoryAudits). */
export interface AuditRow {
  id: string;
  /** The service that logged it: 'Self-service Password Management' or 'Authentication Methods'. */
  service: string;
  time: number;
  activity: string;
  /** success | failure | timeout | … */
  status: string;
  reason: string;
  /** The actor's display name, else UPN, else the app's name. */
  initiatedBy: string;
  initiatedByUpn: string;
  /** The first target's display name, else UPN. */
  target: string;
  targetUpn: string;
  details: { key: string; value: string }[];
}

/** One page of rows while a report loads. */
export interface RowPage<Row> {
  rows: Row[];
  /** Page number, from 0. */
  index: number;
  /** Rows loaded so far, this page included. */
  loaded: number;
  /** The link to the next page, to resume from after a failure; absent on the last page. */
  nextLink?: string;
  /** Optional query parts not sent, because Graph refused them (`$top`, `isAdmin`). */
  dropped?: string[];
  /** Times the read began again from the first page after Graph's page token expired. */
  restarts?: number;
  /** Rows met again after such a restart and left out, because they were already given. */
  skipped?: number;
}
