/**
 * The routes the mock answers (ROUTES in src/graph/types.ts), matched case-insensitively on the path
 * from the version segment on. Each returns the JSON body or throws a MockHttpError.
 */
import type {
  GraphUserEventsSummary, GraphUserPasswordResetsAndChangesSummary, GraphUserRegistrationActivitySummary,
} from '../../graph/types.js';
import { DIRECTORY_ROLE_QUERIES, DOCUMENTED_QUERIES } from '../../graph/documented-queries.js';
import { MockHttpError } from '../http-error.js';
import {
  DIRECTORY_AUDIT_SCHEMA, DIRECTORY_ROLE_SCHEMA, ROLE_MEMBER_SCHEMA, USER_EVENTS_SUMMARY_SCHEMA, USER_PASSWORD_RESETS_AND_CHANGES_SUMMARY_SCHEMA,
  USER_REGISTRATION_ACTIVITY_SCHEMA, USER_REGISTRATION_DETAILS_SCHEMA,
} from '../route-schemas.js';
import type { Tenant } from '../tenant.js';
import { PERIODS, USER_ROLES, USER_TYPES } from '../tenant-summary.js';
import { USAGE_AUTH_METHODS_AFTER_SENTINEL } from '../tenant-vocab.js';
import { serveCollection, type QueryCache } from './collection.js';
import { enumParam, onlyParams, parseFunctionParams } from './function-params.js';
import { readQueryOptions } from './query-options.js';
import type { RequestContext } from './responses.js';

export interface RouteRequest {
  tenant: Tenant;
  url: URL;
  /** Decoded path from the version segment on, without a trailing slash: `v1.0/auditLogs/directoryAudits`. */
  routePath: string;
  ctx: RequestContext;
  pageSize?: number;
  cache: QueryCache;
}

const METADATA = 'https://graph.microsoft.com';

/** Without `Prefer: include-unknown-enum-members`, newer usageAuthMethod members read as unknownFutureValue. */
function enumPresenter<T extends { authMethod: string }>(ctx: RequestContext): ((row: T) => T) | undefined {
  if (ctx.includeUnknownEnums) return undefined;
  return (row) => (USAGE_AUTH_METHODS_AFTER_SENTINEL.has(row.authMethod) ? { ...row, authMethod: 'unknownFutureValue' } : row);
}

type Serve = (match: RegExpExecArray, req: RouteRequest) => unknown;

