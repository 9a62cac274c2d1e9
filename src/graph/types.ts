/**
 * Wire shapes of the Microsoft Graph reporting routes the elements read, as documented
 * (see README "Endpoint contract"). Shared by the reports layer (which parses them leniently)
 * and the mock (which produces them). Enum-like strings stay `string`: Graph's enums are evolvable.
 */

/** `GET v1.0/reports/authenticationMethods/usersRegisteredByFeature(...)` — one object. */
export interface GraphUserRegistrationFeatureSummary {
  '@odata.type'?: string;
  totalUserCount: number;
  userTypes?: string;
  userRoles?: string;
  userRegistrationFeatureCounts: { feature: string; userCount: number }[];
}

/**
 * `GET v1.0/reports/authenticationMethods/usersRegisteredByMethod(...)` — one object. `authenticationMethod`
 * is a free string (Graph's example lists `password`); `totalUserCount` is defined by the resource but
 * missing from Graph's own example.
 */
export interface GraphUserRegistrationMethodSummary {
  '@odata.type'?: string;
  totalUserCount?: number;
  userTypes: string;
  userRoles: string;
  userRegistrationMethodCounts: { authenticationMethod: string; userCount: number }[];
}

/** One row of `GET beta/reports/authenticationMethods/userPasswordResetsAndChangesSummary`: one day's counts. */
export interface GraphUserPasswordResetsAndChangesSummary {
  '@odata.type'?: string;
  id: string;
  /** ISO 8601 UTC; "always represent the entire day" (Graph's own example carries a time of day, though). */
  aggregatedDateTime: string;
  passwordResetsByAdminCount: number;
  passwordResetsSelfServiceCount: number;
  changePasswordSelfServiceCount: number;
}

/** One row of `GET beta/reports/authenticationMethods/userRegistrationActivity(period='d7')`. */
export interface GraphUserRegistrationActivitySummary {
  '@odata.type'?: string;
  id: string;
  feature: string; // registration | reset | unknownFutureValue
  authMethod: string; // usageAuthMethod (evolvable)
  successfulActivityCount: number;
  failureActivityCount: number;
}

/** One row of `GET beta/reports/authenticationMethods/userEventsSummary`. */
export interface GraphUserEventsSummary {
  '@odata.type'?: string;
  id: string;
  feature: string;
  userPrincipalName: string;
  userDisplayName: string;
  isSuccess: boolean;
  authMethod: string;
  failureReason: string;
  eventDateTime: string; // ISO 8601 UTC
}

/** One row of `GET v1.0/reports/authenticationMethods/userRegistrationDetails`. */
export interface GraphUserRegistrationDetails {
  id: string;
  userPrincipalName: string;
  userDisplayName: string;
  userType?: string; // member | guest | unknownFutureValue
  isAdmin: boolean;
  isSsprRegistered: boolean;
  isSsprEnabled: boolean;
  isSsprCapable: boolean;
  isMfaRegistered: boolean;
  isMfaCapable: boolean;
  isPasswordlessCapable: boolean;
  isSystemPreferredAuthenticationMethodEnabled?: boolean;
  methodsRegistered: string[];
  systemPreferredAuthenticationMethods?: string[];
  userPreferredMethodForSecondaryAuthentication?: string;
  lastUpdatedDateTime: string;
}

export interface GraphUserIdentity {
  id?: string | null;
  displayName?: string | null;
  userPrincipalName?: string | null;
  ipAddress?: string | null;
}

export interface GraphAppIdentity {
  appId?: string | null;
  displayName?: string | null;
  servicePrincipalId?: string | null;
  servicePrincipalName?: string | null;
}

export interface GraphTargetResource {
  id?: string | null;
  displayName?: string | null;
  type?: string | null;
  /** Graph's own docs example spells it with a capital T. */
  Type?: string | null;
  userPrincipalName?: string | null;
  groupType?: string | null;
  modifiedProperties?: { displayName?: string | null; oldValue?: string | null; newValue?: string | null }[];
}

