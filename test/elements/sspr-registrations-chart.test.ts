import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/sspr-dashboard/define.js';
import type { SsprRegistrationsChart } from '../../src/elements/sspr-registrations-chart/sspr-registrations-chart.js';
import type { SsprDashboard } from '../../src/elements/sspr-dashboard/sspr-dashboard.js';
import { graphExample } from '../fixtures/graph-examples.js';
import { $, mockEndpoint, waitFor } from '../helpers/mock-endpoint.js';
import { payloadClient } from '../../src/mock/payload-client.js';
import { ReportClient } from '../../src/client/report-client.js';

const series = (el: SsprRegistrationsChart) =>
  (el.chart!.getOption() as unknown as { series: { data: number[] }[]; yAxis: { data: string[] }[] });

/** A bar's value, whether ECharts holds it as a number or as `{value, itemStyle}`. */
const valueOf = (d: unknown) => (typeof d === 'object' && d !== null ? (d as { value: number }).value : d);

describe('<sspr-registrations-chart>', () => {
  it('renders the Graph documentation example’s registrations', async () => {
    const el = await fixture<SsprRegistrationsChart>(
      html`<sspr-registrations-chart lang="en-US" period="d1" .client=${payloadClient(await graphExample('beta-userRegistrationActivity-d1'))}></sspr-registrations-chart>`,
    );
    await waitFor(() => el.chart && el.shadowRoot!.querySelector('svg path'), 'the chart');
    expect(series(el).yAxis[0].data).to.deep.equal(['Microsoft Authenticator app', 'Windows Hello for Business']);
    expect(series(el).series.map((s) => s.data.map(valueOf))).to.deep.equal([[83, 1], [214, 0]]);
    expect($(el, '[part="summary"]').textContent).to.equal(
      'Registrations, last 24 hours: 84 succeeded, 214 failed; most used: Microsoft Authenticator app.',
    );
  });

  it('inside a dashboard follows the shared period and drills into the table area', async () => {
    // without the budget: a dashboard's first load fills Graph's first window of 5 requests
    const client = new ReportClient({ endpoint: mockEndpoint('users=2000;seed=8'), budget: false });
    const dashboard = await fixture<SsprDashboard>(html`<sspr-dashboard .client=${client}></sspr-dashboard>`);
    const chart = $<SsprRegistrationsChart>(dashboard, 'sspr-registrations-chart');
    await waitFor(() => chart.shadowRoot!.querySelector('[part="summary"], [part="empty"]'), 'the chart');
    expect(chart.shadowRoot!.textContent).to.contain('last 7 days');
    dashboard.period = 'd30';
    await waitFor(() => chart.shadowRoot!.querySelector('[part="summary"]')?.textContent?.includes('last 30 days'), 'the 30-day chart');
    chart.asTable = true;
    await chart.updateComplete;
    setTimeout(() => chart.shadowRoot!.querySelector<HTMLButtonElement>('[part="drilldown"]')!.click());
    const event = await oneEvent(dashboard, 'sspr-drilldown');
    expect(event.detail.report).to.equal('events');
    expect(event.detail.filter.feature).to.equal('registration');
    await waitFor(() => dashboard.details, 'the details');
    expect(dashboard.details).to.deep.equal(event.detail);
  });
});
