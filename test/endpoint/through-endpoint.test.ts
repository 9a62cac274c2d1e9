/**
 * The dashboard pointed at the reporting endpoint (synced from the mock, served under /endpoint/ by the
 * test server) shows the same numbers as pointed at the mock Graph itself, and a view through the
 * endpoint sends Graph no request at all.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/sspr-dashboard/define.js';
import type { SsprDashboard } from '../../src/elements/sspr-dashboard/sspr-dashboard.js';
import type { SsprTiles } from '../../src/elements/sspr-tiles/sspr-tiles.js';
import { ReportClient } from '../../src/client/report-client.js';
import { $, $$, waitFor } from '../helpers/mock-endpoint.js';

interface TestEndpoint {
  endpoint: string;
  /** The same store behind Entra sign-in. */
  signedIn: string;
  /** The mock scenario the endpoint synced from (same tenant, same clock). */
  mock: string;
  /** Requests the endpoint's sync sent to the mock. */
  upstreamLog: string;
}
const testEndpoint = async () => (await (await fetch('/endpoint-test.json')).json()) as TestEndpoint;
/** A token from the test tenant's sign-in service, with these app roles (default: the endpoint's read role). */
const testToken = async (roles?: string) =>
  ((await (await fetch(`/endpoint-test-token.json${roles === undefined ? '' : `?roles=${encodeURIComponent(roles)}`}`)).json()) as { token: string }).token;
const upstreamRequests = async (log: string) => ((await (await fetch(log)).json()) as { requests: unknown[] }).requests.length;

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** What the dashboard says about the numbers, element by element, once everything has loaded. */
async function shownNumbers(dashboard: SsprDashboard): Promise<Record<string, string>> {
  const inner = (tag: string) => $(dashboard, tag);
  const tiles = inner('sspr-tiles');
  await waitFor(() => $$(tiles, '[part="value"]').length > 0, 'the tiles', 20_000);
  const shown: Record<string, string> = { tiles: $$(tiles, '[part="tile"]').map(text).join(' | ') };
  for (const tag of ['sspr-registrations-chart', 'sspr-resets-chart', 'sspr-methods-chart', 'sspr-trend-chart']) {
    const chart = inner(tag);
    shown[tag] = await waitFor(() => text(chart.shadowRoot?.querySelector('.visually-hidden table')), tag, 20_000);
  }
  const table = inner('sspr-audit-table');
  await waitFor(() => !table.shadowRoot?.querySelector('[part="progress"]') && /\d/.test(text(table.shadowRoot?.querySelector('[part="count"]'))), 'the table', 20_000);
  shown.table = text(table.shadowRoot!.querySelector('[part="count"]'));
  const insights = inner('sspr-insights');
  await waitFor(() => insights.shadowRoot?.querySelector('[part~="insight"]') && !insights.shadowRoot.querySelector('[part="pending"], [part="progress"]'), 'the insights', 30_000);
  shown.insights = $$(insights, '[part~="insight"]').map(text).join(' | ');
  return shown;
}

