/**
 * The synthetic tenant: `createTenant(options)` builds users and events eagerly and the audit log on
 * first use. Everything derives from the seed and `now`, so the same options give byte-identical data.
 */
import type {
  GraphDirectoryAudit, GraphUserEventsSummary, GraphUserPasswordResetsAndChangesSummary, GraphUserRegistrationActivitySummary,
  GraphUserRegistrationDetails, GraphUserRegistrationFeatureSummary, GraphUserRegistrationMethodSummary,
} from '../graph/types.js';
import { generateAudits } from './tenant-audits.js';
import { generateEvents } from './tenant-events.js';
import {
  activitySummary, featureSummary, methodSummary, resetsAndChangesSummary,
  type ActivityPeriod, type IncludedUserRoles, type IncludedUserTypes,
} from './tenant-summary.js';
import { generateUsers } from './tenant-users.js';
import { generateDirectoryRoles, type DirectoryRoles } from './tenant-roles.js';

export type { ActivityPeriod, IncludedUserRoles, IncludedUserTypes } from './tenant-summary.js';

export interface TenantOptions {
  /** PRNG seed (default 1). */
  seed?: number;
  /** Number of users, 50..500,000 (default 2,000). */
  users?: number;
  /** Number of registration/reset events over 30 days (default max(60, round(users × 0.15))). */
  events?: number;
  /** The tenant's "now"; events and audits lie in the 30 days before it (default: now, floored to the minute). */
  now?: Date;
  /** UPN domain (default 'contoso.example'). */
  domain?: string;
}

export type ResolvedTenantOptions = Required<TenantOptions>;

export interface Tenant {
  readonly options: ResolvedTenantOptions;
  readonly now: Date;
  /** `userRegistrationDetails` rows, in generation order. */
  readonly users: GraphUserRegistrationDetails[];
  /** `userEventsSummary` rows, newest first. */
  readonly events: GraphUserEventsSummary[];
  /** SSPR `directoryAudits` rows, newest first (built on first access). */
  readonly audits: GraphDirectoryAudit[];
  /** Ids of admins holding a privileged role (not a Graph field; drives `includedUserRoles='privilegedAdmin'`). */
  readonly privilegedAdminIds: ReadonlySet<string>;
  /** The activated directory roles and their members (built on first access). */
  readonly directoryRoles: DirectoryRoles;
  featureSummary(userTypes?: IncludedUserTypes, userRoles?: IncludedUserRoles): GraphUserRegistrationFeatureSummary;
  /** `usersRegisteredByMethod`: users per registered method (`password` included), scoped like featureSummary. */
  methodSummary(userTypes?: IncludedUserTypes, userRoles?: IncludedUserRoles): GraphUserRegistrationMethodSummary;
  activity(period: ActivityPeriod): GraphUserRegistrationActivitySummary[];
  /** `userPasswordResetsAndChangesSummary`: one row per UTC day of the 30-day window, newest first. */
  resetsAndChanges(): GraphUserPasswordResetsAndChangesSummary[];
}

export const MIN_USERS = 50;
export const MAX_USERS = 500_000;

function checkInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in ${min}..${max}, got ${value}`);
  }
  return value;
}

export function resolveTenantOptions(options: TenantOptions = {}): ResolvedTenantOptions {
  const users = checkInteger('users', options.users ?? 2000, MIN_USERS, MAX_USERS);
  const nowMs = options.now ? options.now.getTime() : Math.floor(Date.now() / 60_000) * 60_000;
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid Date');
  return {
    seed: checkInteger('seed', options.seed ?? 1, 0, 0xffffffff),
    users,
    events: checkInteger('events', options.events ?? Math.max(60, Math.round(users * 0.15)), 0, 5_000_000),
    now: new Date(nowMs),
    domain: options.domain ?? 'contoso.example',
  };
}

export function createTenant(options: TenantOptions = {}): Tenant {
  const resolved = resolveTenantOptions(options);
  const nowMs = resolved.now.getTime();
  const population = generateUsers({ seed: resolved.seed, count: resolved.users, domain: resolved.domain, nowMs });
  const log = generateEvents(population, resolved.events, resolved.seed, nowMs);
  const privilegedAdminIds = new Set(
    population.adminIndices.filter((i) => population.privileged[i]).map((i) => population.users[i]!.id),
  );
  let audits: GraphDirectoryAudit[] | undefined;
  let roles: DirectoryRoles | undefined;
  const auditLog = () => (audits ??= generateAudits(population, log, resolved.seed, nowMs));
  const summaries = new Map<string, GraphUserRegistrationFeatureSummary>();
  const methodSummaries = new Map<string, GraphUserRegistrationMethodSummary>();
  const activities = new Map<string, GraphUserRegistrationActivitySummary[]>();
  let daily: GraphUserPasswordResetsAndChangesSummary[] | undefined;
  return {
    options: resolved,
    now: new Date(nowMs),
    users: population.users,
    events: log.events,
    get audits() {
      return auditLog();
    },
    privilegedAdminIds,
    get directoryRoles() {
      return (roles ??= generateDirectoryRoles(population, resolved.seed));
    },
    featureSummary(userTypes = 'all', userRoles = 'all') {
      const key = `${userTypes}|${userRoles}`;
      let s = summaries.get(key);
      if (!s) summaries.set(key, (s = featureSummary(population, userTypes, userRoles)));
      return structuredClone(s);
    },
    methodSummary(userTypes = 'all', userRoles = 'all') {
      const key = `${userTypes}|${userRoles}`;
      let s = methodSummaries.get(key);
      if (!s) methodSummaries.set(key, (s = methodSummary(population, userTypes, userRoles)));
      return structuredClone(s);
    },
    activity(period) {
      let rows = activities.get(period);
      if (!rows) activities.set(period, (rows = activitySummary(log, period, resolved.seed, nowMs)));
      return rows.map((r) => ({ ...r }));
    },
    resetsAndChanges() {
      daily ??= resetsAndChangesSummary(log, auditLog(), resolved.seed, nowMs);
      return daily.map((r) => ({ ...r }));
    },
  };
}
