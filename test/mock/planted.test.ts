import { expect } from '@open-wc/testing';
import type {
  GraphDirectoryAudit, GraphPage, GraphUserEventsSummary, GraphUserPasswordResetsAndChangesSummary,
  GraphUserRegistrationDetails, GraphUserRegistrationMethodSummary,
} from '../../src/graph/types.js';
import { ROUTES } from '../../src/graph/types.js';
import { createTenant } from '../../src/mock/tenant.js';
import { mockEndpoint, rawGraph } from '../helpers/mock-endpoint.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const dayOf = (ms: number) => Math.floor(ms / DAY) * DAY;

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** Every row of a collection route, following nextLinks (rebased onto the mock, as the client does). */
async function rawAll<T>(endpoint: string, path: string): Promise<T[]> {
  const rows: T[] = [];
  for (let next: string | undefined = path; next; ) {
    const page: GraphPage<T> = await rawGraph(endpoint, next);
    rows.push(...page.value);
    next = page['@odata.nextLink']?.replace('https://graph.microsoft.com/', '');
  }
  return rows;
}

interface Raw {
  now: number;
  users: GraphUserRegistrationDetails[];
  events: (GraphUserEventsSummary & { time: number })[];
  audits: GraphDirectoryAudit[];
}

/** The raw rows of one mock scenario, read as any Graph client would (no library code). */
async function readScenario(spec: string): Promise<Raw> {
  const endpoint = mockEndpoint(spec);
  const now = Date.now();
  const [users, events, audits] = await Promise.all([
    rawAll<GraphUserRegistrationDetails>(endpoint, ROUTES.userRegistrationDetails),
    rawAll<GraphUserEventsSummary>(endpoint, ROUTES.userEventsSummary),
    rawAll<GraphDirectoryAudit>(endpoint, ROUTES.directoryAudits),
  ]);
  return { now, users, events: events.map((e) => ({ ...e, time: Date.parse(e.eventDateTime) })), audits };
}

function byUser<T extends { userPrincipalName: string; time: number }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(r.userPrincipalName, [...(map.get(r.userPrincipalName) ?? []), r]);
  for (const list of map.values()) list.sort((a, b) => a.time - b.time);
  return map;
}

/** Successful self-service resets per UTC day, from dayOf(now − span) to today. */
function resetsPerDay(raw: Raw, span: number): { first: number; counts: number[] } {
  const first = dayOf(raw.now - span);
  const counts = new Array<number>((dayOf(raw.now) - first) / DAY + 1).fill(0);
  for (const e of raw.events) {
    if (e.feature !== 'reset' || !e.isSuccess) continue;
    const k = (dayOf(e.time) - first) / DAY;
    if (k >= 0 && k < counts.length) counts[k]!++;
  }
  return { first, counts };
}

describe('the mock plants what the suspicious-activity rules look for (default tenant: seed 1, 2,000 users)', () => {
  let raw: Raw;
  before(async () => {
    raw = await readScenario('');
    expect(raw.users).to.have.length(2000);
    expect(raw.events).to.have.length(300);
  });

  it('(a) a burst of at least 5 failed resets by one user within an hour, and that user is blocked', () => {
    const bursts: { upn: string; size: number }[] = [];
    for (const [upn, list] of byUser(raw.events.filter((e) => e.feature === 'reset' && !e.isSuccess))) {
      let best = 0;
      for (let start = 0, end = 0; end < list.length; end++) {
        while (list[end]!.time - list[start]!.time > HOUR) start++;
        best = Math.max(best, end - start + 1);
      }
      if (best >= 5) bursts.push({ upn, size: best });
    }
    expect(bursts.length).to.be.at.least(1);
    const blocked = new Set(raw.audits.filter((a) => a.activityDisplayName === 'Blocked from self-service password reset')
      .map((a) => a.targetResources[0]?.userPrincipalName));
    expect(bursts.some((b) => blocked.has(b.upn)), 'the compact burst ends in a block').to.equal(true);
  });

  it('(b) at least 3 users register a method and reset their password within 24 h after', () => {
    let users = 0;
    for (const list of byUser(raw.events.filter((e) => e.isSuccess)).values()) {
      const hit = list.some((r) => r.feature === 'registration' && list.some((s) => s.feature === 'reset' && s.time >= r.time && s.time - r.time <= DAY));
      if (hit) users++;
    }
    expect(users).to.be.at.least(3);
  });

  it('(c) at least 2 admins reset their own password by self-service twice or more in the last 7 days', () => {
    const admins = new Set(raw.users.filter((u) => u.isAdmin).map((u) => u.userPrincipalName));
    const recent = raw.events.filter((e) => e.feature === 'reset' && e.isSuccess && e.time > raw.now - 7 * DAY && admins.has(e.userPrincipalName));
    const frequent = [...byUser(recent)].filter(([, list]) => list.length >= 2);
    expect(frequent.length).to.be.at.least(2);
  });

  it('(d) a spike day 2–5 days ago: more successful resets than 3× the median of the other days, over 30 and over 7 days', () => {
    for (const span of [30 * DAY, 7 * DAY]) {
      const { first, counts } = resetsPerDay(raw, span);
      let busiest = 0;
      counts.forEach((c, i) => (c > counts[busiest]! ? (busiest = i) : undefined));
      const others = median(counts.filter((_, i) => i !== busiest));
      expect(counts[busiest], `${span / DAY} days: ${counts.join(' ')}`).to.be.above(3 * others);
      const ago = raw.now - (first + busiest * DAY);
      expect(ago, 'the spike day starts 2–5 days before now').to.be.within(2 * DAY, 5 * DAY + HOUR);
    }
  });

  it('the daily report shows the same spike', async () => {
    const rows = await rawAll<GraphUserPasswordResetsAndChangesSummary>(mockEndpoint(''), ROUTES.userPasswordResetsAndChangesSummary);
    const { first, counts } = resetsPerDay(raw, 30 * DAY);
    const busiest = counts.indexOf(Math.max(...counts));
    const day = new Date(first + busiest * DAY).toISOString().replace('.000', '');
    expect(rows.find((r) => r.aggregatedDateTime === day)?.passwordResetsSelfServiceCount).to.equal(counts[busiest]);
  });

  it('every tenant of 200 users or more gets them; a smaller one is left as it was', () => {
    for (const [users, seed] of [[200, 3], [640, 11], [5000, 2]] as const) {
      const t = createTenant({ users, seed });
      const failedByUser = byUser(t.events.filter((e) => e.feature === 'reset' && !e.isSuccess).map((e) => ({ ...e, time: Date.parse(e.eventDateTime) })));
      const compact = [...failedByUser.values()].some((l) => l.some((e) => l.filter((x) => x.time >= e.time && x.time - e.time <= HOUR).length >= 5));
      expect(compact, `${users} users: a compact burst`).to.equal(true);
    }
    const small = createTenant({ users: 199 });
    const failed = byUser(small.events.filter((e) => e.feature === 'reset' && !e.isSuccess).map((e) => ({ ...e, time: Date.parse(e.eventDateTime) })));
    expect([...failed.values()].some((l) => l.some((e) => l.filter((x) => x.time >= e.time && x.time - e.time <= HOUR).length >= 5))).to.equal(false);
  });
});

