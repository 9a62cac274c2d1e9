/**
 * The Graph routes the endpoint answers, matched (case-insensitively) on the path from the version
 * segment on, as the mock matches them: stored collections from SQL, the delegated-only summaries
 * computed from stored rows.
 */
import { DOCUMENTED_QUERIES, type DocumentedQueries } from '../../../src/graph/documented-queries.js';
import { USER_ROLES, USER_TYPES } from '../../../src/graph/types.js';
import { enumParam, onlyParams, parseFunctionParams } from '../../../src/mock/handler/function-params.js';
import { readQueryOptions } from '../../../src/mock/handler/query-options.js';
import { MockHttpError } from '../../../src/mock/http-error.js';
import { compileFilter } from '../../../src/mock/odata/compile-filter.js';
import { USER_REGISTRATION_ACTIVITY_SCHEMA } from '../../../src/mock/route-schemas.js';
import type { Queryable } from '../store/db.js';
import type { SyncSource } from '../sync/sources.js';
import {
  directoryAuditsRoute, resetsAndChangesRoute, unknownEnumPresenter, userEventsSummaryRoute, userRegistrationDetailsRoute,
} from './collections.js';
import { serveSqlCollection } from './sql-collection.js';
import { featureHistory } from './history/feature-history.js';
import { methodHistory } from './history/method-history.js';
import { activitySummary, ENDPOINT_PERIODS, featureSummary, methodSummary } from './summaries/index.js';

export interface GraphRequest {
  db: Queryable;
  url: URL;
  /** Path from the version segment on, decoded, without a trailing slash. */
  routePath: string;
  now: Date;
  includeUnknownEnums: boolean;
  publicUrl?: string;
  pageSize?: number;
}

interface GraphRoute {
  pattern: RegExp;
  /** The synced report the answer is made from: its freshness goes with the answer. */
  source: SyncSource;
  serve: (m: RegExpExecArray, req: GraphRequest) => Promise<Record<string, unknown>>;
  /**
   * Computed from every stored row: the answer is kept until the next sync (summary-cache.ts),
   * `maxAgeMs` at most when it also depends on the clock.
   */
  cache?: { maxAgeMs?: number };
}

/** How long an answer counted back from now is kept: its window moves on even when syncs stop. */
const CLOCK_RELATIVE_MAX_AGE_MS = 5 * 60_000;

const version = (m: RegExpExecArray) => (m[1]!.toLowerCase() === 'beta' ? 'beta' : 'v1.0');

function scope(m: RegExpExecArray, req: GraphRequest, options: DocumentedQueries) {
  readQueryOptions(req.url, options.options);
  const params = parseFunctionParams(m[2] ?? '');
  onlyParams(params, ['includedUserTypes', 'includedUserRoles']);
  return [enumParam(params, 'includedUserTypes', USER_TYPES, 'all'), enumParam(params, 'includedUserRoles', USER_ROLES, 'all')] as const;
}

/** The daily series' parameters: a period (default d30) and the summaries' scope; no query options. */
function historyParams(m: RegExpExecArray, req: GraphRequest) {
  readQueryOptions(req.url, []);
  const params = parseFunctionParams(m[2] ?? '');
  onlyParams(params, ['period', 'includedUserTypes', 'includedUserRoles']);
  return {
    period: enumParam(params, 'period', ENDPOINT_PERIODS, 'd30'),
    userTypes: enumParam(params, 'includedUserTypes', USER_TYPES, 'all'),
    userRoles: enumParam(params, 'includedUserRoles', USER_ROLES, 'all'),
  };
}

