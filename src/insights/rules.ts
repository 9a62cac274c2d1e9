/**
 * Question 8, "Is there any suspicious activity going on with password reset?", as documented rules.
 * Each finding names the users concerned. Inputs are the period's rows; every rule is a pure function so
 * a test can run it on a tenant where it must fire and one where it must not.
 */
import type { AuditRow, EventRow } from '../reports/types.js';
import { dayOf, median, userKey } from './count.js';
import type { RuleThresholds } from './data.js';

export type RuleId = 'blocked' | 'failureBurst' | 'registerThenReset' | 'adminSelfReset' | 'spikeDay';

/** One user a rule found, with what it found. */
export interface FindingUser {
  upn: string;
  name: string;
  /** How many (failures in the burst, resets, …). */
  count: number;
  /** When (the burst's start, the reset after the registration, the block). */
  time: number;
}

export interface Finding {
  rule: RuleId;
  users: FindingUser[];
  /** spikeDay: the day (epoch ms), its resets and the median of the others. */
  day?: { day: number; resets: number; median: number };
}

const resets = (events: readonly EventRow[], ok: boolean) => events.filter((e) => e.feature === 'reset' && e.succeeded === ok && Number.isFinite(e.time));

function byUser(events: readonly EventRow[]): Map<string, EventRow[]> {
  const users = new Map<string, EventRow[]>();
  for (const e of events) {
    const key = userKey(e.upn);
    if (!key) continue;
    const list = users.get(key);
    if (list) list.push(e);
    else users.set(key, [e]);
  }
  for (const list of users.values()) list.sort((a, b) => a.time - b.time);
  return users;
}

const sortUsers = (users: FindingUser[]) => users.sort((a, b) => b.count - a.count || a.upn.localeCompare(b.upn));

/** Users blocked from self-service password reset in the period (audit activity of that name). */
export function blockedUsers(blocked: readonly AuditRow[]): Finding {
  const users = new Map<string, FindingUser>();
  for (const a of blocked) {
    const upn = a.targetUpn || a.initiatedByUpn;
    const key = userKey(upn || a.target || a.initiatedBy);
    if (!key) continue;
    const seen = users.get(key);
    if (seen) {
      seen.count++;
      seen.time = Math.max(seen.time, a.time);
    } else users.set(key, { upn, name: a.target || a.initiatedBy, count: 1, time: a.time });
  }
  return { rule: 'blocked', users: sortUsers([...users.values()]) };
}

/** Users with at least `burstCount` failed resets within `burstWindowMs` (the largest such burst each). */
export function failureBursts(events: readonly EventRow[], t: RuleThresholds): Finding {
  const users: FindingUser[] = [];
  for (const list of byUser(resets(events, false)).values()) {
    let best = 0;
    let bestStart = 0;
    for (let start = 0, end = 0; end < list.length; end++) {
      while (list[end]!.time - list[start]!.time > t.burstWindowMs) start++;
      if (end - start + 1 > best) {
        best = end - start + 1;
        bestStart = list[start]!.time;
      }
    }
    if (best >= t.burstCount) users.push({ upn: list[0]!.upn, name: list[0]!.userName, count: best, time: bestStart });
  }
  return { rule: 'failureBurst', users: sortUsers(users) };
}

/**
 * Users who registered a method and then reset their password within `takeoverWindowMs`: someone who
 * has taken over an account adds their own phone, then resets the password with it.
 */
export function registerThenReset(events: readonly EventRow[], t: RuleThresholds, since = -Infinity): Finding {
  const users: FindingUser[] = [];
  const ok = events.filter((e) => e.succeeded && Number.isFinite(e.time) && (e.feature === 'registration' || e.feature === 'reset'));
  for (const list of byUser(ok).values()) {
    let registeredAt: number | undefined;
    let pairs = 0;
    let first = 0;
    for (const e of list) {
      if (e.feature === 'registration') registeredAt = e.time;
      // the reset must be in the period; the registration may be just before it
      else if (registeredAt !== undefined && e.time > since && e.time - registeredAt <= t.takeoverWindowMs) {
        if (!pairs) first = e.time;
        pairs++;
        registeredAt = undefined; // one reset per registration
      }
    }
    if (pairs) users.push({ upn: list[0]!.upn, name: list[0]!.userName, count: pairs, time: first });
  }
  return { rule: 'registerThenReset', users: sortUsers(users) };
}

/** Self-service resets of admin accounts (any number): an admin account is the prize of a takeover. */
export function adminSelfResets(events: readonly EventRow[], admins: ReadonlySet<string>): Finding {
  const users: FindingUser[] = [];
  for (const [key, list] of byUser(resets(events, true))) {
    if (admins.has(key)) users.push({ upn: list[0]!.upn, name: list[0]!.userName, count: list.length, time: list[list.length - 1]!.time });
  }
  return { rule: 'adminSelfReset', users: sortUsers(users) };
}

/**
 * The busiest day of the period if its successful resets exceed `spikeFactor` × the median of the
 * period's other days (days without resets count as 0). Needs at least three days.
 */
export function spikeDay(events: readonly EventRow[], since: number, now: number, t: RuleThresholds): Finding {
  const first = dayOf(since);
  const days = Math.round((dayOf(now) - first) / 86_400_000) + 1;
  if (days < 3) return { rule: 'spikeDay', users: [] };
  const counts = new Array<number>(days).fill(0);
  const people = new Array<Map<string, FindingUser>>(days);
  for (const e of resets(events, true)) {
    const index = Math.round((dayOf(e.time) - first) / 86_400_000);
    if (index < 0 || index >= days) continue;
    counts[index]!++;
    const users = (people[index] ??= new Map());
    const key = userKey(e.upn);
    const seen = users.get(key);
    if (seen) seen.count++;
    else users.set(key, { upn: e.upn, name: e.userName, count: 1, time: e.time });
  }
  let busiest = 0;
  counts.forEach((c, i) => (c > counts[busiest]! ? (busiest = i) : undefined));
  const others = median(counts.filter((_, i) => i !== busiest));
  const resetsThatDay = counts[busiest]!;
  if (resetsThatDay === 0 || resetsThatDay <= t.spikeFactor * Math.max(others, 0)) return { rule: 'spikeDay', users: [] };
  if (others === 0 && resetsThatDay < 3) return { rule: 'spikeDay', users: [] }; // 1 or 2 resets on a quiet tenant is no spike
  return {
    rule: 'spikeDay',
    users: sortUsers([...(people[busiest]?.values() ?? [])]),
    day: { day: first + busiest * 86_400_000, resets: resetsThatDay, median: others },
  };
}