describe('the two summary routes agree with the raw rows of the same scenario', () => {
  const SPEC = 'users=600;seed=12';

  it('usersRegisteredByMethod counts the users of userRegistrationDetails, per scope', async () => {
    const endpoint = mockEndpoint(SPEC);
    const users = await rawAll<GraphUserRegistrationDetails>(endpoint, ROUTES.userRegistrationDetails);
    for (const [types, roles, keep] of [
      ['all', 'all', () => true],
      ['guest', 'all', (u: GraphUserRegistrationDetails) => u.userType === 'guest'],
      ['member', 'user', (u: GraphUserRegistrationDetails) => u.userType === 'member' && !u.isAdmin],
      ['all', 'admin', (u: GraphUserRegistrationDetails) => u.isAdmin],
    ] as const) {
      const summary = await rawGraph<GraphUserRegistrationMethodSummary>(
        endpoint, `${ROUTES.usersRegisteredByMethod}(includedUserTypes='${types}',includedUserRoles='${roles}')`,
      );
      const scoped = users.filter(keep);
      expect(summary.totalUserCount).to.equal(scoped.length);
      const methods = new Set(scoped.flatMap((u) => u.methodsRegistered));
      for (const m of methods) {
        const row = summary.userRegistrationMethodCounts.find((c) => c.authenticationMethod === m);
        expect(row?.userCount, `${types}/${roles} ${m}`).to.equal(scoped.filter((u) => u.methodsRegistered.includes(m)).length);
      }
      expect(summary.userRegistrationMethodCounts.find((c) => c.authenticationMethod === 'password')?.userCount).to.equal(scoped.length);
    }
    const privileged = await rawGraph<GraphUserRegistrationMethodSummary>(endpoint, `${ROUTES.usersRegisteredByMethod}(includedUserTypes='all',includedUserRoles='privilegedAdmin')`);
    expect(privileged.totalUserCount).to.be.within(1, users.filter((u) => u.isAdmin).length);
  });

  it('userPasswordResetsAndChangesSummary counts the events and audits of each day', async () => {
    const endpoint = mockEndpoint(SPEC);
    const [rows, events, audits] = await Promise.all([
      rawAll<GraphUserPasswordResetsAndChangesSummary>(endpoint, ROUTES.userPasswordResetsAndChangesSummary),
      rawAll<GraphUserEventsSummary>(endpoint, ROUTES.userEventsSummary),
      rawAll<GraphDirectoryAudit>(endpoint, ROUTES.directoryAudits),
    ]);
    expect(rows.length).to.be.within(30, 31);
    const on = (day: string, iso: string) => iso.slice(0, 10) === day.slice(0, 10);
    for (const row of rows) {
      const day = row.aggregatedDateTime;
      expect(row.passwordResetsSelfServiceCount, day).to.equal(events.filter((e) => e.feature === 'reset' && e.isSuccess && on(day, e.eventDateTime)).length);
      expect(row.passwordResetsByAdminCount, day).to.equal(audits.filter((a) => a.activityDisplayName === 'Reset password (by admin)' && on(day, a.activityDateTime)).length);
      expect(row.changePasswordSelfServiceCount, day).to.equal(
        audits.filter((a) => a.activityDisplayName === 'Change password (self-service)' && a.result === 'success' && on(day, a.activityDateTime)).length,
      );
    }
    const total = rows.reduce((n, r) => n + r.passwordResetsSelfServiceCount, 0);
    expect(total).to.equal(events.filter((e) => e.feature === 'reset' && e.isSuccess).length);
  });
});
