import { expect } from '@open-wc/testing';
import type { GraphUserEventsSummary } from '../../src/graph/types.js';
import { compileFilter } from '../../src/mock/odata/index.js';
import { USER_EVENTS_SUMMARY_SCHEMA } from '../../src/mock/route-schemas.js';
import { createTenant } from '../../src/mock/tenant.js';
import {
  ACTIVITY_REGISTRATION_METHODS, ACTIVITY_RESET_METHODS, PASSWORDLESS_METHODS, SSPR_METHODS,
} from '../../src/mock/tenant-vocab.js';
import { NOW, tenant } from './helpers.js';

const DAY = 86_400_000;

describe('mock tenant', () => {
  it('is byte-identical for the same seed and options, different for another seed', () => {
    const a = createTenant({ seed: 3, users: 200, now: NOW });
    const b = createTenant({ seed: 3, users: 200, now: NOW });
    const c = createTenant({ seed: 4, users: 200, now: NOW });
    const dump = (t: typeof a) => JSON.stringify([t.users, t.events, t.audits, t.activity('d30'), t.featureSummary()]);
    expect(dump(a)).to.equal(dump(b));
    expect(JSON.stringify(c.users)).not.to.equal(JSON.stringify(a.users));
    expect(JSON.stringify(c.events)).not.to.equal(JSON.stringify(a.events));
  });

  it('resolves defaults and rejects sizes out of range', () => {
    const t = createTenant({ users: 50, now: NOW });
    expect(t.options).to.deep.include({ seed: 1, users: 50, events: 60, domain: 'contoso.example' });
    expect(t.users).to.have.length(50);
    expect(t.events).to.have.length(60);
    expect(createTenant({ users: 1000, now: NOW }).events).to.have.length(150);
    expect(() => createTenant({ users: 49 })).to.throw(RangeError);
    expect(() => createTenant({ users: 500_001 })).to.throw(RangeError);
    expect(createTenant({ users: 50 }).now.getUTCSeconds()).to.equal(0); // default now is floored to the minute
  });

  it('keeps the registration flags consistent for every user', () => {
    for (const u of tenant().users) {
      expect(u.isSsprCapable, u.userPrincipalName).to.equal(u.isSsprRegistered && u.isSsprEnabled);
      if (u.isMfaCapable) expect(u.isMfaRegistered).to.equal(true);
      if (u.isPasswordlessCapable) expect(u.methodsRegistered.some((m) => PASSWORDLESS_METHODS.has(m))).to.equal(true);
      if (u.isAdmin) expect(u.userType).to.equal('member');
      expect(u.isSsprRegistered).to.equal(u.methodsRegistered.some((m) => SSPR_METHODS.has(m)));
      const age = NOW.getTime() - Date.parse(u.lastUpdatedDateTime);
      expect(age).to.be.within(0, 36 * 3600 * 1000);
      expect(u.lastUpdatedDateTime).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
    }
  });

  it('has unique UPNs, about 8% guests with #EXT# UPNs, about 3% admins, and the special names', () => {
    const { users, privilegedAdminIds } = createTenant({ seed: 2, users: 5000, now: NOW });
    expect(new Set(users.map((u) => u.userPrincipalName.toLowerCase())).size).to.equal(users.length);
    expect(new Set(users.map((u) => u.id)).size).to.equal(users.length);
    const guests = users.filter((u) => u.userType === 'guest');
    expect(guests.length / users.length).to.be.within(0.06, 0.1);
    for (const g of guests) expect(g.userPrincipalName).to.match(/^[^@]+_[a-z.]+#EXT#@contoso\.example$/);
    const admins = users.filter((u) => u.isAdmin);
    expect(admins.length).to.equal(150);
    expect(privilegedAdminIds.size).to.be.within(30, 70);
    for (const id of privilegedAdminIds) expect(users.find((u) => u.id === id)?.isAdmin).to.equal(true);
    const names = users.map((u) => u.userDisplayName);
    expect(names).to.include("Siobhán O'Brien").and.include('Zoë Ångström').and.include('Eve <img src=x onerror=alert(1)>');
    expect(users.find((u) => u.userDisplayName === "Siobhán O'Brien")?.userPrincipalName).to.equal("siobhan.o'brien@contoso.example");
  });

  it('generates events newest first over 30 days, owned by tenant users, ~12% failures', () => {
    const t = tenant();
    const byUpn = new Map(t.users.map((u) => [u.userPrincipalName, u]));
    const times = t.events.map((e) => Date.parse(e.eventDateTime));
    times.forEach((ms, i) => {
      expect(ms).to.be.within(NOW.getTime() - 30 * DAY + 1, NOW.getTime());
      if (i > 0) expect(ms).to.be.at.most(times[i - 1]!);
    });
    for (const e of t.events) {
      expect(byUpn.get(e.userPrincipalName)?.userDisplayName).to.equal(e.userDisplayName);
      expect(e.failureReason === '').to.equal(e.isSuccess);
      const methods: readonly string[] = e.feature === 'reset' ? ACTIVITY_RESET_METHODS : ACTIVITY_REGISTRATION_METHODS;
      expect(methods).to.include(e.authMethod);
    }
    expect(new Set(t.events.map((e) => e.id)).size).to.equal(t.events.length);
    const failed = t.events.filter((e) => !e.isSuccess).length / t.events.length;
    expect(failed).to.be.within(0.08, 0.16);
    const resets = t.events.filter((e) => e.feature === 'reset').length / t.events.length;
    expect(resets).to.be.within(0.45, 0.65);
  });

  it('plants blocked users (≥6 failed resets within 24 h) and admins resetting their own password', () => {
    const t = tenant();
    const failures = new Map<string, number[]>();
    for (const e of t.events) {
      if (e.feature === 'reset' && !e.isSuccess) {
        failures.set(e.userPrincipalName, [...(failures.get(e.userPrincipalName) ?? []), Date.parse(e.eventDateTime)]);
      }
    }
    const burst = [...failures.values()].some((ts) => ts.some((t0) => ts.filter((x) => x >= t0 && x < t0 + DAY).length >= 6));
    expect(burst).to.equal(true);
    const admins = new Set(t.users.filter((u) => u.isAdmin).map((u) => u.userPrincipalName));
    expect(t.events.filter((e) => e.feature === 'reset' && admins.has(e.userPrincipalName)).length).to.be.greaterThan(2);
    expect(t.audits.filter((a) => a.activityDisplayName === 'Blocked from self-service password reset').length).to.be.greaterThan(0);
  });

  it('derives SSPR audits in the documented shape, newest first, from the two services that log them', () => {
    const t = tenant();
    const activities = new Set(t.audits.map((a) => a.activityDisplayName));
    for (const name of ['Reset password (self-service)', 'Self-service password reset flow activity progress',
      'User registered for self-service password reset', 'Blocked from self-service password reset', 'Reset password (by admin)',
      'Change password (self-service)', 'Unlock user account (self-service)', 'Self-service password reset policy changes',
      'User registered security info', 'User registered all required security info']) {
      expect(activities, name).to.include(name);
    }
    // Combined registration is logged by Authentication Methods, as Graph does; only some registrations are SSPR's own.
    const byService = (service: string) => t.audits.filter((a) => a.loggedByService === service);
    const combined = byService('Authentication Methods');
    expect(combined.every((a) => a.activityDisplayName.startsWith('User registered') && a.activityDisplayName.endsWith('security info'))).to.equal(true);
    const registrations = t.events.filter((e) => e.feature === 'registration').length;
    const legacy = byService('Self-service Password Management').filter((a) => a.activityDisplayName === 'User registered for self-service password reset').length;
    expect(combined.filter((a) => a.activityDisplayName === 'User registered security info').length + legacy).to.equal(registrations);
    expect(legacy).to.be.below(registrations / 3);
    const resets = t.events.filter((e) => e.feature === 'reset').length;
    expect(t.audits.filter((a) => a.activityDisplayName === 'Reset password (self-service)').length).to.equal(resets);
    let previous = Infinity;
    for (const a of t.audits) {
      expect(['Self-service Password Management', 'Authentication Methods']).to.include(a.loggedByService);
      expect(a.category).to.equal('UserManagement');
      expect(a.initiatedBy.app).to.equal(null);
      expect(a.initiatedBy.user?.ipAddress).to.match(/^(203\.0\.113|198\.51\.100)\.\d+$/);
      expect(a.targetResources[0]?.type).to.equal(a.activityDisplayName.includes('policy') ? 'Policy' : 'User');
      const ms = Date.parse(a.activityDateTime);
      expect(ms).to.be.at.most(previous);
      previous = ms;
    }
    const adminReset = t.audits.find((a) => a.activityDisplayName === 'Reset password (by admin)')!;
    expect(adminReset.resultReason).to.equal('Successfully completed reset.');
    expect(adminReset.initiatedBy.user?.id).not.to.equal(adminReset.targetResources[0]?.id);
    expect(['None', 'Microsoft Entra Connect', 'CloudSync']).to.include(adminReset.additionalDetails?.[0]?.value);
    const fuzzy = t.audits.filter((a) => a.resultReason === 'FuzzyPolicyViolationInvalidPassword');
    expect(fuzzy.every((a) => a.activityDisplayName === 'Change password (self-service)' && a.result === 'failure')).to.equal(true);
  });

  it('computes the feature summary from the users for each type and role filter', () => {
    const t = tenant();
    const all = t.featureSummary('all', 'all');
    expect(all.totalUserCount).to.equal(t.users.length);
    const count = (f: string) => all.userRegistrationFeatureCounts.find((c) => c.feature === f)?.userCount;
    expect(count('ssprCapable')).to.equal(t.users.filter((u) => u.isSsprCapable).length);
    expect(count('ssprRegistered')).to.equal(t.users.filter((u) => u.isSsprRegistered).length);
    expect(count('mfaCapable')).to.equal(t.users.filter((u) => u.isMfaCapable).length);
    expect(count('passwordlessCapable')).to.equal(t.users.filter((u) => u.isPasswordlessCapable).length);
    expect(t.featureSummary('guest', 'all').totalUserCount).to.equal(t.users.filter((u) => u.userType === 'guest').length);
    expect(t.featureSummary('all', 'admin').totalUserCount).to.equal(t.users.filter((u) => u.isAdmin).length);
    expect(t.featureSummary('all', 'user').totalUserCount).to.equal(t.users.filter((u) => !u.isAdmin).length);
    expect(t.featureSummary('member', 'privilegedAdmin').totalUserCount).to.equal(t.privilegedAdminIds.size);
  });

  it('counts activity per (feature, method) with zero rows for all 25 known methods', () => {
    const t = tenant();
    for (const [period, days] of [['d1', 1], ['d7', 7], ['d30', 30]] as const) {
      const rows = t.activity(period);
      expect(rows.slice(0, 17).map((r) => r.authMethod)).to.deep.equal([...ACTIVITY_REGISTRATION_METHODS]);
      expect(rows.slice(17, 25).map((r) => r.authMethod)).to.deep.equal([...ACTIVITY_RESET_METHODS]);
      const inPeriod = t.events.filter((e) => Date.parse(e.eventDateTime) > NOW.getTime() - days * DAY);
      const total = rows.reduce((n, r) => n + r.successfulActivityCount + r.failureActivityCount, 0);
      expect(total, period).to.equal(inPeriod.length);
      const failedSms = inPeriod.filter((e) => e.feature === 'reset' && e.authMethod === 'sms' && !e.isSuccess).length;
      expect(rows.find((r) => r.feature === 'reset' && r.authMethod === 'sms')?.failureActivityCount).to.equal(failedSms);
    }
    expect(t.activity('d7').map((r) => r.id)).to.deep.equal(t.activity('d7').map((r) => r.id));
  });

  it('builds a 75,000-event tenant and filters it with one compiled predicate', () => {
    let started = performance.now();
    const t = createTenant({ users: 5000, events: 75_000, now: NOW });
    const built = performance.now() - started;
    expect(t.events).to.have.length(75_000);
    expect(t.activity('d30').reduce((n, r) => n + r.successfulActivityCount + r.failureActivityCount, 0)).to.equal(75_000);
    const predicate = compileFilter<GraphUserEventsSummary>(
      "feature eq 'reset' and isSuccess eq false and eventDateTime ge 2025-07-10T00:00:00Z and (startswith(userDisplayName,'a') or authMethod eq 'sms')",
      USER_EVENTS_SUMMARY_SCHEMA,
    );
    started = performance.now();
    const rows = t.events.filter(predicate);
    const filtered = performance.now() - started;
    expect(rows.length).to.be.greaterThan(0);
    expect(rows.every((e) => e.feature === 'reset' && !e.isSuccess && Date.parse(e.eventDateTime) >= Date.UTC(2025, 6, 10))).to.equal(true);
    console.log(`75,000-event tenant built in ${Math.round(built)} ms; filtered in ${filtered.toFixed(1)} ms (${rows.length} rows)`);
  });
});
