/**
 * The eight questions the reports exist for, answered from the period's rows. Pure: the element loads
 * the sources and renders the answers; tests compute the same numbers independently from raw Graph rows.
 */
import { PERIOD_MS, type EventRow } from '../reports/types.js';
import { ranked, userKey } from './count.js';
import type { MethodCounts } from '../reports/method-counts.js';
import type { InsightsData, RuleThresholds } from './data.js';
import { adminSelfResets, blockedUsers, failureBursts, registerThenReset, spikeDay, type Finding, type FindingUser, type RuleId } from './rules.js';

export interface Insights {
  since: number;
  /** 1. Users registered for SSPR, of all users (usersRegisteredByFeature). */
  registered?: { count: number; total: number };
  /** 2. Who: how many people registered a method in the period, besides the users report. */
  registeredInPeriod?: { people: number };
  /** 3. Methods by the users who registered them (usersRegisteredByMethod), with the share of all users. */
  methods?: MethodCounts;
  /** 4. People who reset their password in the period, and in the period before when Graph still has it. */
  resets?: { people: number; resets: number; previousPeople?: number };
  /** 5. Methods used for successful resets, most used first. */
  resetMethods?: { method: string; count: number }[];
  /** 6. Failure reasons of failed registrations and resets, commonest first. */
  problems?: { failures: number; reasons: { reason: string; count: number }[] };
  /** 7. Admins who reset their own password at least `frequentAdminResets` times. */
  frequentAdmins?: FindingUser[];
  /** 8. What each rule found; a rule whose sources are missing is absent. */
  findings: Partial<Record<RuleId, Finding>>;
}

// as the table filters a period: from `since` on (its drill-downs then show the rows counted here)
const inRange = (e: EventRow, from: number, to: number) => e.time >= from && e.time < to;

export function computeInsights(data: InsightsData, t: RuleThresholds): Insights {
  const length = PERIOD_MS[data.period];
  // to the minute, as the table does: both then count the same rows
  const now = Math.floor(data.now / 60_000) * 60_000;
  const since = now - length;
  const out: Insights = { since, findings: {} };
  const f = data.features;
  if (f && f.counts.ssprRegistered !== undefined) out.registered = { count: f.counts.ssprRegistered, total: f.total };
  if (data.methods) out.methods = data.methods;

  const all = data.events;
  if (all) {
    const events = all.filter((e) => inRange(e, since, Infinity));
    const registrations = events.filter((e) => e.feature === 'registration' && e.succeeded);
    out.registeredInPeriod = { people: new Set(registrations.map((e) => userKey(e.upn))).size };
    const resets = events.filter((e) => e.feature === 'reset' && e.succeeded);
    // Graph keeps 30 days of events: the period before a 30-day one is gone
    const before = length < PERIOD_MS.d30 ? all.filter((e) => e.feature === 'reset' && e.succeeded && inRange(e, since - length, since)) : undefined;
    out.resets = {
      people: new Set(resets.map((e) => userKey(e.upn))).size,
      resets: resets.length,
      previousPeople: before && new Set(before.map((e) => userKey(e.upn))).size,
    };
    out.resetMethods = ranked(resets, (e) => e.method).map(({ key, count }) => ({ method: key, count }));
    const failures = events.filter((e) => !e.succeeded);
    out.problems = { failures: failures.length, reasons: ranked(failures, (e) => e.failureReason).map(({ key, count }) => ({ reason: key, count })) };
    out.findings.failureBurst = failureBursts(events, t);
    out.findings.registerThenReset = registerThenReset(all.filter((e) => inRange(e, since - t.takeoverWindowMs, Infinity)), t, since);
    out.findings.spikeDay = spikeDay(events, since, now, t);
    if (data.admins) {
      const admins = adminSelfResets(events, data.admins);
      out.findings.adminSelfReset = admins;
      out.frequentAdmins = admins.users.filter((u) => u.count >= t.frequentAdminResets);
    }
  }
  if (data.blocked) out.findings.blocked = blockedUsers(data.blocked.filter((a) => a.time >= since));
  return out;
}
