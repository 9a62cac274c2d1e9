import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/sspr-methods-chart/define.js';
import '../../src/elements/sspr-trend-chart/define.js';
import type { SsprMethodsChart } from '../../src/elements/sspr-methods-chart/sspr-methods-chart.js';
import type { SsprTrendChart } from '../../src/elements/sspr-trend-chart/sspr-trend-chart.js';
import type { GraphUserRegistrationMethodSummary } from '../../src/graph/types.js';
import { methodLabel } from '../../src/reports/methods.js';
import { payloadClient } from '../../src/mock/payload-client.js';
import { graphExample } from '../fixtures/graph-examples.js';
import { $, $$, mockEndpoint, rawGraph, waitFor } from '../helpers/mock-endpoint.js';

async function drawn(el: SsprMethodsChart | SsprTrendChart) {
  await waitFor(() => el.shadowRoot!.querySelector('[part="chart"] svg path') || el.shadowRoot!.querySelector('[part="empty"], [part="error"], [part="table"]'), 'the chart', 8000);
  await el.updateComplete;
}

const hiddenRows = (el: HTMLElement) => $$(el, '.visually-hidden table tbody tr').map((tr) => [...tr.children].map((c) => c.textContent!.trim()));

describe('<sspr-methods-chart>', () => {
  it('draws the mock’s users per method, busiest first, with every count for screen readers', async () => {
    const endpoint = mockEndpoint('users=300;seed=5');
    const raw = await rawGraph<GraphUserRegistrationMethodSummary>(endpoint, "v1.0/reports/authenticationMethods/usersRegisteredByMethod(includedUserTypes='all',includedUserRoles='all')");
    const el = await fixture<SsprMethodsChart>(html`<sspr-methods-chart lang="en-US" endpoint=${endpoint}></sspr-methods-chart>`);
    await drawn(el);
    const expected = raw.userRegistrationMethodCounts.filter((m) => m.userCount > 0 && m.authenticationMethod !== 'password').sort((a, b) => b.userCount - a.userCount || a.authenticationMethod.localeCompare(b.authenticationMethod));
    expect(hiddenRows(el)).to.deep.equal(expected.map((m) => [methodLabel(m.authenticationMethod), m.userCount.toLocaleString('en-US')]));
    expect($(el, '[part="summary"]').textContent).to.contain(`most registered is ${methodLabel(expected[0]!.authenticationMethod)}`);
    expect($(el, '[part="chart"]').getAttribute('aria-hidden')).to.equal('true');
  });

  it('renders the Graph documentation example and drills into the users of a method', async () => {
    const el = await fixture<SsprMethodsChart>(html`<sspr-methods-chart lang="en-US" as-table .client=${payloadClient(await graphExample('v1-usersRegisteredByMethod'))}></sspr-methods-chart>`);
    await drawn(el);
    // no bar for "password": Graph counts every user's password, and no user row lists it as registered
    expect($$(el, '[part="row"] th').map((th) => th.textContent)).to.deep.equal(['Mobile phone', 'Windows Hello for Business']);
    const button = $(el, '[part="row"] [part="drilldown"]');
    expect(button.getAttribute('aria-label')).to.equal('Show the 4,234 users who registered Mobile phone');
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'sspr-drilldown');
    expect(event.detail).to.deep.equal({ report: 'users', filter: { methodsRegistered: 'mobilePhone' } });
  });

  it('keeps its user-type and role scope in the drill-down, as the tiles do', async () => {
    const el = await fixture<SsprMethodsChart>(html`<sspr-methods-chart as-table user-types="guest" user-roles="admin" .client=${payloadClient(await graphExample('v1-usersRegisteredByMethod'))}></sspr-methods-chart>`);
    await drawn(el);
    setTimeout(() => $(el, '[part="row"] [part="drilldown"]').click());
    expect((await oneEvent(el, 'sspr-drilldown')).detail).to.deep.equal({ report: 'users', filter: { methodsRegistered: 'mobilePhone', userType: 'guest', isAdmin: true } });
  });
});

describe('<sspr-trend-chart>', () => {
  it('draws one bar group per day of the period from the mock, the data table summing to the summary', async () => {
    const el = await fixture<SsprTrendChart>(html`<sspr-trend-chart lang="en-US" period="d7" endpoint=${mockEndpoint('users=2000;seed=1')}></sspr-trend-chart>`);
    await drawn(el);
    const rows = hiddenRows(el);
    expect(rows).to.have.length(7);
    const total = (col: number) => rows.reduce((n, r) => n + Number(r[col]!.replace(/,/g, '')), 0);
    expect($(el, '[part="summary"]').textContent).to.contain(`${total(1).toLocaleString('en-US')} self-service resets, ${total(2).toLocaleString('en-US')} by an admin, ${total(3).toLocaleString('en-US')} self-service changes`);
    const legend = (el.chart!.getOption() as { legend: { data: string[] }[] }).legend[0]!.data;
    expect(legend).to.deep.equal(['Self-service resets', 'Resets by an admin', 'Self-service changes']);
  });

  it('says the period is empty for Graph’s documentation example (its days are long past)', async () => {
    const el = await fixture<SsprTrendChart>(html`<sspr-trend-chart period="d30" .client=${payloadClient(await graphExample('beta-userPasswordResetsAndChangesSummary-list'))}></sspr-trend-chart>`);
    await drawn(el);
    expect($(el, '[part="empty"]').textContent).to.contain('No password resets or changes in the last 30 days.');
  });

  it('opens the admin resets’ audit entries from the table, and dismisses its tooltip with Escape', async () => {
    const el = await fixture<SsprTrendChart>(html`<sspr-trend-chart lang="en-US" period="d7" as-table endpoint=${mockEndpoint('users=2000;seed=1')}></sspr-trend-chart>`);
    await drawn(el);
    const adminCount = $$(el, '[part="row"]')[0]!.querySelectorAll('[part="drilldown"]')[1] as HTMLButtonElement;
    setTimeout(() => adminCount.click());
    expect((await oneEvent(el, 'sspr-drilldown')).detail).to.deep.equal({ report: 'audit', filter: { activity: 'Reset password (by admin)' } });
    el.asTable = false;
    await drawn(el);
    Object.assign(el, { hover: { index: 0, x: 10, y: 10 } });
    await el.updateComplete;
    expect($$(el, '[part="tooltip"]')).to.have.length(1);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($$(el, '[part="tooltip"]')).to.have.length(0);
  });
});
