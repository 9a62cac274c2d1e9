/**
 * What Microsoft Graph documents for each report route: the query options, the `$filter` properties
 * with their operators, and the `$orderby` properties. The mock answers 400 to anything else, as strict
 * as the reference; the client sends only these (plus, where noted, options seen working in the wild,
 * with a fallback when Graph refuses them). Source: microsoftgraph/microsoft-graph-docs-contrib,
 * api-reference (the page for each route is given).
 */

export type QueryOptionName = '$filter' | '$orderby' | '$top' | '$skiptoken' | '$select';

/**
 * A `$filter` operator: a comparison, `startswith`, or — for a collection — `any` whose body compares
 * the element (`methodsRegistered/any(x:x eq 'email')` is property `methodsRegistered/any`, operator `eq`).
 */
export type FilterOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'startswith';

export interface DocumentedQueries {
  /** The reference page these come from. */
  doc: string;
  options: readonly QueryOptionName[];
  /** Property path (`initiatedBy/user/userPrincipalName`, `targetResources/any/displayName`) → operators. */
  filter: Readonly<Record<string, readonly FilterOperator[]>>;
  orderby: readonly string[];
  /** The largest `$top`, where `$top` is documented. */
  maxTop?: number;
}

const NAMES = { userDisplayName: ['eq', 'startswith'], userPrincipalName: ['eq', 'startswith'] } as const;

export const DOCUMENTED_QUERIES = {
  usersRegisteredByFeature: {
    doc: 'api-reference/v1.0/api/authenticationmethodsroot-usersregisteredbyfeature.md',
    options: [],
    filter: {},
    orderby: [],
  },
  usersRegisteredByMethod: {
    // Function parameters (includedUserTypes, includedUserRoles) only; no OData query options.
    doc: 'api-reference/v1.0/api/authenticationmethodsroot-usersregisteredbymethod.md',
    options: [],
    filter: {},
    orderby: [],
  },
  userRegistrationActivity: {
    // The function page documents no options; the resource page lists these filters.
    doc: 'api-reference/beta/resources/userregistrationactivitysummary.md',
    options: ['$filter'],
    filter: { id: ['eq'], feature: ['eq'], authMethod: ['eq'], successfulActivityCount: ['gt', 'lt'], failureActivityCount: ['eq'] },
    orderby: [],
  },
  userEventsSummary: {
    doc: 'api-reference/beta/api/authenticationmethodsroot-list-usereventssummary.md',
    options: ['$filter', '$orderby', '$top', '$skiptoken'],
    filter: { feature: ['eq'], isSuccess: ['eq'], failureReason: ['eq'], authMethod: ['eq'], ...NAMES },
    orderby: ['userDisplayName', 'userPrincipalName'],
    maxTop: 1000,
  },
  userPasswordResetsAndChangesSummary: {
    // The list page documents `$filter` with `gt` on the three counts and nothing else (no date filter,
    // no $top, no page size). `$skiptoken` is here only so that an `@odata.nextLink`, should Graph send
    // one, can be followed; the client never sets it itself.
    doc: 'api-reference/beta/api/authenticationmethodsroot-list-userpasswordresetsandchangessummary.md, api-reference/beta/resources/userpasswordresetsandchangessummary.md',
    options: ['$filter', '$skiptoken'],
    filter: { passwordResetsByAdminCount: ['gt'], passwordResetsSelfServiceCount: ['gt'], changePasswordSelfServiceCount: ['gt'] },
    orderby: [],
  },
  userRegistrationDetails: {
    // "This method supports only the $filter and $orderBy OData query parameters."
    doc: 'api-reference/v1.0/api/authenticationmethodsroot-list-userregistrationdetails.md, api-reference/v1.0/resources/userregistrationdetails.md',
    options: ['$filter', '$orderby', '$skiptoken'],
    filter: {
      isMfaCapable: ['eq'],
      isMfaRegistered: ['eq'],
      isSsprEnabled: ['eq'],
      isSsprRegistered: ['eq'],
      isSsprCapable: ['eq'],
      isPasswordlessCapable: ['eq'],
      isSystemPreferredAuthenticationMethodEnabled: ['eq'],
      'methodsRegistered/any': ['eq'],
      'systemPreferredAuthenticationMethods/any': ['eq'],
      userPreferredMethodForSecondaryAuthentication: ['eq'],
      ...NAMES,
    },
    orderby: ['userDisplayName', 'userPrincipalName'],
  },
  directoryAudits: {
    doc: 'api-reference/v1.0/api/directoryaudit-list.md',
    options: ['$filter', '$orderby', '$top', '$skiptoken'],
    filter: {
      activityDateTime: ['eq', 'ge', 'le'],
      activityDisplayName: ['eq', 'startswith'],
      loggedByService: ['eq'],
      'initiatedBy/user/id': ['eq'],
      'initiatedBy/user/displayName': ['eq'],
      'initiatedBy/user/userPrincipalName': ['eq', 'startswith'],
      'initiatedBy/app/appId': ['eq'],
      'initiatedBy/app/displayName': ['eq'],
      'targetResources/any/id': ['eq'],
      'targetResources/any/displayName': ['eq', 'startswith'],
    },
    orderby: ['activityDateTime'],
    maxTop: 1000,
  },
} as const satisfies Record<string, DocumentedQueries>;

export type ReportRoute = keyof typeof DOCUMENTED_QUERIES;

/**
 * The directory-role reads (not reports: the reporting endpoint's sync uses them to learn who holds a
 * privileged role, with `RoleManagement.Read.Directory` or `Directory.Read.All`). No query options are
 * used; `$skiptoken` is here only so that the members' `@odata.nextLink`s can be followed.
 */
export const DIRECTORY_ROLE_QUERIES = {
  directoryRoles: {
    doc: 'api-reference/v1.0/api/directoryrole-list.md',
    options: [],
    filter: {},
    orderby: [],
  },
  directoryRoleMembers: {
    doc: 'api-reference/v1.0/api/directoryrole-list-members.md',
    options: ['$skiptoken'],
    filter: {},
    orderby: [],
  },
} as const satisfies Record<string, DocumentedQueries>;

/**
 * Options this library sends although the reference does not document them, because they are in wide
 * use; when Graph answers 400 to one, the client drops it, does the work in memory and says so.
 */
export const UNDOCUMENTED_IN_USE = {
  userRegistrationDetails: { options: ['$top'], filter: ['isAdmin', 'userType'] },
} as const;
