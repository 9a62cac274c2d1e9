/**
 * The aggregate reports, computed from the tenant's rows: the feature counts behind the tiles
 * (`usersRegisteredByFeature`), the users per registered method (`usersRegisteredByMethod`), the
 * per-method success/failure counts behind the charts (`userRegistrationActivity`) and the daily
 * resets and changes (`userPasswordResetsAndChangesSummary`).
 */
import {
  PERIOD_MS,
  PERIODS,
  USER_ROLES,
  USER_TYPES,
  type GraphDirectoryAudit,
  type GraphUserPasswordResetsAndChangesSummary,
  type GraphUserRegistrationActivitySummary,
  type GraphUserRegistrationFeatureSummary,
  type GraphUserRegistrationMethodSummary,
  type Period,
  type UserRoles,
  type UserTypes,
} from '../graph/types.js';
import { createRng, deriveSeed } from './random.js';
import { DAY_MS, WINDOW_MS, type EventLog } from './tenant-events.js';
import type { UserPopulation } from './tenant-users.js';
import { ACTIVITY_REGISTRATION_METHODS, ACTIVITY_RESET_METHODS, AUDIT_ACTIVITY, REGISTERED_METHODS } from './tenant-vocab.js';

export { USER_TYPES, USER_ROLES, PERIODS };
export type IncludedUserTypes = UserTypes;
export type IncludedUserRoles = UserRoles;
export type ActivityPeriod = Period;

function checkScope(userTypes: IncludedUserTypes, userRoles: IncludedUserRoles): void {
  if (!USER_TYPES.includes(userTypes)) throw new RangeError(`Unknown includedUserTypes '${userTypes}'`);
  if (!USER_ROLES.includes(userRoles)) throw new RangeError(`Unknown includedUserRoles '${userRoles}'`);
}

/** Whether user `i` is counted under includedUserTypes / includedUserRoles (both count functions alike). */
function inScope(population: UserPopulation, i: number, userTypes: IncludedUserTypes, userRoles: IncludedUserRoles): boolean {
  const u = population.users[i]!;
  if (userTypes !== 'all' && u.userType !== userTypes) return false;
  if (userRoles === 'admin' && !u.isAdmin) return false;
  if (userRoles === 'user' && u.isAdmin) return false;
  if (userRoles === 'privilegedAdmin' && !population.privileged[i]) return false;
  return true;
}

export function featureSummary(
  population: UserPopulation,
  userTypes: IncludedUserTypes,
  userRoles: IncludedUserRoles,
): GraphUserRegistrationFeatureSummary {
  checkScope(userTypes, userRoles);
  const { users } = population;
  let total = 0, registered = 0, enabled = 0, capable = 0, passwordless = 0, mfa = 0;
  for (let i = 0; i < users.length; i++) {
    if (!inScope(population, i, userTypes, userRoles)) continue;
    const u = users[i]!;
    total++;
    if (u.isSsprRegistered) registered++;
    if (u.isSsprEnabled) enabled++;
    if (u.isSsprCapable) capable++;
    if (u.isPasswordlessCapable) passwordless++;
    if (u.isMfaCapable) mfa++;
  }
  return {
    '@odata.type': '#microsoft.graph.userRegistrationFeatureSummary',
    totalUserCount: total,
    userTypes,
    userRoles,
    userRegistrationFeatureCounts: [
      { feature: 'ssprRegistered', userCount: registered },
      { feature: 'ssprEnabled', userCount: enabled },
      { feature: 'ssprCapable', userCount: capable },
      { feature: 'passwordlessCapable', userCount: passwordless },
      { feature: 'mfaCapable', userCount: mfa },
    ],
  };
}

/**
 * Users per registered method, from the users' `methodsRegistered`, scoped like {@link featureSummary}.
 * One row per method, zero rows included, in a fixed order: `password` first, then REGISTERED_METHODS'
 * order, then any other name a user has (in order of first appearance).
 *
 * `password`: Graph's example lists it, with the largest count ("users who have a password"), although
 * `methodsRegistered` never does. Every synthetic account has a password (the tenant has no
 * passwordless-only accounts), so its count is every user in scope — `totalUserCount`, which the
 * resource defines and the mock sends (Graph's example leaves it out).
 */
export function methodSummary(
  population: UserPopulation,
  userTypes: IncludedUserTypes,
  userRoles: IncludedUserRoles,
): GraphUserRegistrationMethodSummary {
  checkScope(userTypes, userRoles);
  const { users } = population;
  const counts = new Map<string, number>([['password', 0], ...REGISTERED_METHODS.map((m) => [m, 0] as [string, number])]);
  // Users share interned method arrays: count per array first, then per method.
  const perArray = new Map<readonly string[], number>();
  let total = 0;
  for (let i = 0; i < users.length; i++) {
    if (!inScope(population, i, userTypes, userRoles)) continue;
    total++;
    const methods = users[i]!.methodsRegistered;
    perArray.set(methods, (perArray.get(methods) ?? 0) + 1);
  }
  counts.set('password', total);
  for (const [methods, n] of perArray) {
    for (const m of new Set(methods)) counts.set(m, (counts.get(m) ?? 0) + n);
  }
  return {
    '@odata.type': '#microsoft.graph.userRegistrationMethodSummary',
    totalUserCount: total,
    userTypes,
    userRoles,
    userRegistrationMethodCounts: [...counts].map(([authenticationMethod, userCount]) => ({ authenticationMethod, userCount })),
  };
}

