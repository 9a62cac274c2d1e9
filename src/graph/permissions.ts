/**
 * What each report route needs in Microsoft Graph: permissions (delegated, application — null where
 * app-only tokens are not supported) and, for delegated reads, the directory roles that can read it.
 * Source: the permissions include of each route's reference page (microsoftgraph/microsoft-graph-docs-contrib)
 * and the roles include rbac-reports-registration-usage-apis.md; see README, "Permissions".
 */
import type { ReportRoute } from './documented-queries.js';
import { msg } from '../i18n/msg.js';

export interface RoutePermissions {
  /** What the report is, in words (in the language in effect when read). */
  readonly report: string;
  delegated: readonly string[];
  /** null: app-only tokens are not supported. */
  application: readonly string[] | null;
  roles: readonly string[];
}

/** The directory roles that can read every one of these reports (delegated). */
export const REPORT_READER_ROLES = ['Reports Reader', 'Security Reader', 'Security Administrator', 'Global Reader'] as const;
const AUDIT_LOG = ['AuditLog.Read.All'] as const;

export const ROUTE_PERMISSIONS: Readonly<Record<ReportRoute, RoutePermissions>> = {
  usersRegisteredByFeature: { get report() { return msg('the registration counts'); }, delegated: AUDIT_LOG, application: null, roles: REPORT_READER_ROLES },
  usersRegisteredByMethod: { get report() { return msg('the users registered per method'); }, delegated: AUDIT_LOG, application: null, roles: REPORT_READER_ROLES },
  userRegistrationActivity: { get report() { return msg('the registration and reset activity'); }, delegated: AUDIT_LOG, application: null, roles: REPORT_READER_ROLES },
  userEventsSummary: { get report() { return msg('the registration and reset events'); }, delegated: AUDIT_LOG, application: AUDIT_LOG, roles: REPORT_READER_ROLES },
  userPasswordResetsAndChangesSummary: {
    get report() { return msg('the daily password resets and changes'); },
    delegated: AUDIT_LOG,
    application: AUDIT_LOG,
    roles: REPORT_READER_ROLES,
  },
  userRegistrationDetails: { get report() { return msg("the users' registration details"); }, delegated: AUDIT_LOG, application: AUDIT_LOG, roles: REPORT_READER_ROLES },
  directoryAudits: {
    get report() { return msg('the audit log'); },
    delegated: ['AuditLog.Read.All', 'Directory.Read.All'],
    application: ['AuditLog.Read.All', 'Directory.Read.All'],
    roles: REPORT_READER_ROLES,
  },
};

/** A directory role's name as the admin center shows it in the reader's language. */
export function roleName(role: string): string {
  switch (role) {
    case 'Reports Reader': return msg('Reports Reader');
    case 'Security Reader': return msg('Security Reader');
    case 'Security Administrator': return msg('Security Administrator');
    case 'Global Reader': return msg('Global Reader');
    default: return role;
  }
}

/**
 * The report route a request URL is for: the path segment that is the route's name, exactly (a function
 * call's parentheses may follow it, raw or percent-encoded), so `usersRegisteredByMethod` is never taken
 * for `usersRegisteredByFeature`, nor `userRegistrationDetails` for `userRegistrationActivity`.
 */
export function routeOf(url: string | undefined): ReportRoute | undefined {
  if (!url) return undefined;
  const path = url.split(/[?#]/)[0]!.toLowerCase();
  const segments = path.split('/').map((segment) => segment.replace(/(\(|%28).*$/, ''));
  return (Object.keys(ROUTE_PERMISSIONS) as ReportRoute[]).find((route) => segments.includes(route.toLowerCase()));
}
