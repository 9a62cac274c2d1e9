/**
 * The requests the elements make, built with the widgets' own path and query builders, so the bench
 * measures exactly what a page asks for.
 */
import { ROUTES, SSPR_AUDIT_SERVICES } from '../../src/graph/types.js';
import { featureSummaryPath } from '../../src/reports/feature-summary.js';
import { methodCountsPath } from '../../src/reports/method-counts.js';
import { and, eq, or, queryString } from '../../src/reports/odata.js';
import { registrationActivityPath } from '../../src/reports/registration-activity.js';

export interface BenchRoute {
  label: string;
  path: string;
}

export type UsersOrder = 'userDisplayName' | 'userPrincipalName' | undefined;

/**
 * The audit table in server mode over users with the "MFA capable: no" facet, sorted by a name column
 * (or by a column Graph cannot order, sent without `$orderby`, as plain Graph clients page too):
 * src/table/sources.ts asks with `$top=999` first, and without it once the endpoint (as Graph) refuses
 * `$top` there — that second query, a page of 1,000, is the one every further page repeats.
 */
export function filteredUsersPage(orderBy: UsersOrder): BenchRoute {
  const query = queryString({ filter: and(eq('isMfaCapable', false)), orderBy: orderBy ? [[orderBy, 'asc']] : undefined });
  return { label: `users, isMfaCapable eq false, ${orderBy ? `by ${orderBy}` : 'no $orderby'}`, path: `${ROUTES.userRegistrationDetails}${query}` };
}

/** A dashboard's first load: the tiles, both charts, the trend, and the first page of each table report. */
export const DASHBOARD_ROUTES: readonly BenchRoute[] = [
  { label: 'usersRegisteredByFeature', path: featureSummaryPath() },
  { label: 'usersRegisteredByMethod', path: methodCountsPath() },
  { label: "userRegistrationActivity(period='d7')", path: registrationActivityPath('d7') },
  { label: 'userPasswordResetsAndChangesSummary', path: ROUTES.userPasswordResetsAndChangesSummary },
  // src/reports/events.ts: the documented maximum page, no order (the table sorts events by date in memory)
  { label: 'userEventsSummary, first page', path: `${ROUTES.userEventsSummary}${queryString({ top: 1000 })}` },
  {
    // src/reports/audits.ts: both SSPR services, newest first
    label: 'directoryAudits, first page',
    path: `${ROUTES.directoryAudits}${queryString({
      filter: or(...SSPR_AUDIT_SERVICES.map((service) => eq('loggedByService', service))),
      orderBy: [['activityDateTime', 'desc']],
      top: 1000,
    })}`,
  },
];