export const GRAPH_ROUTES: readonly GraphRoute[] = [
  {
    pattern: /^(v1\.0|beta)\/reports\/authenticationMethods\/usersRegisteredByFeature(?:\((.*)\))?$/i,
    source: 'userRegistrationDetails',
    cache: {},
    serve: async (m, req) => ({ ...(await featureSummary(req.db, ...scope(m, req, DOCUMENTED_QUERIES.usersRegisteredByFeature))) }),
  },
  {
    pattern: /^(v1\.0|beta)\/reports\/authenticationMethods\/usersRegisteredByMethod(?:\((.*)\))?$/i,
    source: 'userRegistrationDetails',
    cache: {},
    serve: async (m, req) => ({ ...(await methodSummary(req.db, ...scope(m, req, DOCUMENTED_QUERIES.usersRegisteredByMethod))) }),
  },
  {
    pattern: /^beta\/reports\/authenticationMethods\/userRegistrationActivity(?:\((.*)\))?$/i,
    source: 'userEventsSummary',
    cache: { maxAgeMs: CLOCK_RELATIVE_MAX_AGE_MS },
    serve: async (m, req) => {
      const queries = DOCUMENTED_QUERIES.userRegistrationActivity;
      const options = readQueryOptions(req.url, queries.options);
      const params = parseFunctionParams(m[1] ?? '');
      onlyParams(params, ['period']);
      const period = enumParam(params, 'period', ENDPOINT_PERIODS);
      // a few dozen computed rows: the mock's own filter engine runs on them
      const filter = options.filter !== undefined ? compileFilter<Record<string, unknown>>(options.filter, USER_REGISTRATION_ACTIVITY_SCHEMA, queries.filter) : undefined;
      const present = unknownEnumPresenter(req.includeUnknownEnums);
      const rows = (await activitySummary(req.db, period, req.now)) as unknown as Record<string, unknown>[];
      return { value: rows.filter((row) => !filter || filter(row)).map((row) => (present ? present(row) : row)) };
    },
  },
  {
    // extension: the feature counts at the end of each day of the period, from the stored history
    pattern: /^(v1\.0|beta)\/reports\/authenticationMethods\/usersRegisteredByFeatureHistory(?:\((.*)\))?$/i,
    source: 'userRegistrationDetails',
    cache: { maxAgeMs: CLOCK_RELATIVE_MAX_AGE_MS },
    serve: async (m, req) => {
      const { period, userTypes, userRoles } = historyParams(m, req);
      return { period, userTypes, userRoles, value: await featureHistory(req.db, period, userTypes, userRoles, req.now) };
    },
  },
  {
    // extension: the users per method at the end of each day of the period, from the stored history
    pattern: /^(v1\.0|beta)\/reports\/authenticationMethods\/usersRegisteredByMethodHistory(?:\((.*)\))?$/i,
    source: 'userRegistrationDetails',
    cache: { maxAgeMs: CLOCK_RELATIVE_MAX_AGE_MS },
    serve: async (m, req) => {
      const { period, userTypes, userRoles } = historyParams(m, req);
      return { period, userTypes, userRoles, value: await methodHistory(req.db, period, userTypes, userRoles, req.now) };
    },
  },
  {
    pattern: /^beta\/reports\/authenticationMethods\/userEventsSummary$/i,
    source: 'userEventsSummary',
    serve: (_m, req) => serveSqlCollection(req.db, userEventsSummaryRoute(req.includeUnknownEnums), req),
  },
  {
    pattern: /^beta\/reports\/authenticationMethods\/userPasswordResetsAndChangesSummary$/i,
    source: 'userPasswordResetsAndChangesSummary',
    serve: (_m, req) => serveSqlCollection(req.db, resetsAndChangesRoute(), req),
  },
  {
    pattern: /^(v1\.0|beta)\/reports\/authenticationMethods\/userRegistrationDetails$/i,
    source: 'userRegistrationDetails',
    serve: (m, req) => serveSqlCollection(req.db, userRegistrationDetailsRoute(version(m)), req),
  },
  {
    pattern: /^(v1\.0|beta)\/auditLogs\/directoryAudits$/i,
    source: 'directoryAudits',
    serve: (m, req) => serveSqlCollection(req.db, directoryAuditsRoute(version(m)), req),
  },
];

/** The route for a path, or a Graph-shaped 404 naming the segment. */
export function findGraphRoute(routePath: string): { route: GraphRoute; match: RegExpExecArray } {
  for (const route of GRAPH_ROUTES) {
    const match = route.pattern.exec(routePath);
    if (match) return { route, match };
  }
  const segment = routePath.split('/').pop() || routePath;
  throw new MockHttpError(404, 'ResourceNotFound', `Resource not found for the segment '${segment}'.`);
}
