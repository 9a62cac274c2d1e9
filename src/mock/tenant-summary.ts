/**
 * The two aggregate reports, computed from the tenant's rows: the feature counts behind the tiles
 * (`usersRegisteredByFeature`) and the per-method success/failure counts behind the charts
 * (`userRegistrationActivity`).
 */
import {
  PERIOD_MS,
  PERIODS,
  USER_ROLES,
  USER_TYPES,
  type GraphUserRegistrationActivitySummary,
  type GraphUserRegistrationFeatureSummary,
  type Period,
  type UserRoles,
  type UserTypes,
} from '../graph/types.js';
import { createRng, deriveSeed } from './random.js';
import type { EventLog } from './tenant-events.js';
import type { UserPopulation } from './tenant-users.js';
import { ACTIVITY_REGISTRATION_METHODS, ACTIVITY_RESET_METHODS } from './tenant-vocab.js';

export { USER_TYPES, USER_ROLES, PERIODS };
export type IncludedUserTypes = UserTypes;
export type IncludedUserRoles = UserRoles;
export type ActivityPeriod = Period;

export function featureSummary(
  population: UserPopulation,
  userTypes: IncludedUserTypes,
  userRoles: IncludedUserRoles,
): GraphUserRegistrationFeatureSummary {
  if (!USER_TYPES.includes(userTypes)) throw new RangeError(`Unknown includedUserTypes '${userTypes}'`);
  if (!USER_ROLES.includes(userRoles)) throw new RangeError(`Unknown includedUserRoles '${userRoles}'`);
  const { users, privileged } = population;
  let total = 0, registered = 0, enabled = 0, capable = 0, passwordless = 0, mfa = 0;
  for (let i = 0; i < users.length; i++) {
    const u = users[i]!;
    if (userTypes !== 'all' && u.userType !== userTypes) continue;
    if (userRoles === 'admin' && !u.isAdmin) continue;
    if (userRoles === 'user' && u.isAdmin) continue;
    if (userRoles === 'privilegedAdmin' && !privileged[i]) continue;
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
