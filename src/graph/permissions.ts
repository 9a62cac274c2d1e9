/**
 * What each report route needs in Microsoft Graph: permissions (delegated, application — null where
 * app-only tokens are not supported) and, for delegated reads, the directory roles that can read it.
 * Source: the permissions include of each route's reference page (microsoftgraph/microsoft-graph-docs-contrib)
 * and the roles include rbac-reports-registration-usage-apis.md; see README, "Permissions".
 */
import type { ReportRoute } from './documented-queries.js';

export interface RoutePermissions {
  /** What the report is, in words. */
  report: string;
  delegated: readonly string[];
  /** null: app-only tokens are not supported. */
  application: readonly string[] | null;
  roles: readonly string[];
}

/** The directory roles that can read every one of these reports (delegated). */
export const REPORT_READER_ROLES = ['Reports Reader', 'Security Reader', 'Security Administrator', 'Global Reader'] as const;
const AUDIT_LOG = ['AuditLog.Read.All'] as const;

export const ROUTE_PERMISSIONS: Readonly<Record<ReportRoute, RoutePermissions>> = {
  usersRegisteredByFeature: { report: 'the registration counts', delegated: AUDIT_LOG, application: null, roles: REPORT_READER_ROLES },
  userRegistrationActivity: { report: 'the registration and reset activity', delegated: AUDIT_LOG, application: null, roles: REPORT_READER_ROLES },
  userEventsSummary: { report: 'the registration and reset events', delegated: AUDIT_LOG, application: AUDIT_LOG, roles: REPORT_READER_ROLES },
  userRegistrationDetails: { report: "the users' registration details", delegated: AUDIT_LOG, application: AUDIT_LOG, roles: REPORT_READER_ROLES },
  directoryAudits: {
    report: 'the audit log',
    delegated: ['AuditLog.Read.All', 'Directory.Read.All'],
    application: ['AuditLog.Read.All', 'Directory.Read.All'],
    roles: REPORT_READER_ROLES,
  },
};

/** The report route a request URL is for (matched on the route's name in the path). */
export function routeOf(url: string | undefined): ReportRoute | undefined {
  if (!url) return undefined;
  const path = url.split('?')[0]!.toLowerCase();
  return (Object.keys(ROUTE_PERMISSIONS) as ReportRoute[]).find((route) => path.includes(`/${route.toLowerCase()}`));
}