/**
 * One row per (feature, method) for the period, zero rows included (like Graph's example): the 17
 * registration methods, then the 8 reset methods, then any other method that occurred.
 */
export function activitySummary(
  log: EventLog,
  period: ActivityPeriod,
  seed: number,
  nowMs: number,
): GraphUserRegistrationActivitySummary[] {
  const span = Object.hasOwn(PERIOD_MS, period) ? PERIOD_MS[period] : undefined;
  if (!span) throw new RangeError(`Unknown period '${period}'`);
  const cutoff = nowMs - span;
  const counts = new Map<string, { ok: number; failed: number }>();
  const keyOf = (feature: string, method: string) => `${feature}\u0000${method}`;
  for (const m of ACTIVITY_REGISTRATION_METHODS) counts.set(keyOf('registration', m), { ok: 0, failed: 0 });
  for (const m of ACTIVITY_RESET_METHODS) counts.set(keyOf('reset', m), { ok: 0, failed: 0 });
  log.events.forEach((e, i) => {
    if (log.timeMs[i]! <= cutoff) return;
    const key = keyOf(e.feature, e.authMethod);
    let c = counts.get(key);
    if (!c) counts.set(key, (c = { ok: 0, failed: 0 }));
    if (e.isSuccess) c.ok++;
    else c.failed++;
  });
  const rng = createRng(deriveSeed(seed, `activity:${period}`));
  return [...counts].map(([key, c]) => {
    const [feature, authMethod] = key.split('\u0000') as [string, string];
    return {
      '@odata.type': '#microsoft.graph.userRegistrationActivitySummary',
      id: rng.uuid(),
      feature,
      successfulActivityCount: c.ok,
      failureActivityCount: c.failed,
      authMethod,
    };
  });
}

/** Epoch ms of the UTC day that holds `ms`. */
export const utcDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

/**
 * One row per UTC day that the tenant's 30-day window (now − 30 d, now] touches — 31 days unless now is
 * midnight; the oldest and today's are partial — newest first, as in Graph's example.
 * `aggregatedDateTime` is the day at 00:00:00Z ("always represent the entire day"); the counts are that
 * day's successful self-service resets (events), 'Reset password (by admin)' audits and successful
 * 'Change password (self-service)' audits. Ids derive from the seed and the day, so a day keeps its id
 * whatever `now` is.
 */
export function resetsAndChangesSummary(
  log: EventLog,
  audits: readonly GraphDirectoryAudit[],
  seed: number,
  nowMs: number,
): GraphUserPasswordResetsAndChangesSummary[] {
  const first = utcDay(nowMs - WINDOW_MS + 1);
  const last = utcDay(nowMs);
  const days = (last - first) / DAY_MS + 1;
  const selfService = new Float64Array(days);
  const byAdmin = new Float64Array(days);
  const changes = new Float64Array(days);
  const slot = (ms: number) => {
    const k = (utcDay(ms) - first) / DAY_MS;
    return k >= 0 && k < days ? k : -1;
  };
  log.events.forEach((e, i) => {
    if (e.feature !== 'reset' || !e.isSuccess) return;
    const k = slot(log.timeMs[i]!);
    if (k >= 0) selfService[k]!++;
  });
  for (const a of audits) {
    const admin = a.activityDisplayName === AUDIT_ACTIVITY.adminReset;
    const change = a.activityDisplayName === AUDIT_ACTIVITY.change && a.result === 'success';
    if (!admin && !change) continue;
    const k = slot(Date.parse(a.activityDateTime.slice(0, 10)));
    if (k < 0) continue;
    if (admin) byAdmin[k]!++;
    else changes[k]!++;
  }
  const rows: GraphUserPasswordResetsAndChangesSummary[] = [];
  for (let k = days - 1; k >= 0; k--) {
    const day = first + k * DAY_MS;
    rows.push({
      '@odata.type': '#microsoft.graph.userPasswordResetsAndChangesSummary',
      id: createRng(deriveSeed(seed, `resetsAndChanges:${day}`)).uuid(),
      aggregatedDateTime: `${new Date(day).toISOString().slice(0, 10)}T00:00:00Z`,
      passwordResetsByAdminCount: byAdmin[k]!,
      passwordResetsSelfServiceCount: selfService[k]!,
      changePasswordSelfServiceCount: changes[k]!,
    });
  }
  return rows;
}
