import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/sspr-insights/define.js';
import type { SsprInsights } from '../../src/elements/sspr-insights/sspr-insights.js';
import type { GraphDirectoryAudit, GraphPage, GraphUserEventsSummary, GraphUserRegistrationDetails, GraphUserRegistrationFeatureSummary, GraphUserRegistrationMethodSummary } from '../../src/graph/types.js';
import { methodLabel } from '../../src/reports/methods.js';
import { ReportClient } from '../../src/client/index.js';
import { $, $$, mockEndpoint, rawGraph, waitFor } from '../helpers/mock-endpoint.js';

const DAY = 86_400_000;

/** Every page of a raw collection route. */
async function rawAll<T>(endpoint: string, first: string): Promise<T[]> {
  const rows: T[] = [];
  let path: string | undefined = first;
  while (path) {
    const page: GraphPage<T> = await rawGraph(endpoint, path);
    rows.push(...page.value);
    const next = page['@odata.nextLink'];
    path = next ? next.replace(/^https:\/\/graph\.microsoft\.com\//, '') : undefined;
  }
  return rows;
}

/** Every userEventsSummary row of a mock scenario, read straight from the mock (no library code). */
const rawEvents = (endpoint: string) => rawAll<GraphUserEventsSummary>(endpoint, 'beta/reports/authenticationMethods/userEventsSummary?$top=1000');

async function settled(el: SsprInsights) {
  await waitFor(() => !$$(el, '[aria-busy="true"]').length && $$(el, '[part="insight"]').length === 8, 'the answers', 15_000);
  await el.updateComplete;
}

const answerOf = (el: SsprInsights, id: string) => $(el, `[data-insight="${id}"]`).textContent!.replace(/\s+/g, ' ').trim();

describe('<sspr-insights>', function () {
  this.timeout(30_000);

  it('answers from the mock tenant match the numbers computed from its raw rows', async () => {
    const endpoint = mockEndpoint('users=400;seed=11');
    const client = new ReportClient({ endpoint, budget: false });
    const el = await fixture<SsprInsights>(html`<sspr-insights lang="en-US" period="d7" .client=${client}></sspr-insights>`);
    await settled(el);
    const feature = await rawGraph<GraphUserRegistrationFeatureSummary>(endpoint, "v1.0/reports/authenticationMethods/usersRegisteredByFeature(includedUserTypes='all',includedUserRoles='all')");
    const registered = feature.userRegistrationFeatureCounts.find((c) => c.feature === 'ssprRegistered')!.userCount;
    expect(answerOf(el, 'registered')).to.contain(`${registered.toLocaleString('en-US')} of ${feature.totalUserCount.toLocaleString('en-US')} users`);

    const events = await rawEvents(endpoint);
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    const inWeek = (e: GraphUserEventsSummary, from = now - 7 * DAY, to = Infinity) => {
      const t = Date.parse(e.eventDateTime);
      return t >= from && t < to;
    };
    const resets = events.filter((e) => e.feature === 'reset' && e.isSuccess && inWeek(e));
    const people = new Set(resets.map((e) => e.userPrincipalName.toLowerCase())).size;
    expect(answerOf(el, 'resets')).to.contain(`${people} people reset their password in the last 7 days (${resets.length} resets)`);
    const before = new Set(events.filter((e) => e.feature === 'reset' && e.isSuccess && inWeek(e, now - 14 * DAY, now - 7 * DAY)).map((e) => e.userPrincipalName.toLowerCase())).size;
    expect(answerOf(el, 'resets')).to.contain(`on the previous 7 days (${before})`);

    const failures = events.filter((e) => !e.isSuccess && inWeek(e));
    const reasons = new Map<string, number>();
    for (const e of failures) reasons.set(e.failureReason, (reasons.get(e.failureReason) ?? 0) + 1);
    const [topReason, topCount] = [...reasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    expect(answerOf(el, 'problems')).to.contain(`Most common problem: ${topReason} (${topCount} of ${failures.length} failures)`);

    expect(el.insights.resets?.people).to.equal(people);
  });

  it('answers the other questions and finds what each rule looks for, as the raw rows say', async () => {
    const endpoint = mockEndpoint('users=2000;seed=1');
    const el = await fixture<SsprInsights>(html`<sspr-insights lang="en-US" period="d7" .client=${new ReportClient({ endpoint, budget: false })}></sspr-insights>`);
    await settled(el);
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    const since = now - 7 * DAY;
    const inPeriod = (iso: string) => Date.parse(iso) >= since;
    const events = (await rawEvents(endpoint)).filter((e) => inPeriod(e.eventDateTime));
    const users = await rawAll<GraphUserRegistrationDetails>(endpoint, 'v1.0/reports/authenticationMethods/userRegistrationDetails');
    const admins = new Set(users.filter((u) => u.isAdmin).map((u) => u.userPrincipalName.toLowerCase()));
    const ok = (feature: string) => events.filter((e) => e.feature === feature && e.isSuccess);

    // 2. who registered in the period
    const registeredPeople = new Set(ok('registration').map((e) => e.userPrincipalName.toLowerCase())).size;
    expect(answerOf(el, 'who')).to.contain(`${registeredPeople} people registered a method in the last 7 days`);
    // 3. methods, from usersRegisteredByMethod (password, which every user has, left out)
    const byMethod = await rawGraph<GraphUserRegistrationMethodSummary>(endpoint, "v1.0/reports/authenticationMethods/usersRegisteredByMethod(includedUserTypes='all',includedUserRoles='all')");
    const topMethod = byMethod.userRegistrationMethodCounts.filter((m) => m.authenticationMethod !== 'password').sort((a, b) => b.userCount - a.userCount)[0]!;
    expect($$(el, '[data-insight="methods"] .rank-label')[0]!.textContent).to.equal(methodLabel(topMethod.authenticationMethod));
    // 5. reset methods
    const resetMethods = new Map<string, number>();
    for (const e of ok('reset')) resetMethods.set(e.authMethod, (resetMethods.get(e.authMethod) ?? 0) + 1);
    const [topReset, topResets] = [...resetMethods].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    expect($$(el, '[data-insight="reset-methods"] .rank-label')[0]!.textContent).to.equal(methodLabel(topReset));
    expect($$(el, '[data-insight="reset-methods"] .rank-count')[0]!.textContent).to.contain(`${topResets} resets`);
    // 7. admins who reset their own password twice or more
    const adminResets = new Map<string, number>();
    for (const e of ok('reset')) if (admins.has(e.userPrincipalName.toLowerCase())) adminResets.set(e.userPrincipalName.toLowerCase(), (adminResets.get(e.userPrincipalName.toLowerCase()) ?? 0) + 1);
    const frequent = [...adminResets].filter(([, n]) => n >= 2);
    expect(frequent.length, 'the mock plants frequent admins').to.be.greaterThan(0);
    expect(answerOf(el, 'admins')).to.contain(`${frequent.length} admins reset their own password 2 or more times`);
    // 8. every rule fires on the mock tenant, naming the users the raw rows name
    const finding = (rule: string) => $(el, `[data-rule="${rule}"]`);
    for (const rule of ['blocked', 'failureBurst', 'registerThenReset', 'adminSelfReset', 'spikeDay']) {
      expect(finding(rule).classList.contains('found'), `${rule} fires`).to.equal(true);
    }
    const blocked = (await rawAll<GraphDirectoryAudit>(endpoint, "v1.0/auditLogs/directoryAudits?$filter=activityDisplayName eq 'Blocked from self-service password reset'"))
      .filter((a) => inPeriod(a.activityDateTime));
    const blockedNames = new Set(blocked.map((a) => a.targetResources[0]?.displayName ?? ''));
    const shown = finding('blocked').querySelectorAll('.finding-users li');
    expect(shown.length).to.equal(Math.min(10, blockedNames.size));
    expect([...adminResets.keys()].length).to.equal(el.insights.findings.adminSelfReset!.users.length);
  });

  it('says so when the period has no activity at all', async () => {
    const el = await fixture<SsprInsights>(html`<sspr-insights lang="en-US" period="d1" .client=${new ReportClient({ endpoint: mockEndpoint('users=200;events=0'), budget: false })}></sspr-insights>`);
    await settled(el);
    expect(answerOf(el, 'resets')).to.contain('0 people reset their password in the last 24 hours');
    expect(answerOf(el, 'reset-methods')).to.contain('No password was reset in this period.');
    expect(answerOf(el, 'problems')).to.contain('No registration or reset failed in this period.');
    expect(answerOf(el, 'suspicious')).to.contain('No suspicious activity found by the rules below.');
  });

  it('drills down from an answer into the table’s report and filter', async () => {
    const el = await fixture<SsprInsights>(html`<sspr-insights period="d7" .client=${new ReportClient({ endpoint: mockEndpoint('users=200;seed=4'), budget: false })}></sspr-insights>`);
    await settled(el);
    // computed once per change of its inputs, not on every render (it re-renders each second while waiting)
    const answers = el.insights;
    el.requestUpdate();
    await el.updateComplete;
    expect(el.insights).to.equal(answers);
    el.period = 'd1';
    await el.updateComplete;
    expect(el.insights).to.not.equal(answers);
    el.period = 'd7';
    await settled(el);
    setTimeout(() => ($(el, '[data-insight="resets"] [part="drilldown"]') as HTMLButtonElement).click());
    const event = await oneEvent(el, 'sspr-drilldown');
    expect(event.detail).to.deep.equal({ report: 'events', filter: { feature: 'reset', status: 'success' } });
  });

  it('keeps the other answers when one source fails, says which and why, and Retry recovers it', async () => {
    const endpoint = mockEndpoint('users=200;seed=4;fault=500;times=99;route=usersRegisteredByFeature');
    const el = await fixture<SsprInsights>(html`<sspr-insights period="d7" .client=${new ReportClient({ endpoint, budget: false, retry: { maxRetries: 0 } })}></sspr-insights>`);
    await settled(el);
    const missing = $(el, '[data-insight="registered"] [part="missing"]');
    expect(missing.textContent).to.contain('the registration counts could not be read');
    expect(answerOf(el, 'resets')).to.match(/people reset their password/);
    expect($$(el, '[data-insight="registered"] [part="retry"]')).to.have.length(1);
  });
});
