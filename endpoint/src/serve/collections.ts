/**
 * The four stored collections as the endpoint serves them: which table, which typed columns, Graph's
 * documented queries plus the endpoint's extensions (date filters over the whole history), and
 * Graph's 30-day window for queries without one.
 */
import { DOCUMENTED_QUERIES, type DocumentedQueries } from '../../../src/graph/documented-queries.js';
import {
  DIRECTORY_AUDIT_SCHEMA, USER_EVENTS_SUMMARY_SCHEMA, USER_PASSWORD_RESETS_AND_CHANGES_SUMMARY_SCHEMA,
  USER_REGISTRATION_DETAILS_SCHEMA,
} from '../../../src/mock/route-schemas.js';
import { USAGE_AUTH_METHODS_AFTER_SENTINEL } from '../../../src/mock/tenant-vocab.js';
import type { SqlCollectionRoute } from './sql-collection.js';

const GRAPH = 'https://graph.microsoft.com';
const DAY_MS = 86_400_000;
/** Graph keeps these reports for 30 days. */
export const GRAPH_WINDOW_MS = 30 * DAY_MS;
const DATE_RANGE = ['eq', 'ge', 'gt', 'le', 'lt'] as const;

function extend(queries: DocumentedQueries, filter: Record<string, readonly ('eq' | 'ge' | 'gt' | 'le' | 'lt')[]>, options = queries.options): DocumentedQueries {
  return { ...queries, options, filter: { ...queries.filter, ...filter } };
}

/** Without `Prefer: include-unknown-enum-members`, newer usageAuthMethod members read as unknownFutureValue (as Graph). */
export function unknownEnumPresenter(includeUnknownEnums: boolean): ((row: Record<string, unknown>) => Record<string, unknown>) | undefined {
  if (includeUnknownEnums) return undefined;
  return (row) => (USAGE_AUTH_METHODS_AFTER_SENTINEL.has(String(row.authMethod)) ? { ...row, authMethod: 'unknownFutureValue' } : row);
}

const since = (column: string) => (params: unknown[], now: Date) => {
  params.push(new Date(now.getTime() - GRAPH_WINDOW_MS).toISOString());
  return `${column} > $${params.length}::timestamptz`;
};

export function userRegistrationDetailsRoute(version: 'v1.0' | 'beta'): SqlCollectionRoute {
  return {
    name: 'userRegistrationDetails',
    schema: USER_REGISTRATION_DETAILS_SCHEMA,
    queries: DOCUMENTED_QUERIES.userRegistrationDetails,
    context: `${GRAPH}/${version}/$metadata#reports/authenticationMethods/userRegistrationDetails`,
    table: 'user_versions',
    fixedWhere: 'valid_to IS NULL',
    mapping: { doc: 'doc', key: 'user_id' },
    defaultTop: 1000,
  };
}

export function userEventsSummaryRoute(includeUnknownEnums: boolean): SqlCollectionRoute {
  return {
    name: 'userEventsSummary',
    schema: USER_EVENTS_SUMMARY_SCHEMA,
    queries: extend(DOCUMENTED_QUERIES.userEventsSummary, { eventDateTime: DATE_RANGE }),
    context: `${GRAPH}/beta/$metadata#reports/authenticationMethods/userEventsSummary`,
    table: 'events',
    // newest first, as Graph (and the mock) answer
    mapping: { doc: 'doc', key: 'event_key', columns: { eventDateTime: 'event_at' }, defaultOrder: 'eventDateTime desc' },
    defaultTop: 1000,
    window: { property: 'eventDateTime', condition: since('event_at') },
    present: unknownEnumPresenter(includeUnknownEnums),
  };
}

export function directoryAuditsRoute(version: 'v1.0' | 'beta'): SqlCollectionRoute {
  return {
    name: 'directoryAudits',
    schema: DIRECTORY_AUDIT_SCHEMA,
    queries: extend(DOCUMENTED_QUERIES.directoryAudits, { activityDateTime: DATE_RANGE }),
    context: `${GRAPH}/${version}/$metadata#auditLogs/directoryAudits`,
    table: 'audits',
    mapping: { doc: 'doc', key: 'audit_id', columns: { activityDateTime: 'activity_at' }, defaultOrder: 'activityDateTime desc' },
    defaultTop: 100,
    window: { property: 'activityDateTime', condition: since('activity_at') },
  };
}

/** The first UTC day of Graph's window: every day that (now − 30 d, now] touches, 31 unless now is midnight. */
function firstWindowDay(now: Date): string {
  const first = Math.floor((now.getTime() - GRAPH_WINDOW_MS + 1) / DAY_MS) * DAY_MS;
  return new Date(first).toISOString().slice(0, 10);
}

export function resetsAndChangesRoute(): SqlCollectionRoute {
  return {
    name: 'userPasswordResetsAndChangesSummary',
    schema: USER_PASSWORD_RESETS_AND_CHANGES_SUMMARY_SCHEMA,
    queries: extend(DOCUMENTED_QUERIES.userPasswordResetsAndChangesSummary, { aggregatedDateTime: DATE_RANGE }),
    context: `${GRAPH}/beta/$metadata#reports/authenticationMethods/userPasswordResetsAndChangesSummary`,
    table: 'daily_resets',
    // newest day first, as Graph sends them: the key counts days back from the far future
    mapping: { doc: 'doc', key: "(DATE '9999-12-31' - day)", columns: { aggregatedDateTime: "(day::timestamp AT TIME ZONE 'UTC')" } },
    defaultTop: 1000,
    window: {
      property: 'aggregatedDateTime',
      condition: (params, now) => {
        params.push(firstWindowDay(now));
        return `day >= $${params.length}::date`;
      },
    },
  };
}
