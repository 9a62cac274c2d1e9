import { expect } from '@open-wc/testing';
import { DEFAULT_THRESHOLDS } from '../../src/insights/data.js';
import { adminSelfResets, blockedUsers, failureBursts, registerThenReset, spikeDay } from '../../src/insights/rules.js';
import type { AuditRow, EventRow } from '../../src/reports/types.js';

const H = 3_600_000;
const NOW = Date.UTC(2026, 11, 4, 12);
let id = 0;
const event = (upn: string, feature: 'registration' | 'reset', succeeded: boolean, time: number): EventRow => ({
  id: String(id++), time, userName: upn.split('@')[0]!, upn, feature, method: 'sms', succeeded, failureReason: succeeded ? '' : 'Verification code was incorrect',
});
const blockedEntry = (upn: string, time: number): AuditRow => ({
  id: String(id++), service: 'Self-service Password Management', time, activity: 'Blocked from self-service password reset', status: 'success',
  reason: '', initiatedBy: upn, initiatedByUpn: upn, target: upn, targetUpn: upn, details: [],
});
const t = DEFAULT_THRESHOLDS;

describe('suspicious-activity rules', () => {
  it('blocked users: fires for each user blocked, not for other audit activity', () => {
    const found = blockedUsers([blockedEntry('a@x', NOW - H), blockedEntry('a@x', NOW - 2 * H), blockedEntry('b@x', NOW - 3 * H)]);
    expect(found.users.map((u) => [u.upn, u.count])).to.deep.equal([['a@x', 2], ['b@x', 1]]);
    expect(blockedUsers([]).users).to.deep.equal([]);
  });

  it('failure bursts: 5 failed resets within an hour fire; 5 spread over two hours, or 4 in an hour, do not', () => {
    const burst = [0, 5, 10, 20, 50].map((m) => event('burst@x', 'reset', false, NOW - 5 * H + m * 60_000));
    const spread = [0, 30, 60, 90, 120].map((m) => event('spread@x', 'reset', false, NOW - 10 * H + m * 60_000));
    const four = [0, 5, 10, 20].map((m) => event('four@x', 'reset', false, NOW - 20 * H + m * 60_000));
    const successes = [0, 1, 2, 3, 4].map((m) => event('ok@x', 'reset', true, NOW - 30 * H + m * 60_000));
    const found = failureBursts([...burst, ...spread, ...four, ...successes], t);
    expect(found.users.map((u) => [u.upn, u.count])).to.deep.equal([['burst@x', 5]]);
    expect(failureBursts([...burst], { ...t, burstCount: 6 }).users).to.deep.equal([]);
    expect(failureBursts([...spread], { ...t, burstWindowMs: 2 * H }).users.map((u) => u.count)).to.deep.equal([5]);
  });

  it('register then reset: fires within 24 hours for the same user only', () => {
    const events = [
      event('taken@x', 'registration', true, NOW - 30 * H),
      event('taken@x', 'reset', true, NOW - 10 * H),
      event('slow@x', 'registration', true, NOW - 60 * H),
      event('slow@x', 'reset', true, NOW - 10 * H),
      event('other@x', 'registration', true, NOW - 30 * H),
      event('another@x', 'reset', true, NOW - 29 * H),
      event('failed@x', 'registration', false, NOW - 30 * H),
      event('failed@x', 'reset', true, NOW - 29 * H),
    ];
    expect(registerThenReset(events, t).users.map((u) => u.upn)).to.deep.equal(['taken@x']);
    expect(registerThenReset(events, { ...t, takeoverWindowMs: 72 * H }).users.map((u) => u.upn)).to.deep.equal(['slow@x', 'taken@x']);
    // a registration just before the period counts; a reset before it does not
    const edge = [event('edge@x', 'registration', true, NOW - 26 * H), event('edge@x', 'reset', true, NOW - 23 * H)];
    expect(registerThenReset(edge, t, NOW - 24 * H).users.map((u) => u.upn)).to.deep.equal(['edge@x']);
    expect(registerThenReset(edge, t, NOW - 22 * H).users).to.deep.equal([]);
  });

  it('admin self-service resets: fires for admins (matched case-insensitively), not for others', () => {
    const events = [event('Admin@X', 'reset', true, NOW - H), event('admin@x', 'reset', true, NOW - 2 * H), event('user@x', 'reset', true, NOW - H), event('admin2@x', 'reset', false, NOW - H)];
    const found = adminSelfResets(events, new Set(['admin@x', 'admin2@x']));
    expect(found.users.map((u) => [u.upn.toLowerCase(), u.count])).to.deep.equal([['admin@x', 2]]);
    expect(adminSelfResets(events, new Set()).users).to.deep.equal([]);
  });

  it('spike day: fires above 3 × the median of the other days, not at it, nor with fewer than three days', () => {
    const day = (d: number) => NOW - d * 24 * H;
    const quiet = [1, 2, 3, 4, 5, 6].flatMap((d) => [event(`q${d}a@x`, 'reset', true, day(d)), event(`q${d}b@x`, 'reset', true, day(d) + 60_000)]);
    const spike = Array.from({ length: 7 }, (_, k) => event(`s${k}@x`, 'reset', true, day(0) - k * 60_000));
    const found = spikeDay([...quiet, ...spike], NOW - 7 * 24 * H, NOW, t);
    expect(found.day?.resets).to.equal(7);
    expect(found.day?.median).to.equal(2);
    expect(found.users).to.have.length(7);
    const atThreshold = spike.slice(0, 6); // 6 = 3 × 2: not above
    expect(spikeDay([...quiet, ...atThreshold], NOW - 7 * 24 * H, NOW, t).users).to.deep.equal([]);
    expect(spikeDay([...quiet, ...spike], NOW - 24 * H, NOW, t).day).to.equal(undefined);
  });
});
