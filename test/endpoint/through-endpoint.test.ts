/**
 * The dashboard pointed at the reporting endpoint (synced from the mock, served under /endpoint/ by the
 * test server) shows the same numbers as pointed at the mock Graph itself, and a view through the
 * endpoint sends Graph no request at all.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/sspr-dashboard/define.js';
import type { SsprDashboard } from '../../src/elements/sspr-dashboard/sspr-dashboard.js';
import { ReportClient } from '../../src/client/report-client.js';
import { $, $$, waitFor } from '../helpers/mock-endpoint.js';

interface TestEndpoint {
  endpoint: string;
  /** The mock scenario the endpoint synced from (same tenant, same clock). */
  mock: string;
  /** Requests the endpoint's sync sent to the mock. */
  upstreamLog: string;
}
const testEndpoint = async () => (await (await fetch('/endpoint-test.json')).json()) as TestEndpoint;
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
});
