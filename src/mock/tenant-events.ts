/**
 * Generates the registration and reset events (`userEventsSummary` rows) of the 30 days before `now`,
 * newest first. Every event belongs to a tenant user. About 12% of all events fail. Besides the
 * background traffic it plants, always: a registration for each special user, bursts of 6–8 failed
 * resets within 20 h (blocked users; each gets a 'Blocked from self-service password reset' audit
 * after its sixth failure), and a few admins who reset their own password often (5% of the background
 * resets).
 *
 * In tenants of at least PLANT_MIN_USERS (200) users with at least PLANT_MIN_EVENTS (60) events — so in
 * the default tenant (seed 1, 2,000 users, 300 events) — it also plants, deterministically (from the
 * seed, on a stream of its own), the patterns suspicious-activity rules look for:
 *  (a) a compact burst: the first blocked burst is 6–8 failed resets by one user within 45 minutes,
 *      1–6 days before now (its blocked audit as for any burst);
 *  (b) register, then reset: 4 users (SSPR-enabled members) each register a method successfully
 *      1, 3, 10 and 18 days (+ up to a day) before now and reset their password successfully with that
 *      method 1–20 h later;
 *  (c) admins resetting their own password: 2 admins (the "frequent" admins, topped up from the admin
 *      list) each with 2–3 successful self-service resets in the last 6.5 days;
 *  (d) a spike day: the UTC day 2, 3 or 4 days before today (so inside the last 7 days, and over
 *      before now) whose successful self-service resets exceed 3× the median of the other days, for
 *      the 30-day window and for the last 7 days alike (the median taken over the window's days or its
 *      last 30 / 7 day rows, with or without the spike day), and every other day's. Background
 *      successful resets are moved onto that day until it does, so the event count stays exact.
 * Planted events (b, c) are never moved. Smaller tenants get none of (a)–(d) and are byte-identical to
 * what they were before these patterns existed.
 */
import type { GraphUserEventsSummary } from '../graph/types.js';
import { flat } from './flat-string.js';
import { createRng, deriveSeed, type Rng } from './random.js';
import { SPECIAL_USERS } from './tenant-names.js';
import type { UserPopulation } from './tenant-users.js';
import {
  ACTIVITY_REGISTRATION_METHODS, ACTIVITY_RESET_METHODS, GENERIC_FAILURE_REASONS, REGISTRATION_METHOD_WEIGHTS,
  RESET_METHOD_WEIGHTS, RESET_ONLY_FAILURE_REASONS, SECURITY_QUESTION_FAILURE_REASON, SMS_FAILURE_REASON, SMS_METHODS,
} from './tenant-vocab.js';

