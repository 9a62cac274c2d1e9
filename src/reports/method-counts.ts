import type { ReportClient } from '../client/index.js';
import { ROUTES } from '../graph/types.js';
import { count, isRecord, str } from './coerce.js';
import { malformed } from './malformed.js';
import { scopedCall, type ScopedReportOptions } from './scoped-call.js';
import type { UserRoles, UserTypes } from './types.js';

/** Users registered per authentication method (usersRegisteredByMethod). */
export interface MethodCounts {
  /** Graph's `totalUserCount` ("total number of users in the tenant", in scope); 0 when Graph leaves it out, as its own example does. */
  total: number;
  userTypes: string;
  userRoles: string;
  /**
   * Users per method, busiest first (ties in Graph's order). Method names are kept as Graph sends them,
   * unknown ones included (`authenticationMethod` is a free string; Graph's example lists `password`,
   * which every account with a password has); a method listed twice is summed.
   */
  methods: { method: string; users: number }[];
}

export type MethodCountsOptions = ScopedReportOptions;

/** The function-call path, e.g. `…/usersRegisteredByMethod(includedUserTypes='all',includedUserRoles='all')`. */
export const methodCountsPath = (userTypes?: UserTypes, userRoles?: UserRoles): string =>
  scopedCall(ROUTES.usersRegisteredByMethod, userTypes, userRoles);

/** Reads a userRegistrationMethodSummary; throws a 'malformed' ReportError on another shape. */
export function parseMethodCounts(raw: unknown): MethodCounts {
  if (!isRecord(raw) || !Array.isArray(raw.userRegistrationMethodCounts)) {
    throw malformed('users registered by method', 'no userRegistrationMethodCounts');
  }
  const users = new Map<string, number>();
  for (const item of raw.userRegistrationMethodCounts) {
    if (!isRecord(item)) continue;
    const method = str(item.authenticationMethod) || 'unknownFutureValue';
    users.set(method, (users.get(method) ?? 0) + count(item.userCount));
  }
  const methods = [...users].map(([method, n]) => ({ method, users: n })).sort((a, b) => b.users - a.users);
  return { total: count(raw.totalUserCount), userTypes: str(raw.userTypes), userRoles: str(raw.userRoles), methods };
}

/** How many users have registered each authentication method (v1.0 usersRegisteredByMethod). */
export async function fetchMethodCounts(client: ReportClient, options: MethodCountsOptions = {}): Promise<MethodCounts> {
  const { userTypes, userRoles, ...request } = options;
  return parseMethodCounts(await client.get(methodCountsPath(userTypes, userRoles), request));
}