const TABLE: [RegExp, Serve][] = [
  [/^(v1\.0|beta)\/reports\/authenticationMethods\/usersRegisteredByFeature(?:\((.*)\))?$/i, (m, req) => {
    readQueryOptions(req.url, DOCUMENTED_QUERIES.usersRegisteredByFeature.options);
    const params = parseFunctionParams(m[2] ?? '');
    onlyParams(params, ['includedUserTypes', 'includedUserRoles']);
    return req.tenant.featureSummary(
      enumParam(params, 'includedUserTypes', USER_TYPES, 'all'),
      enumParam(params, 'includedUserRoles', USER_ROLES, 'all'),
    );
  }],
  [/^(v1\.0|beta)\/reports\/authenticationMethods\/usersRegisteredByMethod(?:\((.*)\))?$/i, (m, req) => {
    readQueryOptions(req.url, DOCUMENTED_QUERIES.usersRegisteredByMethod.options);
    const params = parseFunctionParams(m[2] ?? '');
    onlyParams(params, ['includedUserTypes', 'includedUserRoles']);
    return req.tenant.methodSummary(
      enumParam(params, 'includedUserTypes', USER_TYPES, 'all'),
      enumParam(params, 'includedUserRoles', USER_ROLES, 'all'),
    );
  }],
  [/^beta\/reports\/authenticationMethods\/userRegistrationActivity(?:\((.*)\))?$/i, (m, req) => {
    const params = parseFunctionParams(m[1] ?? '');
    onlyParams(params, ['period']);
    const period = enumParam(params, 'period', PERIODS);
    return serveCollection<GraphUserRegistrationActivitySummary>({
      name: `userRegistrationActivity:${period}`,
      schema: USER_REGISTRATION_ACTIVITY_SCHEMA,
      queries: DOCUMENTED_QUERIES.userRegistrationActivity,
      rows: () => req.tenant.activity(period),
      present: enumPresenter(req.ctx),
    }, req);
  }],
  [/^beta\/reports\/authenticationMethods\/userEventsSummary$/i, (_m, req) =>
    serveCollection<GraphUserEventsSummary>({
      name: 'userEventsSummary',
      schema: USER_EVENTS_SUMMARY_SCHEMA,
      queries: DOCUMENTED_QUERIES.userEventsSummary,
      context: `${METADATA}/beta/$metadata#reports/authenticationMethods/userEventsSummary`,
      paging: { defaultTop: 1000 },
      rows: () => req.tenant.events,
      present: enumPresenter(req.ctx),
    }, req)],
  [/^beta\/reports\/authenticationMethods\/userPasswordResetsAndChangesSummary$/i, (_m, req) =>
    serveCollection<GraphUserPasswordResetsAndChangesSummary>({
      name: 'userPasswordResetsAndChangesSummary',
      schema: USER_PASSWORD_RESETS_AND_CHANGES_SUMMARY_SCHEMA,
      queries: DOCUMENTED_QUERIES.userPasswordResetsAndChangesSummary,
      context: `${METADATA}/beta/$metadata#reports/authenticationMethods/userPasswordResetsAndChangesSummary`,
      // Graph documents no page size; 31 days fit one page, but a scenario's `page=` splits them, so
      // that clients are seen to follow nextLinks here too.
      paging: { defaultTop: 1000 },
      rows: () => req.tenant.resetsAndChanges(),
    }, req)],
  [/^(v1\.0|beta)\/reports\/authenticationMethods\/userRegistrationDetails$/i, (m, req) =>
    serveCollection({
      name: 'userRegistrationDetails',
      schema: USER_REGISTRATION_DETAILS_SCHEMA,
      queries: DOCUMENTED_QUERIES.userRegistrationDetails,
      context: `${METADATA}/${m[1]!.toLowerCase()}/$metadata#reports/authenticationMethods/userRegistrationDetails`,
      // Graph documents no page size (nor $top) here; the mock pages by userEventsSummary's 1000.
      paging: { defaultTop: 1000 },
      rows: () => req.tenant.users,
    }, req)],
  [/^(v1\.0|beta)\/auditLogs\/directoryAudits$/i, (m, req) =>
    serveCollection({
      name: 'directoryAudits',
      schema: DIRECTORY_AUDIT_SCHEMA,
      queries: DOCUMENTED_QUERIES.directoryAudits,
      context: `${METADATA}/${m[1]!.toLowerCase()}/$metadata#auditLogs/directoryAudits`,
      paging: { defaultTop: 100 },
      rows: () => req.tenant.audits,
    }, req)],
  [/^v1\.0\/directoryRoles$/i, (_m, req) =>
    serveCollection({
      name: 'directoryRoles',
      schema: DIRECTORY_ROLE_SCHEMA,
      queries: DIRECTORY_ROLE_QUERIES.directoryRoles,
      context: `${METADATA}/v1.0/$metadata#directoryRoles`,
      rows: () => req.tenant.directoryRoles.roles,
    }, req)],
  [/^v1\.0\/directoryRoles\/([^/]+)\/members$/i, (m, req) => {
    const members = req.tenant.directoryRoles.members.get(m[1]!.toLowerCase());
    if (!members) throw new MockHttpError(404, 'Request_ResourceNotFound', `Resource '${m[1]}' does not exist or one of its queried reference-property objects are not present.`);
    return serveCollection({
      name: `directoryRoleMembers:${m[1]!.toLowerCase()}`,
      schema: ROLE_MEMBER_SCHEMA,
      queries: DIRECTORY_ROLE_QUERIES.directoryRoleMembers,
      context: `${METADATA}/v1.0/$metadata#directoryObjects`,
      // Graph pages directory objects by 100 by default.
      paging: { defaultTop: 100 },
      rows: () => members,
    }, req);
  }],
];

export function serveRoute(req: RouteRequest): unknown {
  for (const [pattern, serve] of TABLE) {
    const m = pattern.exec(req.routePath);
    if (m) return serve(m, req);
  }
  const segment = req.routePath.split('/').pop() || req.routePath;
  throw new MockHttpError(404, 'ResourceNotFound', `Resource not found for the segment '${segment}'.`);
}