/** One row of `GET v1.0/auditLogs/directoryAudits`. */
export interface GraphDirectoryAudit {
  id: string;
  category: string;
  correlationId?: string;
  result: string; // success | failure | timeout | unknownFutureValue
  resultReason: string;
  activityDisplayName: string;
  activityDateTime: string;
  loggedByService: string;
  operationType?: string;
  initiatedBy: { user?: GraphUserIdentity | null; app?: GraphAppIdentity | null };
  targetResources: GraphTargetResource[];
  additionalDetails?: { key: string; value: string }[];
}

/** An OData collection page. */
export interface GraphPage<T> {
  '@odata.context'?: string;
  '@odata.nextLink'?: string;
  value: T[];
}

/** Graph's error body. */
export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError?: { 'request-id'?: string; date?: string; 'client-request-id'?: string; code?: string; [k: string]: unknown };
  };
}

/** Graph's identity-reports throttling budget: 5 requests per 10 s per tenant. */
export const GRAPH_REPORTS_BUDGET = { requests: 5, perMs: 10_000 } as const;

/** The service name the SSPR audit entries are logged under. */
export const SSPR_AUDIT_SERVICE = 'Self-service Password Management';

/** Combined security-info registration ("User registered security info", …) is logged under this one. */
export const AUTH_METHODS_AUDIT_SERVICE = 'Authentication Methods';

/** The services whose audit entries make up the SSPR audit report. */
export const SSPR_AUDIT_SERVICES = [SSPR_AUDIT_SERVICE, AUTH_METHODS_AUDIT_SERVICE] as const;

/** The route paths, relative to the endpoint root. */
export const ROUTES = {
  usersRegisteredByFeature: 'v1.0/reports/authenticationMethods/usersRegisteredByFeature',
  usersRegisteredByMethod: 'v1.0/reports/authenticationMethods/usersRegisteredByMethod',
  userRegistrationActivity: 'beta/reports/authenticationMethods/userRegistrationActivity',
  userEventsSummary: 'beta/reports/authenticationMethods/userEventsSummary',
  userPasswordResetsAndChangesSummary: 'beta/reports/authenticationMethods/userPasswordResetsAndChangesSummary',
  userRegistrationDetails: 'v1.0/reports/authenticationMethods/userRegistrationDetails',
  directoryAudits: 'v1.0/auditLogs/directoryAudits',
} as const;

/** Graph's aggregationPeriod values (userRegistrationActivity). */
export const PERIODS = ['d1', 'd7', 'd30'] as const;
/** The periods a reporting endpoint that keeps history offers beyond Graph's 30 days (it says so in its answers). */
export const EXTENDED_PERIODS = ['d90', 'd180', 'd365'] as const;
export const ALL_PERIODS = [...PERIODS, ...EXTENDED_PERIODS] as const;
export type Period = (typeof ALL_PERIODS)[number];
/** How far back each period reaches. */
export const PERIOD_MS: Readonly<Record<Period, number>> = {
  d1: 86_400_000, d7: 7 * 86_400_000, d30: 30 * 86_400_000, d90: 90 * 86_400_000, d180: 180 * 86_400_000, d365: 365 * 86_400_000,
};
/**
 * True when `since` (epoch ms) lies before Graph's 30 days: only a reporting endpoint with history has
 * such rows, and the queries for them carry its date filters (a minute's slack: periods start on the minute).
 */
export const beyondGraphWindow = (since: number, now = Date.now()): boolean => since < now - PERIOD_MS.d30 - 60_000;
/** True for a period only a reporting endpoint with history answers: its queries carry the extension date filters. */
export const isExtendedPeriod = (period: Period): boolean => (EXTENDED_PERIODS as readonly string[]).includes(period);

/** usersRegisteredByFeature's and usersRegisteredByMethod's includedUserTypes and includedUserRoles parameters. */
export const USER_TYPES = ['all', 'member', 'guest'] as const;
export type UserTypes = (typeof USER_TYPES)[number];
export const USER_ROLES = ['all', 'privilegedAdmin', 'admin', 'user'] as const;
export type UserRoles = (typeof USER_ROLES)[number];