describe('the dashboard through the reporting endpoint', () => {
  it('shows the same numbers as on the mock Graph, and costs Graph no request', async function () {
    this.timeout(90_000);
    const { endpoint, mock, upstreamLog } = await testEndpoint();
    // the comparison is about the numbers: no request budget on either side
    const onMock = await fixture<SsprDashboard>(html`<sspr-dashboard lang="en-US" .client=${new ReportClient({ endpoint: mock, budget: false })}></sspr-dashboard>`);
    const fromMock = await shownNumbers(onMock);
    const before = await upstreamRequests(upstreamLog);
    const onEndpoint = await fixture<SsprDashboard>(html`<sspr-dashboard lang="en-US" .client=${new ReportClient({ endpoint, budget: false })}></sspr-dashboard>`);
    const fromEndpoint = await shownNumbers(onEndpoint);
    for (const key of Object.keys(fromMock)) expect(fromEndpoint[key], key).to.equal(fromMock[key]);
    expect(fromMock.tiles).to.match(/of 2,000 users/);
    expect(await upstreamRequests(upstreamLog), 'Graph requests during the view').to.equal(before);
  });

  it('says when the reports were last synced: a dashboard once for all it shows, an element on its own itself; never on plain Graph', async function () {
    this.timeout(30_000);
    const { endpoint, mock } = await testEndpoint();
    const dashboard = await fixture<SsprDashboard>(html`<sspr-dashboard lang="en-US" .client=${new ReportClient({ endpoint, budget: false })}></sspr-dashboard>`);
    const freshness = await waitFor(() => /Last updated from Microsoft Graph/.test(text($(dashboard, '[part="freshness"]'))) && text($(dashboard, '[part="freshness"]')), 'the last sync', 20_000);
    expect(freshness).to.match(/Last updated from Microsoft Graph \w{3} \d{1,2}, \d{4}/);
    expect($(dashboard, '[part="freshness"] time + time, [part="freshness"] time:last-of-type').getAttribute('datetime')).to.match(/^\d{4}-\d{2}-\d{2}T/);
    const inner = $<SsprTiles>(dashboard, 'sspr-tiles');
    expect(inner.shadowRoot!.querySelector('[part="updated"]'), 'left to the dashboard').to.equal(null);

    const own = await fixture<SsprTiles>(html`<sspr-tiles lang="nl" endpoint=${endpoint}></sspr-tiles>`);
    expect(await waitFor(() => text(own.shadowRoot?.querySelector('[part="updated"]')), 'its own line', 20_000)).to.match(/^Laatst bijgewerkt: \d{1,2} \w+\.? \d{4}/);
    const plain = await fixture<SsprTiles>(html`<sspr-tiles lang="en-US" endpoint=${mock}></sspr-tiles>`);
    await waitFor(() => $$(plain, '[part="value"]').length > 0, 'the plain tiles', 20_000);
    expect(plain.shadowRoot!.querySelector('[part="updated"]')).to.equal(null);
    const onMock = await fixture<SsprDashboard>(html`<sspr-dashboard lang="en-US" .client=${new ReportClient({ endpoint: mock, budget: false })}></sspr-dashboard>`);
    await waitFor(() => /Loaded/.test(text($(onMock, '[part="freshness"]'))), 'the plain dashboard', 20_000);
    expect(text($(onMock, '[part="freshness"]'))).not.to.match(/Last updated/);
  });

  it('offers the longer periods the endpoint keeps, and a longer period reads its history', async function () {
    this.timeout(60_000);
    const { endpoint, mock } = await testEndpoint();
    const asked: string[] = [];
    const recording: typeof fetch = (input, init) => {
      asked.push(decodeURIComponent(String(input instanceof Request ? input.url : input)));
      return fetch(input, init);
    };
    const options = (el: Element) => $$<HTMLInputElement>($(el, 'sspr-period-select'), 'input[type="radio"]').map((i) => i.value);
    const dashboard = await fixture<SsprDashboard>(html`<sspr-dashboard lang="en-US" .client=${new ReportClient({ endpoint, budget: false, fetch: recording })}></sspr-dashboard>`);
    await waitFor(() => options(dashboard).length === 6, 'the longer periods', 20_000);
    expect(options(dashboard)).to.deep.equal(['d1', 'd7', 'd30', 'd90', 'd180', 'd365']);
    const onMock = await fixture<SsprDashboard>(html`<sspr-dashboard lang="en-US" .client=${new ReportClient({ endpoint: mock, budget: false })}></sspr-dashboard>`);
    await waitFor(() => $$($(onMock, 'sspr-tiles'), '[part="value"]').length > 0, 'the plain dashboard', 20_000);
    expect(options(onMock)).to.deep.equal(['d1', 'd7', 'd30']);

    $$<HTMLInputElement>($(dashboard, 'sspr-period-select'), 'input[value="d90"]')[0]!.click();
    await waitFor(() => dashboard.period === 'd90', 'the period');
    const registrations = $(dashboard, 'sspr-registrations-chart');
    await waitFor(() => /last 90 days/.test(text(registrations.shadowRoot?.querySelector('[part="summary"]'))), 'the chart over 90 days', 20_000);
    const table = $(dashboard, 'sspr-audit-table');
    await waitFor(() => asked.some((u) => /userEventsSummary\?.*eventDateTime ge /.test(u)) && !table.shadowRoot?.querySelector('[part="progress"]'), 'the events of 90 days', 20_000);
    expect(table.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    await waitFor(() => asked.some((u) => /userPasswordResetsAndChangesSummary\?.*aggregatedDateTime ge /.test(u)), 'the daily resets of 90 days', 20_000);
    expect(asked.some((u) => u.includes("userRegistrationActivity(period='d90')"))).to.equal(true);
    await waitFor(() => asked.some((u) => u.includes("usersRegisteredByFeatureHistory(period='d90',")), 'the tiles over 90 days', 20_000);
  });

  it('never asks plain Graph for what only the endpoint has: a longer period there is the 30 days Graph keeps', async function () {
    this.timeout(60_000);
    const { mock } = await testEndpoint();
    const asked: string[] = [];
    const recording: typeof fetch = (input, init) => {
      asked.push(decodeURIComponent(String(input instanceof Request ? input.url : input)));
      return fetch(input, init);
    };
    const dashboard = await fixture<SsprDashboard>(html`<sspr-dashboard lang="en-US" period="d90" .client=${new ReportClient({ endpoint: mock, budget: false, fetch: recording })}></sspr-dashboard>`);
    await shownNumbers(dashboard);
    expect(asked.length).to.be.greaterThan(5);
    const extensions = asked.filter((u) => /d90|d180|d365|History|eventDateTime ge|aggregatedDateTime ge/.test(u));
    expect(extensions, 'extension requests to plain Graph').to.deep.equal([]);
    expect(asked.some((u) => u.includes("userRegistrationActivity(period='d30')"))).to.equal(true);
    expect(text($(dashboard, 'sspr-registrations-chart').shadowRoot!.querySelector('[part="summary"]'))).to.match(/last 30 days/);
  });

  it("draws each tile's count over the period from the endpoint's history, and says it in words", async function () {
    this.timeout(30_000);
    const { endpoint, mock } = await testEndpoint();
    const tiles = await fixture<SsprTiles>(html`<sspr-tiles lang="en-US" period="d7" .client=${new ReportClient({ endpoint, budget: false })}></sspr-tiles>`);
    await waitFor(() => $$(tiles, '[part="trend"] polyline').length === 3, 'a line in each tile', 20_000);
    const points = $$(tiles, '[part="trend"] polyline')[0]!.getAttribute('points')!.split(' ');
    expect(points, 'a point per day of the week synced').to.have.length(7);
    const registered = $(tiles, '[data-metric="registered"]');
    const count = text(registered.querySelector('[part="value"]'));
    expect(text(registered.querySelector('.visually-hidden'))).to.equal(`Last 7 days: from ${count} to ${count}`);
    const plain = await fixture<SsprTiles>(html`<sspr-tiles lang="en-US" .client=${new ReportClient({ endpoint: mock, budget: false })}></sspr-tiles>`);
    await waitFor(() => $$(plain, '[part="value"]').length > 0, 'the plain tiles', 20_000);
    expect($$(plain, '[part="trend"]')).to.have.length(0);
  });

  it('behind viewer sign-in: sends the token from getToken, and says what is missing when it is refused', async function () {
    this.timeout(60_000);
    const { endpoint, signedIn } = await testEndpoint();
    const open = await fixture<SsprTiles>(html`<sspr-tiles lang="en-US" .client=${new ReportClient({ endpoint, budget: false })}></sspr-tiles>`);
    await waitFor(() => $$(open, '[part="value"]').length > 0, 'the tiles without sign-in', 20_000);
    // the counts (the trend lines under them load a moment later, on their own)
    const expected = $$(open, '[part="value"]').map(text).join(' | ');
    expect(expected).to.match(/^[\d,]+ \| [\d,]+ \| [\d,]+$/);

    const token = await testToken();
    const sent: (string | null)[] = [];
    const recording: typeof fetch = (input, init) => {
      sent.push(new Headers(init?.headers).get('authorization'));
      return fetch(input, init);
    };
    const withRole = await fixture<SsprTiles>(html`<sspr-tiles lang="en-US" .client=${new ReportClient({ endpoint: signedIn, budget: false, fetch: recording, getToken: async () => token })}></sspr-tiles>`);
    await waitFor(() => $$(withRole, '[part="value"]').length > 0, 'the signed-in tiles', 20_000);
    expect($$(withRole, '[part="value"]').map(text).join(' | ')).to.equal(expected);
    expect(sent.length).to.be.greaterThan(0);
    expect(sent.every((h) => h === `Bearer ${token}`), 'every request carried the token').to.equal(true);

    const anonymous = await fixture<SsprTiles>(html`<sspr-tiles lang="en-US" .client=${new ReportClient({ endpoint: signedIn, budget: false })}></sspr-tiles>`);
    expect(await waitFor(() => text(anonymous.shadowRoot?.querySelector('[part="error"]')), 'the 401', 20_000)).to.match(/not signed in, or your sign-in has expired/);

    const noRole = await testToken('');
    const refused = await fixture<SsprTiles>(html`<sspr-tiles lang="nl" .client=${new ReportClient({ endpoint: signedIn, budget: false, getToken: async () => noRole })}></sspr-tiles>`);
    expect(await waitFor(() => text(refused.shadowRoot?.querySelector('[part="error"]')), 'the 403', 20_000)).to.match(/alleen accounts toe met de app-rol SSPR\.Insights\.Read/);
  });
});
