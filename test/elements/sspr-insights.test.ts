import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/sspr-insights/define.js';
import type { SsprInsights } from '../../src/elements/sspr-insights/sspr-insights.js';
import type { GraphPage, GraphUserEventsSummary, GraphUserRegistrationFeatureSummary } from '../../src/graph/types.js';
import { ReportClient } from '../../src/client/index.js';
import { $, $$, mockEndpoint, rawGraph, waitFor } from '../helpers/mock-endpoint.js';

const DAY = 86_400_000;

/** Every userEventsSummary row of a mock scenario, read straight from the mock (no library code). */
async function rawEvents(endpoint: string): Promise<GraphUserEventsSummary[]> {
  const rows: GraphUserEventsSummary[] = [];
  let path: string | undefined = 'beta/reports/authenticationMethods/userEventsSummary?$top=1000';
  while (path) {
    const page: GraphPage<GraphUserEventsSummary> = await rawGraph(endpoint, path);
    rows.push(...page.value);
    const next = page['@odata.nextLink'];
    path = next ? next.replace(/^https:\/\/graph\.microsoft\.com\//, '') : undefined;
  }
  return rows;
}

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
    const inWeek = (e: GraphUserEventsSummary, from = now - 7 * DAY, to = now) => {
      const t = Date.parse(e.eventDateTime);
      return t > from && t <= to;
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

  it('drills down from an answer into the table’s report and filter', async () => {
    const el = await fixture<SsprInsights>(html`<sspr-insights period="d7" .client=${new ReportClient({ endpoint: mockEndpoint('users=200;seed=4'), budget: false })}></sspr-insights>`);
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
