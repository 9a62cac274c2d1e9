import { expect } from '@open-wc/testing';
import { ReportClient } from '../../src/client/index.js';
import type { GraphPage, GraphUserPasswordResetsAndChangesSummary, GraphUserRegistrationMethodSummary } from '../../src/graph/types.js';
import { ROUTES } from '../../src/graph/types.js';
import { payloadClient } from '../../src/mock/payload-client.js';
import {
  and,
  eq,
  fetchFeatureSummary,
  fetchMethodCounts,
  fetchRegistrationActivity,
  fetchResetsAndChanges,
  methodCountsPath,
  pageAudits,
  pageEvents,
  pageUsers,
  startsWith,
  type RowPage,
} from '../../src/reports/index.js';

const DAY = 86_400_000;
const dayOf = (ms: number) => Math.floor(ms / DAY) * DAY;

let run = 0;
/** A fresh mock scenario per test, so fault counters and caches never leak between tests. */
const mock = (scenario: string) =>
  new ReportClient({ endpoint: `/mock/${scenario};id=reports-${Date.now()}-${run++}`, budget: false, cacheTtlMs: 0 });

async function all<Row>(pages: AsyncGenerator<RowPage<Row>>): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const page of pages) rows.push(...page.rows);
  return rows;
}

describe('reports against the mock endpoint', () => {
  it('feature summary: consistent counts for each scope', async () => {
    const client = mock('users=400;seed=5');
    const all = await fetchFeatureSummary(client);
    expect(all.total).to.equal(400);
    expect(all.counts.ssprCapable).to.be.at.most(Math.min(all.counts.ssprRegistered, all.counts.ssprEnabled));
    const guests = await fetchFeatureSummary(client, { userTypes: 'guest' });
    const members = await fetchFeatureSummary(client, { userTypes: 'member' });
    expect(guests.total + members.total).to.equal(400);
    expect(guests.userTypes).to.equal('guest');
    const admins = await fetchFeatureSummary(client, { userRoles: 'admin' });
    expect(admins.total).to.be.within(1, 399);
    const rejected = await fetchFeatureSummary(client, { userTypes: "all')/x" as never }).catch((e: unknown) => e);
    expect(rejected).to.be.instanceOf(TypeError);
  });

  it('activity over 30 days adds up to every event, newer method names included', async () => {
    const client = mock('users=300;seed=5');
    const activity = await fetchRegistrationActivity(client, 'd30');
    const events = await all(pageEvents(client));
    const total = activity.reduce((n, r) => n + r.succeeded + r.failed, 0);
    expect(total).to.equal(events.length);
    expect(activity.some((r) => r.feature === 'reset') && activity.some((r) => r.feature === 'registration')).to.equal(true);
    // the client sends Prefer: include-unknown-enum-members, so no method is masked
    expect(activity.map((r) => r.method)).not.to.include('unknownFutureValue');
    const failedSms = events.filter((e) => e.feature === 'reset' && e.method === 'sms' && !e.succeeded).length;
    expect(activity.find((r) => r.feature === 'reset' && r.method === 'sms')?.failed ?? 0).to.equal(failedSms);
  });

  it('pages through every user exactly once', async () => {
    const client = mock('users=730;seed=2;page=100');
    const pages: RowPage<unknown>[] = [];
    for await (const page of pageUsers(client)) pages.push(page);
    const ids = pages.flatMap((p) => (p.rows as { id: string }[]).map((r) => r.id));
    expect(pages).to.have.length(8);
    expect(new Set(ids).size).to.equal(730);
    expect(pages.at(-1)!.loaded).to.equal(730);
    expect(pages.at(-1)!.nextLink).to.equal(undefined);
  });

  it('server-side filters equal the same filter computed on the full list (names with quotes too)', async () => {
    const client = mock('users=1500;seed=9');
    const users = await all(pageUsers(client));
    const quoted = users.find((u) => u.name.includes("'"));
    expect(quoted, 'the tenant has a name with an apostrophe').to.exist;
    const byName = await all(pageUsers(client, { filter: eq('userDisplayName', quoted!.name) }));
    expect(byName.map((u) => u.id)).to.deep.equal(users.filter((u) => u.name.toLowerCase() === quoted!.name.toLowerCase()).map((u) => u.id));
    const prefix = quoted!.upn.slice(0, 3);
    const capable = await all(pageUsers(client, { filter: and(startsWith('userPrincipalName', prefix), eq('isSsprCapable', true)) }));
    const expected = users.filter((u) => u.upn.toLowerCase().startsWith(prefix.toLowerCase()) && u.ssprCapable);
    expect(capable.map((u) => u.id).sort()).to.deep.equal(expected.map((u) => u.id).sort());
  });

  it('audits: only SSPR entries, within the period, newest first', async () => {
    const client = mock('users=300;seed=4');
    const now = Date.now();
    const rows = await all(pageAudits(client, { period: 'd7', now }));
    expect(rows.length).to.be.greaterThan(0);
    for (const r of rows) expect(r.time).to.be.at.least(now - 7 * 86_400_000);
    const times = rows.map((r) => r.time);
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    expect(new Set(rows.map((r) => r.activity))).to.include('Reset password (self-service)');
    // Combined security-info registration is logged by another service: both are read.
    const services = new Set(rows.map((r) => r.service));
    expect([...services].sort()).to.deep.equal(['Authentication Methods', 'Self-service Password Management']);
    expect(rows.filter((r) => r.service === 'Authentication Methods').every((r) => /^User registered (all required )?security info$/.test(r.activity))).to.equal(true);
    const one = await all(pageAudits(client, { period: 'd7', now, services: ['Authentication Methods'] }));
    expect(one.length).to.equal(rows.filter((r) => r.service === 'Authentication Methods').length);
  });

  it('keeps what it loaded when a page fails, then resumes from the last link', async () => {
    const client = mock('users=500;seed=3;page=100;fault=500;after=2;times=1;route=userRegistrationDetails');
    const first: string[] = [];
    let resumeFrom: string | undefined;
    let failure: unknown;
    try {
      for await (const page of pageUsers(client)) {
        first.push(...page.rows.map((r) => r.id));
        resumeFrom = page.nextLink;
      }
    } catch (e) {
      failure = e;
    }
    expect((failure as { kind?: string })?.kind).to.equal('server');
    expect(first).to.have.length(200);
    const rest = await all(pageUsers(client, { from: resumeFrom }));
    expect(new Set([...first, ...rest.map((r) => r.id)]).size).to.equal(500);
    expect(first.length + rest.length).to.equal(500);
  });

  it('drops an undocumented part Graph refuses, filters in memory, says so, and never sends it again on that client', async () => {
    const urls: string[] = [];
    const endpoint = `/mock/users=300;seed=4;id=reports-${Date.now()}-${run++}`;
    const client = new ReportClient({
      endpoint, budget: false, cacheTtlMs: 0,
      fetch: (input, init) => {
        urls.push(decodeURIComponent(String(input)));
        return fetch(input, init);
      },
    });
    const optional = [{ name: '$top' }, { name: 'isAdmin', filter: eq('isAdmin', true) }];
    const pages: RowPage<{ isAdmin: boolean }>[] = [];
    for await (const page of pageUsers(client, { top: 999, optional, filter: eq('isSsprRegistered', true) })) pages.push(page);
    expect(urls[0]).to.contain('$top=999').and.contain('isAdmin eq true');
    expect(urls.at(-1)).to.contain('isSsprRegistered eq true');
    expect(urls.at(-1)).not.to.contain('$top').and.not.to.contain('isAdmin');
    expect(urls, 'one request per refused part, then the page').to.have.length(3);
    expect(pages[0]!.dropped).to.deep.equal(['$top', 'isAdmin']);
    urls.length = 0;
    await all(pageUsers(client, { top: 999, optional }));
    expect(urls, 'remembered: no request is spent on it again').to.have.length(1);
    expect(urls[0]).not.to.contain('$top');
  });

  it('reads again from the first page when Graph\'s page token expires, giving no row twice', async () => {
    const endpoint = `/mock/users=500;seed=3;page=100;fault=expired-token;after=2;times=1;id=reports-${Date.now()}-${run++}`;
    const client = new ReportClient({ endpoint, budget: false, cacheTtlMs: 0 });
    const pages: RowPage<{ id: string }>[] = [];
    for await (const page of pageUsers(client)) pages.push(page);
    const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
    expect(ids).to.have.length(500);
    expect(new Set(ids).size).to.equal(500);
    const last = pages.at(-1)!;
    expect(last.restarts).to.equal(1);
    expect(last.skipped, 'the three pages before the expiry').to.equal(300);
    // Every token expiring: after a few restarts the error surfaces, with the rows read so far given once.
    const always = new ReportClient({ endpoint: endpoint.replace('times=1', 'times=99').replace('after=2', 'after=0'), budget: false, cacheTtlMs: 0 });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const page of pageUsers(always)) seen.push(...page.rows.map((r) => r.id));
    })().catch((e: unknown) => e);
    expect(error).to.have.property('kind', 'bad-request');
    expect((error as Error).message).to.contain('Token not found');
    expect(seen).to.have.length(100);
  });

  it('a resumed read whose page token has expired starts over without repeating the rows of the earlier read', async () => {
    const endpoint = `/mock/users=500;seed=3;page=100;fault=expired-token;after=1;times=1;id=reports-${Date.now()}-${run++}`;
    const client = new ReportClient({ endpoint, budget: false, cacheTtlMs: 0 });
    const earlier: { id: string }[][] = [];
    let resumeFrom: string | undefined;
    for await (const page of pageUsers(client)) {
      earlier.push(page.rows);
      resumeFrom = page.nextLink;
      if (earlier.length === 2) break; // the user cancelled after two pages
    }
    const rest: RowPage<{ id: string }>[] = [];
    for await (const page of pageUsers(client, { from: resumeFrom, earlier })) rest.push(page);
    const ids = [...earlier.flat(), ...rest.flatMap((p) => p.rows)].map((r) => r.id);
    expect(rest.at(-1)!.restarts).to.equal(1);
    expect(rest.at(-1)!.skipped).to.equal(200);
    expect(ids).to.have.length(500);
    expect(new Set(ids).size).to.equal(500);
  });

  it('method counts: the summary for each scope, busiest first, and only enum values reach the URL', async () => {
    const endpoint = `/mock/users=400;seed=5;id=reports-${Date.now()}-${run++}`;
    const client = new ReportClient({ endpoint, budget: false, cacheTtlMs: 0 });
    const users = await all(pageUsers(client));
    const counts = await fetchMethodCounts(client);
    expect(counts).to.include({ total: 400, userTypes: 'all', userRoles: 'all' });
    expect(counts.methods[0]).to.deep.equal({ method: 'password', users: 400 });
    const usersOf = counts.methods.map((m) => m.users);
    expect(usersOf).to.deep.equal([...usersOf].sort((a, b) => b - a));
    for (const { method, users: n } of counts.methods.slice(1)) {
      expect(n, method).to.equal(users.filter((u) => u.methods.includes(method)).length);
    }
    const guests = await fetchMethodCounts(client, { userTypes: 'guest' });
    expect(guests.total).to.equal(users.filter((u) => u.userType === 'guest').length);
    const raw = (await (await fetch(`${endpoint}/${methodCountsPath('guest', 'all')}`)).json()) as GraphUserRegistrationMethodSummary;
    expect(guests.methods.length).to.equal(raw.userRegistrationMethodCounts.length);
    expect(methodCountsPath('member', 'privilegedAdmin')).to.equal(
      "v1.0/reports/authenticationMethods/usersRegisteredByMethod(includedUserTypes='member',includedUserRoles='privilegedAdmin')",
    );
    expect(() => methodCountsPath("all')/x" as never)).to.throw(TypeError);
    const rejected = await fetchMethodCounts(client, { userRoles: 'root' as never }).catch((e: unknown) => e);
    expect(rejected).to.be.instanceOf(TypeError);
  });

  it('resets and changes: one row per day of the period, oldest first, as the mock counts them, across pages', async () => {
    const endpoint = `/mock/users=500;seed=8;page=4;id=reports-${Date.now()}-${run++}`;
    const urls: string[] = [];
    const client = new ReportClient({
      endpoint, budget: false, cacheTtlMs: 0,
      fetch: (input, init) => {
        urls.push(String(input));
        return fetch(input, init);
      },
    });
    // the raw rows, every page
    const rawRows: GraphUserPasswordResetsAndChangesSummary[] = [];
    for (let next: string | undefined = `${endpoint}/${ROUTES.userPasswordResetsAndChangesSummary}`; next; ) {
      const page = (await (await fetch(next)).json()) as GraphPage<GraphUserPasswordResetsAndChangesSummary>;
      rawRows.push(...page.value);
      next = page['@odata.nextLink']?.replace('https://graph.microsoft.com', endpoint);
    }
    const byDay = new Map(rawRows.map((r) => [Date.parse(r.aggregatedDateTime), r]));
    const now = Date.now();
    for (const [period, days] of [['d1', 1], ['d7', 7], ['d30', 30]] as const) {
      urls.length = 0;
      const rows = await fetchResetsAndChanges(client, period, { now });
      expect(rows, period).to.have.length(days);
      expect(rows.at(-1)!.day).to.equal(dayOf(now));
      rows.forEach((r, i) => i && expect(r.day - rows[i - 1]!.day).to.equal(DAY));
      for (const r of rows) {
        const g = byDay.get(r.day);
        expect(r, new Date(r.day).toISOString()).to.deep.equal({
          day: r.day,
          selfService: g?.passwordResetsSelfServiceCount ?? 0,
          byAdmin: g?.passwordResetsByAdminCount ?? 0,
          changes: g?.changePasswordSelfServiceCount ?? 0,
        });
      }
      expect(urls.length, `${period}: every page, 4 rows a page`).to.equal(Math.ceil(rawRows.length / 4));
    }
    const d30 = await fetchResetsAndChanges(client, 'd30', { now });
    expect(d30.reduce((n, r) => n + r.selfService, 0)).to.be.greaterThan(0);
    expect(await fetchResetsAndChanges(client, 'd2' as never).catch((e: unknown) => e)).to.be.instanceOf(TypeError);
  });

  it('resets and changes: gaps filled with zeros, a day sent twice summed, undated rows kept last, other days left out', async () => {
    const now = Date.UTC(2025, 6, 20, 9, 30);
    const client = payloadClient({
      value: [
        { id: 'a', aggregatedDateTime: '2025-07-19T16:19:18Z', passwordResetsSelfServiceCount: 5, passwordResetsByAdminCount: 1, changePasswordSelfServiceCount: 2 },
        { id: 'b', aggregatedDateTime: '2025-07-19T00:00:00Z', passwordResetsSelfServiceCount: 1 },
        { id: 'c', aggregatedDateTime: '2025-07-14T00:00:00Z', passwordResetsSelfServiceCount: 'x', passwordResetsByAdminCount: 3 },
        { id: 'd', aggregatedDateTime: '2025-07-13T00:00:00Z', passwordResetsSelfServiceCount: 9 }, // 8 days ago: not in d7
        { id: 'e', aggregatedDateTime: '2025-07-21T00:00:00Z', passwordResetsSelfServiceCount: 9 }, // tomorrow
        { id: 'f', aggregatedDateTime: null, passwordResetsSelfServiceCount: 4 },
      ],
    });
    const rows = await fetchResetsAndChanges(client, 'd7', { now });
    expect(rows.map((r) => r.day)).to.deep.equal([
      ...Array.from({ length: 7 }, (_, k) => Date.UTC(2025, 6, 14 + k)),
      NaN,
    ]);
    expect(rows[0]).to.deep.equal({ day: Date.UTC(2025, 6, 14), selfService: 0, byAdmin: 3, changes: 0 });
    expect(rows[1]).to.deep.equal({ day: Date.UTC(2025, 6, 15), selfService: 0, byAdmin: 0, changes: 0 });
    expect(rows[5]).to.deep.equal({ day: Date.UTC(2025, 6, 19), selfService: 6, byAdmin: 1, changes: 2 });
    expect(rows[7]!.selfService).to.equal(4);
    const today = await fetchResetsAndChanges(client, 'd1', { now });
    expect(today.map((r) => r.day)).to.deep.equal([Date.UTC(2025, 6, 20), NaN]);
    const malformed = await fetchResetsAndChanges(payloadClient({ nothing: true }), 'd7', { now }).catch((e: unknown) => e);
    expect(malformed).to.have.property('kind', 'malformed');
  });
});