export const DAY_MS = 86_400_000;
export const WINDOW_MS = 30 * DAY_MS;
/** The smallest tenant (users, and events) that gets the planted suspicious-activity patterns. */
export const PLANT_MIN_USERS = 200;
export const PLANT_MIN_EVENTS = 60;
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
  /** A planted pattern's event: never moved by the spike. */
  planted?: true;
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

  const plant = users.length >= PLANT_MIN_USERS && count >= PLANT_MIN_EVENTS;
  // The planted patterns draw from their own stream, so the background draws stay as they were.
  const planted = createRng(deriveSeed(seed, 'events:planted'));

  // Blocked users: a burst of 6–8 failed resets within 20 h; (a) the first one within 45 min, in the
  // last 6 days, when planting. Same draws either way (only the ranges differ).
  const blocked: EventLog['blocked'] = [];
  const bursts = count >= 30 ? Math.max(1, Math.round(count * 0.002)) : 0;
  for (let b = 0; b < bursts; b++) {
    const compact = plant && b === 0;
    const user = rng.pick(resetPool);
    const start = nowMs - DAY_MS - Math.floor(rng.next() * (compact ? 5 * DAY_MS : WINDOW_MS - 2 * DAY_MS));
    const size = rng.int(6, 8);
    const spread = compact ? 45 * 60 : 20 * 3600;
    const times = Array.from({ length: size }, () => start + Math.floor(rng.next() * spread) * 1000).sort(
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
  if (plant) {
    plantRegisterThenReset(drafts, planted, population, resetPool, nowMs);
    plantAdminResets(drafts, planted, adminIndices, frequentAdmins, nowMs);
  }
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

  if (plant) plantSpikeDay(drafts, planted, nowMs);

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

/** Methods both registration and reset events use (the planted register-then-reset pairs). */
const SHARED_METHODS: ReadonlySet<string> = new Set(
  (ACTIVITY_REGISTRATION_METHODS as readonly string[]).filter((m) => (ACTIVITY_RESET_METHODS as readonly string[]).includes(m)),
);
const REGISTER_THEN_RESET_DAYS = [1, 3, 10, 18];
const HOUR_S = 3600;

/** Seconds-precision instant `days` (fractional) before now. */
const daysBefore = (nowMs: number, days: number): number => nowMs - Math.floor((days * DAY_MS) / 1000) * 1000;

/** (b) Users who register a method and reset their password with it within 24 h. */
function plantRegisterThenReset(drafts: Draft[], rng: Rng, population: UserPopulation, pool: readonly number[], nowMs: number): void {
  const chosen = new Set<number>();
  for (let tries = 0; chosen.size < REGISTER_THEN_RESET_DAYS.length && tries < 200; tries++) {
    const user = rng.pick(pool);
    if (!chosen.has(user) && population.users[user]!.methodsRegistered.some((m) => SHARED_METHODS.has(m))) chosen.add(user);
  }
  [...chosen].forEach((user, j) => {
    const shared = population.users[user]!.methodsRegistered.filter((m) => SHARED_METHODS.has(m));
    const method = rng.pick(shared);
    const registered = daysBefore(nowMs, REGISTER_THEN_RESET_DAYS[j]! + rng.next());
    const reset = registered + (HOUR_S + Math.floor(rng.next() * 19 * HOUR_S)) * 1000;
    drafts.push({ t: registered, user, feature: 'registration', method, ok: true, reason: '', planted: true });
    drafts.push({ t: reset, user, feature: 'reset', method, ok: true, reason: '', planted: true });
  });
}

/** (c) Two admins, each resetting their own password 2–3 times in the last 6.5 days. */
function plantAdminResets(drafts: Draft[], rng: Rng, adminIndices: readonly number[], frequent: readonly number[], nowMs: number): void {
  const admins = [...new Set([...frequent, ...adminIndices])].slice(0, 2);
  for (const user of admins) {
    for (let k = 2 + (rng.chance(0.5) ? 1 : 0); k > 0; k--) {
      const t = daysBefore(nowMs, 600 / 86_400 + rng.next() * 6.5);
      drafts.push({ t, user, feature: 'reset', method: rng.weighted(RESET_METHOD_WEIGHTS), ok: true, reason: '', planted: true });
    }
  }
}

const utcDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

function median(values: number[]): number {
  if (!values.length) return 0;
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/**
 * (d) Moves background successful resets onto the UTC day 2–4 days before today until that day's
 * count exceeds 3× the median of the other days however the window is cut (see the file comment), and
 * every other day's count.
 */
function plantSpikeDay(drafts: Draft[], rng: Rng, nowMs: number): void {
  const today = utcDay(nowMs);
  const first = utcDay(nowMs - WINDOW_MS + 1);
  const days = (today - first) / DAY_MS + 1;
  const spike = days - 1 - rng.int(2, 4); // slot of the spike day
  const spikeStart = first + spike * DAY_MS;
  const perDay = new Array<number>(days).fill(0);
  const pool: number[] = [];
  drafts.forEach((d, i) => {
    if (d.feature !== 'reset' || !d.ok) return;
    const k = (utcDay(d.t) - first) / DAY_MS;
    if (k < 0 || k >= days) return;
    perDay[k]!++;
    if (!d.planted && k !== spike) pool.push(i);
  });
  const first7 = (utcDay(nowMs - 7 * DAY_MS + 1) - first) / DAY_MS;
  // The day slots a rule may compare against: the whole window, its last 30 rows, the days the last
  // 7 × 24 h touch, the last 7 rows.
  const cuts = [0, Math.max(0, days - 30), first7, days - 7].map((from) => Array.from({ length: days - from }, (_, j) => from + j));
  const threshold = () => {
    let worst = 0;
    for (const cut of cuts) {
      const others = cut.filter((k) => k !== spike).map((k) => perDay[k]!);
      worst = Math.max(worst, median(others), median([...others, perDay[spike]!]));
    }
    // …and the busiest day of them all, so a rule that looks at the busiest day finds this one.
    return Math.max(3 * worst, ...perDay.filter((_, k) => k !== spike));
  };
  for (let need = threshold(); perDay[spike]! <= need && pool.length; need = threshold()) {
    for (let n = Math.floor(need) + 1 - perDay[spike]!; n > 0 && pool.length; n--) {
      const j = rng.int(0, pool.length - 1);
      const i = pool[j]!;
      pool[j] = pool[pool.length - 1]!;
      pool.pop();
      const d = drafts[i]!;
      perDay[(utcDay(d.t) - first) / DAY_MS]!--;
      d.t = spikeStart + Math.floor(rng.next() * 86_400) * 1000;
      perDay[spike]!++;
    }
  }
}
