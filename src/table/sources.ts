import { msg } from '../i18n/msg.js';
import type { ReportClient } from '../client/report-client.js';
import type { PagingOptions } from '../client/client-options.js';
import { pageAudits } from '../reports/audits.js';
import { pageEvents } from '../reports/events.js';
import { and, any, eq, ge, or, startsWith, type ODataFilter } from '../reports/odata.js';
import type { OptionalPart } from '../reports/paged.js';
import { UNDOCUMENTED_IN_USE, type ReportRoute } from '../graph/documented-queries.js';
import { beyondGraphWindow, type AuditRow, type EventRow, type RowPage, type UserRow } from '../reports/types.js';
import { pageUsers } from '../reports/users.js';
import { AUDIT_COLUMNS, EVENT_COLUMNS, USER_COLUMNS, type Column, type TableReport } from './columns.js';
import { AUDIT_FACETS, EVENT_FACETS, NONE, USER_FACETS, type Facet } from './facets.js';
import type { TableFilter, TableSort } from './table-model.js';

export interface LoadOptions extends PagingOptions {
  /** Resume from this nextLink. */
  from?: string;
  /** With `from`: the rows already given by the load being resumed (see PagedReportOptions.earlier). */
  earlier?: readonly (readonly unknown[])[];
  /** Server mode: the filter and sort to push to the endpoint. */
  filter?: TableFilter;
  sort?: TableSort;
}

/** Everything the table needs to know about one report. */
export interface TableSource<Row> {
  report: TableReport;
  /** The Graph report the rows come from. */
  route: ReportRoute;
  columns: Column<Row>[];
  facets: Facet<Row>[];
  /** The text the search box looks in. */
  searchText: (row: Row) => string;
  time?: (row: Row) => number;
  defaultSort: TableSort;
  load: (client: ReportClient, options: LoadOptions) => AsyncGenerator<RowPage<Row>>;
  /**
   * Facets pushed to the endpoint in server mode (Graph documents `$filter` for them, or — users'
   * `isAdmin`, `userType` — they work in the wild and fall back to memory when refused). Everything the
   * endpoint cannot do (the period and date order of events, say) is done in memory on the rows loaded.
   */
  serverFacets: readonly string[];
  /** What the endpoint cannot do for this query in server mode, in words ("filter events by date"). */
  inMemoryOnly?: (query: { period: boolean; sort: TableSort }) => string[];
}

const bool = (v: string) => v === 'true';
/** `$filter` for a search box in server mode: Graph offers startswith (not contains) on these. */
const searchFilter = (text: string, fields: string[]) => (text.trim() ? or(...fields.map((f) => startsWith(f, text.trim()))) : undefined);

/** Builds `$filter` from the facets the report can push, each through the escaping builder. */
function facetFilter(filter: TableFilter | undefined, map: Record<string, (value: string) => ODataFilter>, skip: readonly string[] = []): ODataFilter | undefined {
  if (!filter) return undefined;
  return and(...Object.entries(filter.facets).map(([key, value]) => (value !== '' && map[key] && !skip.includes(key) ? map[key](value) : undefined)));
}

const EVENT_SERVER: Record<string, (v: string) => ODataFilter> = {
  feature: (v) => eq('feature', v),
  method: (v) => eq('authMethod', v),
  status: (v) => eq('isSuccess', v === 'success'),
  failureReason: (v) => eq('failureReason', v === NONE ? '' : v),
};

