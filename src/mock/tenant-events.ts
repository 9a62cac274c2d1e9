/**
 * Generates the registration and reset events (`userEventsSummary` rows) of the 30 days before `now`,
 * newest first. Every event belongs to a tenant user. Besides the background traffic it plants:
 * a registration for each special user, bursts of ≥6 failed resets within 24 h (blocked users), and a
 * few admins who reset their own password often. About 12% of all events fail.
 */
import type { GraphUserEventsSummary } from '../graph/types.js';
import { flat } from './flat-string.js';
import { createRng, deriveSeed, type Rng } from './random.js';
import { SPECIAL_USERS } from './tenant-names.js';
import type { UserPopulation } from './tenant-users.js';
import {
  GENERIC_FAILURE_REASONS, REGISTRATION_METHOD_WEIGHTS, RESET_METHOD_WEIGHTS, RESET_ONLY_FAILURE_REASONS,
  SECURITY_QUESTION_FAILURE_REASON, SMS_FAILURE_REASON, SMS_METHODS,
} from './tenant-vocab.js';

export const DAY_MS = 86_400_000;
const WINDOW_MS = 30 * DAY_MS;
const FAILURE_RATE = 0.12;
const EVENT_TYPE = '#microsoft.graph.userEventsSummary';

/** The events plus per-event facts the audit log and the activity counts are derived from. */
export interface EventLog {
  events: GraphUserEventsSummary[];
  /** Per event: index of its user in the population. */
  userIndex: Int32Array;
  /** Per event: epoch milliseconds. */
  timeMs: Float64Array;
  /** Users blocked from SSPR, with the time of the failure that blocked them. */
  blocked: { userIndex: number; atMs: number }[];
}

interface Draft {
  t: number;
  user: number;
  feature: 'registration' | 'reset';
  method: string;
  ok: boolean;
  reason: string;
}

function failureReason(rng: Rng, feature: Draft['feature'], method: string): string {
  const roll = rng.next();
  if (method === 'securityQuestion' && roll < 0.5) return SECURITY_QUESTION_FAILURE_REASON;
  if (SMS_METHODS.has(method) && roll < 0.3) return SMS_FAILURE_REASON;
  if (feature === 'reset' && roll > 0.8) return rng.pick(RESET_ONLY_FAILURE_REASONS);
  return rng.pick(GENERIC_FAILURE_REASONS);
}

/** Seconds-precision instant in (now − 30 d, now]. */
function instantInWindow(rng: Rng, nowMs: number): number {
  return nowMs - Math.floor((rng.next() * WINDOW_MS) / 1000) * 1000;
}

export function generateEvents(population: UserPopulation, count: number, seed: number, nowMs: number): EventLog {
  const rng = createRng(deriveSeed(seed, 'events'));
  const { users, adminIndices } = population;
  const enabledMembers: number[] = [];
  users.forEach((u, i) => {
    if (u.isSsprEnabled && u.userType === 'member') enabledMembers.push(i);
  });
  const resetPool = enabledMembers.length ? enabledMembers : users.map((_, i) => i);
  const drafts: Draft[] = [];

  // The special users each registered once, so filters on their names find events too.
  if (count >= 10) {
    for (let i = 0; i < Math.min(SPECIAL_USERS.length, users.length); i++) {
      const methods = users[i]!.methodsRegistered;
      const method = methods.length ? rng.pick(methods) : 'email';
      drafts.push({ t: instantInWindow(rng, nowMs), user: i, feature: 'registration', method, ok: true, reason: '' });
    }
  }

  // Blocked users: a burst of 6–8 failed resets within 24 h.
  const blocked: EventLog['blocked'] = [];
  const bursts = count >= 30 ? Math.max(1, Math.round(count * 0.002)) : 0;
  for (let b = 0; b < bursts; b++) {
    const user = rng.pick(resetPool);
    const start = nowMs - DAY_MS - Math.floor(rng.next() * (WINDOW_MS - 2 * DAY_MS));
    const size = rng.int(6, 8);
    const times = Array.from({ length: size }, () => start + Math.floor(rng.next() * 20 * 3600) * 1000).sort(
      (x, y) => x - y,
    );
    for (const t of times) {
      const method = rng.weighted(RESET_METHOD_WEIGHTS);
      drafts.push({ t, user, feature: 'reset', method, ok: false, reason: failureReason(rng, 'reset', method) });
    }
    blocked.push({ userIndex: user, atMs: times[5]! });
  }

  // A few admins who reset their own password often (the portal's "admins resetting" question).
  const frequentAdmins = adminIndices.length ? Array.from({ length: 3 }, () => rng.pick(adminIndices)) : [];
  const remaining = Math.max(0, count - drafts.length);
  const failedSoFar = drafts.filter((d) => !d.ok).length;
  const failureP = remaining ? Math.min(1, Math.max(0, (count * FAILURE_RATE - failedSoFar) / remaining)) : 0;
  for (let k = 0; k < remaining; k++) {
    const feature: Draft['feature'] = rng.chance(0.45) ? 'registration' : 'reset';
    const ok = !rng.chance(failureP);
    let user: number;
    let method: string;
    if (feature === 'reset') {
      user = frequentAdmins.length && rng.chance(0.05) ? rng.pick(frequentAdmins) : rng.pick(resetPool);
      method = rng.weighted(RESET_METHOD_WEIGHTS);
    } else {
      user = rng.int(0, users.length - 1);
      const mine = users[user]!.methodsRegistered;
      method = ok && mine.length && rng.chance(0.7) ? rng.pick(mine) : rng.weighted(REGISTRATION_METHOD_WEIGHTS);
    }
    const reason = ok ? '' : failureReason(rng, feature, method);
    drafts.push({ t: instantInWindow(rng, nowMs), user, feature, method, ok, reason });
  }

  drafts.sort((a, b) => b.t - a.t); // stable: equal instants keep their draft order
  const events: GraphUserEventsSummary[] = new Array(drafts.length);
  const userIndex = new Int32Array(drafts.length);
  const timeMs = new Float64Array(drafts.length);
  drafts.forEach((d, i) => {
    const u = users[d.user]!;
    userIndex[i] = d.user;
    timeMs[i] = d.t;
    events[i] = {
      '@odata.type': EVENT_TYPE,
      id: rng.uuid(),
      feature: d.feature,
      userPrincipalName: u.userPrincipalName,
      userDisplayName: u.userDisplayName,
      isSuccess: d.ok,
      authMethod: d.method,
      failureReason: d.reason,
      eventDateTime: flat(new Date(d.t).toISOString().slice(0, 19) + 'Z'),
    };
  });
  return { events, userIndex, timeMs, blocked };
}
