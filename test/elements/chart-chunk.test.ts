import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/sspr-tiles/define.js';
import { mockEndpoint, waitFor } from '../helpers/mock-endpoint.js';

/** Requests for ECharts itself or our chunk that bundles it (not the tiny loader module). */
const echartsRequests = () =>
  performance.getEntriesByType('resource').map((e) => e.name).filter((name) => /echarts-bundle|wtr-echarts|node_modules\/echarts\//.test(name));

describe('the chart chunk', () => {
  it('is not requested by a page that has only tiles, and is loaded on a chart’s first draw', async () => {
    const tiles = await fixture(html`<sspr-tiles endpoint=${mockEndpoint('users=60')}></sspr-tiles>`);
    await waitFor(() => tiles.shadowRoot!.querySelector('button[part="tile"]'), 'the tiles');
    expect(echartsRequests()).to.deep.equal([]);
    await import('../../src/elements/sspr-resets-chart/define.js');
    expect(echartsRequests(), 'defining the chart element alone loads no chart code').to.deep.equal([]);
    const chart = await fixture(html`<sspr-resets-chart period="d30" endpoint=${mockEndpoint('users=2000')}></sspr-resets-chart>`);
    await waitFor(() => chart.shadowRoot!.querySelector('svg, [part="empty"]'), 'the chart');
    expect(echartsRequests().length).to.be.greaterThan(0);
  });
});