export const EVENTS_SOURCE: TableSource<EventRow> = {
  report: 'events',
  route: 'userEventsSummary',
  columns: EVENT_COLUMNS,
  facets: EVENT_FACETS,
  searchText: (r) => `${r.userName}\u0000${r.upn}`,
  time: (r) => r.time,
  defaultSort: { key: 'time', direction: 'desc' },
  serverFacets: Object.keys(EVENT_SERVER),
  // userEventsSummary documents no filter or order on eventDateTime: the period and the date order are
  // applied here, to the rows loaded; Graph may order by the names. A period beyond Graph's 30 days
  // (offered only by a reporting endpoint with history) is sent as that endpoint's date filter.
  inMemoryOnly: ({ period, sort }) => [...(period ? [msg('filter events by date')] : []), ...(sort.key === 'time' ? [msg('sort events by date')] : [])],
  load: (client, { from, filter, sort, ...paging }) => {
    const orderBy = EVENT_COLUMNS.find((c) => c.key === sort?.key)?.orderBy;
    return pageEvents(client, {
      ...paging,
      from,
      filter: and(
        facetFilter(filter, EVENT_SERVER),
        filter && searchFilter(filter.search, ['userDisplayName', 'userPrincipalName']),
        filter?.since !== undefined && beyondGraphWindow(filter.since) ? ge('eventDateTime', new Date(filter.since)) : undefined,
      ),
      orderBy: orderBy && sort ? [[orderBy, sort.direction]] : undefined,
    });
  },
};

const USER_SERVER: Record<string, (v: string) => ODataFilter> = {
  isSsprRegistered: (v) => eq('isSsprRegistered', bool(v)),
  isSsprEnabled: (v) => eq('isSsprEnabled', bool(v)),
  isSsprCapable: (v) => eq('isSsprCapable', bool(v)),
  isMfaCapable: (v) => eq('isMfaCapable', bool(v)),
  isPasswordlessCapable: (v) => eq('isPasswordlessCapable', bool(v)),
  isAdmin: (v) => eq('isAdmin', bool(v)),
  userType: (v) => eq('userType', v),
  methodsRegistered: (v) => any('methodsRegistered', 'eq', v),
};

export const USERS_SOURCE: TableSource<UserRow> = {
  report: 'users',
  route: 'userRegistrationDetails',
  columns: USER_COLUMNS,
  facets: USER_FACETS,
  searchText: (r) => `${r.name}\u0000${r.upn}`,
  defaultSort: { key: 'name', direction: 'asc' },
  serverFacets: Object.keys(USER_SERVER),
  load: (client, { from, filter, sort, ...paging }) => {
    const orderBy = USER_COLUMNS.find((c) => c.key === sort?.key)?.orderBy;
    const undocumented: readonly string[] = UNDOCUMENTED_IN_USE.userRegistrationDetails.filter;
    const optional: OptionalPart[] = [
      { name: '$top' },
      ...undocumented.flatMap((key) => {
        const value = filter?.facets[key];
        return value !== undefined && value !== '' ? [{ name: key, filter: USER_SERVER[key]!(value) }] : [];
      }),
    ];
    return pageUsers(client, {
      ...paging,
      from,
      top: 999,
      optional,
      filter: and(facetFilter(filter, USER_SERVER, undocumented), filter && searchFilter(filter.search, ['userDisplayName', 'userPrincipalName'])),
      orderBy: orderBy && sort ? [[orderBy, sort.direction]] : undefined,
    });
  },
};

const AUDIT_SERVER: Record<string, (v: string) => ODataFilter> = {
  activity: (v) => eq('activityDisplayName', v),
  service: (v) => eq('loggedByService', v),
};

export const AUDIT_SOURCE: TableSource<AuditRow> = {
  report: 'audit',
  route: 'directoryAudits',
  columns: AUDIT_COLUMNS,
  facets: AUDIT_FACETS,
  searchText: (r) => `${r.initiatedBy}\u0000${r.initiatedByUpn}\u0000${r.target}\u0000${r.targetUpn}`,
  time: (r) => r.time,
  defaultSort: { key: 'time', direction: 'desc' },
  serverFacets: Object.keys(AUDIT_SERVER),
  load: (client, { from, filter, sort, ...paging }) =>
    pageAudits(client, {
      ...paging,
      from,
      filter: and(
        facetFilter(filter, AUDIT_SERVER),
        filter && searchFilter(filter.search, ['initiatedBy/user/userPrincipalName']),
        filter?.since !== undefined ? ge('activityDateTime', new Date(filter.since)) : undefined,
      ),
      orderBy: [['activityDateTime', sort?.key === 'time' ? sort.direction : 'desc']],
    }),
};

export const SOURCES = { events: EVENTS_SOURCE, users: USERS_SOURCE, audit: AUDIT_SOURCE } as unknown as Record<TableReport, TableSource<unknown>>;
