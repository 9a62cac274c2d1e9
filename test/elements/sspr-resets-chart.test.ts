import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/sspr-resets-chart/define.js';
import type { SsprResetsChart } from '../../src/elements/sspr-resets-chart/sspr-resets-chart.js';
import type { GraphPage, GraphUserRegistrationActivitySummary } from '../../src/graph/types.js';
import { methodLabel } from '../../src/reports/methods.js';
import { $, $$, mockEndpoint, rawGraph, waitFor } from '../helpers/mock-endpoint.js';
import { activityPayload, payloadClient } from '../../src/mock/payload-client.js';

type ChartOption = { series: { data: number[]; stack?: string; itemStyle: { color: string } }[]; yAxis: { data: string[] }[] };

/** Waits until the chart has drawn its SVG (or the element settled on a non-chart state). */
async function drawn(el: SsprResetsChart) {
  await waitFor(() => el.shadowRoot!.querySelector('[part="chart"] svg path') || el.shadowRoot!.querySelector('[part="empty"], [part="error"], [part="table"]'), 'the chart');
  await el.updateComplete;
}
/** Moves the real mouse over the middle of method `index`'s bar (horizontal chart). */
async function hoverBar(el: SsprResetsChart, index: number) {
  const box = $(el, '[part="chart"]').getBoundingClientRect();
  const [x, y] = el.chart!.convertToPixel({ gridIndex: 0 }, [1, index]) as number[];
  await sendMouse({ type: 'move', position: [Math.round(box.left + x), Math.round(box.top + y)] });
}
const option = (el: SsprResetsChart) => el.chart!.getOption() as unknown as ChartOption;

/** What the mock says for resets in a period, busiest method first, zero rows dropped. */
async function expectedResets(endpoint: string, period: string) {
  const body = await rawGraph<GraphPage<GraphUserRegistrationActivitySummary>>(endpoint, `beta/reports/authenticationMethods/userRegistrationActivity(period='${period}')`);
  return body.value
    .filter((r) => r.feature === 'reset' && r.successfulActivityCount + r.failureActivityCount > 0)
    .sort((a, b) => b.successfulActivityCount + b.failureActivityCount - (a.successfulActivityCount + a.failureActivityCount));
}

/** A bar's value, whether ECharts holds it as a number or as `{value, itemStyle}`. */
const valueOf = (d: unknown) => (typeof d === 'object' && d !== null ? (d as { value: number }).value : d);

describe('<sspr-resets-chart>', () => {
  it('draws the mock’s reset activity per method, with totals and a summary', async () => {
    const endpoint = mockEndpoint('users=2000;seed=3');
    const expected = await expectedResets(endpoint, 'd7');
    const el = await fixture<SsprResetsChart>(html`<sspr-resets-chart lang="en-US" endpoint=${endpoint}></sspr-resets-chart>`);
    await drawn(el);
    const o = option(el);
    expect(o.yAxis[0].data).to.deep.equal(expected.map((r) => methodLabel(r.authMethod)));
    expect(o.series[0].data).to.deep.equal(expected.map((r) => r.successfulActivityCount));
    expect(o.series[1].data.map(valueOf)).to.deep.equal(expected.map((r) => r.failureActivityCount));
    const ok = expected.reduce((n, r) => n + r.successfulActivityCount, 0);
    const failed = expected.reduce((n, r) => n + r.failureActivityCount, 0);
    expect($(el, '[part="summary"]').textContent).to.equal(
      `Password resets, last 7 days: ${ok.toLocaleString('en-US')} succeeded, ${failed.toLocaleString('en-US')} failed; most used: ${methodLabel(expected[0].authMethod)}.`,
    );
    const texts = $$(el, '[part="chart"] svg text').map((t) => t.textContent);
    const busiest = expected[0].successfulActivityCount + expected[0].failureActivityCount;
    expect(texts, 'the total at the end of the busiest bar').to.include(busiest.toLocaleString('en-US'));
    expect(texts).to.include('Succeeded');
    // assistive technology gets every method's counts without pressing anything, and the summary once
    const chart = $(el, '[part="chart"]');
    expect(chart.getAttribute('aria-hidden')).to.equal('true');
    const hidden = $(el, '.visually-hidden table');
    const rows = [...hidden.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows).to.deep.equal(
      expected.map((r) => [methodLabel(r.authMethod), ...[r.successfulActivityCount, r.failureActivityCount, r.successfulActivityCount + r.failureActivityCount].map((n) => n.toLocaleString('en-US'))]),
    );
    expect(hidden.querySelector('caption')!.textContent).to.equal('Password resets by method');
    expect(hidden.querySelectorAll('button, [tabindex]').length, 'the hidden copy takes no focus').to.equal(0);
    const summaryText = $(el, '[part="summary"]').textContent!;
    const said = [...el.shadowRoot!.querySelectorAll('[aria-label]')].filter((n) => n.getAttribute('aria-label') === summaryText);
    expect(said, 'the summary is not repeated as a label').to.deep.equal([]);
  });

  it('follows the period, and never shows the previous period’s numbers', async () => {
    const endpoint = mockEndpoint('users=2000;seed=3;latency=150');
    const d1 = await expectedResets(endpoint, 'd1');
    const el = await fixture<SsprResetsChart>(html`<sspr-resets-chart lang="en-US" period="d30" endpoint=${endpoint}></sspr-resets-chart>`);
    el.period = 'd7';
    await el.updateComplete;
    el.period = 'd1';
    await oneEvent(el, 'sspr-load');
    await drawn(el);
    if (d1.length === 0) {
      expect($(el, '[part="empty"]').textContent).to.equal('No password resets in the last 24 hours.');
    } else {
      expect($(el, '[part="summary"]').textContent).to.match(/^Password resets, last 24 hours:/);
      expect(option(el).series[0].data).to.deep.equal(d1.map((r) => r.successfulActivityCount));
    }
    await new Promise((r) => setTimeout(r, 400)); // the older answers would have landed by now
    expect(el.shadowRoot!.textContent).not.to.match(/last (7|30) days/);
  });

  it('says Graph has not answered after a few seconds, with Cancel that stops the request', async () => {
    const el = await fixture<SsprResetsChart>(html`<sspr-resets-chart lang="en-US" endpoint=${mockEndpoint('fault=hang;times=1')}></sspr-resets-chart>`);
    const notice = await waitFor(() => el.shadowRoot!.querySelector('.wait'), 'the no-answer notice', 8000);
    expect(notice.textContent).to.match(/has not answered yet/);
    $(el, '[part="cancel"]').click();
    await waitFor(() => el.shadowRoot!.querySelector('[part="error"]'), 'the cancelled state');
    $(el, '[part="retry"]').click();
    await oneEvent(el, 'sspr-load');
  });

  it('explains a report with no activity at all: data collection, licence, delay', async () => {
    const el = await fixture<SsprResetsChart>(html`<sspr-resets-chart period="d7"></sspr-resets-chart>`);
    el.client = payloadClient({ value: [
      { id: '1', feature: 'reset', authMethod: 'sms', successfulActivityCount: 0, failureActivityCount: 0 },
      { id: '2', feature: 'registration', authMethod: 'email', successfulActivityCount: 0, failureActivityCount: 0 },
    ] });
    await drawn(el);
    const empty = $(el, '[part="empty"]');
    expect(empty.textContent).to.contain('No password resets in the last 7 days.');
    expect(empty.textContent).to.contain('opened').and.contain('P1 or P2');
  });

  it('renders the Graph documentation example: a period with no resets is an empty state', async () => {
    const el = await fixture<SsprResetsChart>(html`<sspr-resets-chart period="d1"></sspr-resets-chart>`);
    el.client = payloadClient(await (await fetch(new URL('../fixtures/graph-examples/beta-userRegistrationActivity-d1.json', import.meta.url))).json());
    await drawn(el);
    expect($(el, '[part="empty"]').textContent).to.equal('No password resets in the last 24 hours.');
    expect(el.shadowRoot!.querySelector('svg')).to.equal(null);
  });

  it('hides methods with no activity unless show-empty, and names unknown methods as they come', async () => {
    const payload = activityPayload([['reset', 'sms', 5, 1], ['reset', 'email', 0, 0], ['reset', 'quantumKey', 2, 0], ['registration', 'email', 9, 9]]);
    const el = await fixture<SsprResetsChart>(html`<sspr-resets-chart .client=${payloadClient(payload)}></sspr-resets-chart>`);
    await drawn(el);
    expect(option(el).yAxis[0].data).to.deep.equal(['SMS', 'quantumKey']);
    el.showEmpty = true;
    await el.updateComplete;
    await waitFor(() => option(el).yAxis[0].data.length === 3, 'the empty method');
    expect(option(el).yAxis[0].data).to.deep.equal(['SMS', 'quantumKey', 'Email']);
  });

  it('stacks by default and groups with layout="grouped"', async () => {
    const payload = activityPayload([['reset', 'sms', 5, 1]]);
    const el = await fixture<SsprResetsChart>(html`<sspr-resets-chart .client=${payloadClient(payload)}></sspr-resets-chart>`);
    await drawn(el);
    expect(option(el).series.map((s) => s.stack)).to.deep.equal(['total', 'total']);
    el.layout = 'grouped';
    await waitFor(() => option(el).series[0].stack === undefined, 'grouped bars');
  });

  it('reads its colours from the --sspr- tokens and redraws on refreshTheme() and a colour-scheme change', async () => {
    const payload = activityPayload([['reset', 'sms', 5, 1]]);
    const el = await fixture<SsprResetsChart>(html`<sspr-resets-chart .client=${payloadClient(payload)}></sspr-resets-chart>`);
    await drawn(el);
    expect(option(el).series[0].itemStyle.color).to.equal('rgb(18, 128, 92)'); // #12805c, resolved by the browser
    el.style.setProperty('--sspr-chart-success', 'rgb(1, 2, 3)');
    el.refreshTheme();
    await waitFor(() => option(el).series[0].itemStyle.color === 'rgb(1, 2, 3)', 'the new colour');
    await waitFor(() => $$(el, 'svg path').some((p) => /rgb\(1, ?2, ?3\)|#010203/i.test(p.getAttribute('fill') ?? '')), 'a bar painted in it');
    el.style.removeProperty('--sspr-chart-success');
    // any CSS colour syntax reaches ECharts as a colour it understands
    el.style.setProperty('--sspr-color-failure', 'color-mix(in srgb, rgb(200, 0, 0) 50%, rgb(0, 0, 200))');
    el.refreshTheme();
    await waitFor(() => option(el).series[1].itemStyle.color === 'rgb(100, 0, 100)', 'the mixed colour');
    el.style.removeProperty('--sspr-color-failure');
    // the page decides: one that offers both schemes follows the OS
    document.documentElement.style.colorScheme = 'light dark';
    try {
      await emulateMedia({ colorScheme: 'dark' });
      await waitFor(() => option(el).series[0].itemStyle.color === 'rgb(76, 199, 149)', 'the dark default (#4cc795)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
      document.documentElement.style.removeProperty('color-scheme');
    }
  });

  it('draws correctly once a chart first rendered in a hidden container is shown', async () => {
    const payload = activityPayload([['reset', 'sms', 5, 1], ['reset', 'email', 3, 0]]);
    const wrapper = await fixture<HTMLDivElement>(html`<div style="display: none; width: 500px"><sspr-resets-chart .client=${payloadClient(payload)}></sspr-resets-chart></div>`);
    const el = wrapper.querySelector('sspr-resets-chart')!;
    await waitFor(() => el.chart, 'the chart instance');
    expect(el.chart!.getWidth()).not.to.equal(500);
    wrapper.style.display = 'block';
    await waitFor(() => el.chart!.getWidth() === 500, 'a resize to the shown width');
    await waitFor(() => $$(el, 'svg path').length > 2, 'bars');
  });

  it('disposes of the chart and its observer on every detach', async () => {
    const created: ResizeObserver[] = [];
    const disconnected = new Set<ResizeObserver>();
    const Native = window.ResizeObserver;
    window.ResizeObserver = class extends Native {
      constructor(cb: ResizeObserverCallback) {
        super(cb);
        created.push(this);
      }
      override disconnect() {
        disconnected.add(this);
        super.disconnect();
      }
    };
    try {
      const payload = activityPayload([['reset', 'sms', 5, 1]]);
      const el = await fixture<SsprResetsChart>(html`<sspr-resets-chart .client=${payloadClient(payload)}></sspr-resets-chart>`);
      const parent = el.parentElement!;
      const instances = [];
      for (let i = 0; i < 4; i++) {
        await drawn(el);
        await waitFor(() => el.chart, 'the chart');
        instances.push(el.chart!);
        el.remove();
        expect(el.chart).to.equal(undefined);
        parent.append(el);
        await el.updateComplete;
      }
      expect(instances.every((c) => c.isDisposed())).to.equal(true);
      expect(new Set(instances).size).to.equal(4);
      const live = created.filter((o) => !disconnected.has(o));
      expect(live.length, 'only the attached chart observes').to.be.at.most(1);
    } finally {
      window.ResizeObserver = Native;
    }
  });

  it('fires sspr-drilldown when a bar is clicked with the mouse', async () => {
    const payload = activityPayload([['reset', 'sms', 50, 10]]);
    const el = await fixture<SsprResetsChart>(html`<sspr-resets-chart .client=${payloadClient(payload)} style="width: 600px"></sspr-resets-chart>`);
    await drawn(el);
    const bar = $$(el, 'svg path').find((p) => /rgb\(18, ?128, ?92\)|#12805c/i.test(p.getAttribute('fill') ?? ''))!;
    // let the bar animation finish: its box stays the same over 100 ms (a fixed wait is too short on a busy machine)
    let box = bar.getBoundingClientRect();
    for (let stable = 0; stable < 5; ) {
      await new Promise((r) => setTimeout(r, 20));
      const now = bar.getBoundingClientRect();
      stable = now.width === box.width && now.x === box.x ? stable + 1 : 0;
      box = now;
    }
    const events: unknown[] = [];
    el.addEventListener('sspr-drilldown', (e) => events.push(e.detail));
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    await waitFor(() => events.length, 'the drill-down');
    expect(events[0]).to.deep.equal({ report: 'events', filter: { feature: 'reset', method: 'sms', status: 'success' } });
  });

  it('offers the data as a table whose counts drill down from the keyboard', async () => {
    const payload = activityPayload([['reset', 'sms', 50, 10], ['reset', 'email', 4, 0]]);
    const el = await fixture<SsprResetsChart>(html`<sspr-resets-chart lang="en-US" .client=${payloadClient(payload)}></sspr-resets-chart>`);
    await drawn(el);
    const toggle = $(el, '[part="toggle"]');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(el.chart).to.equal(undefined);
    const rows = $$(el, 'tbody tr').map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows).to.deep.equal([['SMS', '50', '10', '60'], ['Email', '4', '0', '4']]);
    const events: unknown[] = [];
    el.addEventListener('sspr-drilldown', (e) => events.push(e.detail));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.getAttribute('aria-label')).to.equal('Show 10 failed password resets with SMS');
    await sendKeys({ press: 'Enter' });
    expect(events).to.deep.equal([{ report: 'events', filter: { feature: 'reset', method: 'sms', status: 'failure' } }]);
  });

  it('shows HTML in a method name as text in tooltip and table, running nothing', async () => {
    const evil = '<img src=x onerror="window.__xss=1">';
    const payload = activityPayload([['reset', evil, 3, 1]]);
    const el = await fixture<SsprResetsChart>(html`<sspr-resets-chart .client=${payloadClient(payload)}></sspr-resets-chart>`);
    await drawn(el);
    await hoverBar(el, 0);
    const tooltip = await waitFor(() => el.shadowRoot!.querySelector('[part="tooltip"]'), 'the tooltip');
    expect(tooltip.textContent).to.contain(evil);
    expect(tooltip.textContent!.replace(/\s+/g, ' ')).to.contain('Succeeded: 3').and.contain('Failed: 1').and.contain('Total: 4');
    el.asTable = true;
    await el.updateComplete;
    expect($(el, 'tbody th').textContent).to.equal(evil);
    await new Promise((r) => setTimeout(r, 50));
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('shows a tooltip for the method under the pointer that Escape dismisses', async () => {
    const payload = activityPayload([['reset', 'sms', 50, 10], ['reset', 'email', 4, 0]]);
    const el = await fixture<SsprResetsChart>(html`<sspr-resets-chart .client=${payloadClient(payload)}></sspr-resets-chart>`);
    await drawn(el);
    await hoverBar(el, 1);
    const tooltip = await waitFor(() => el.shadowRoot!.querySelector('[part="tooltip"]'), 'the tooltip');
    expect(tooltip.getAttribute('role')).to.equal('tooltip');
    expect(tooltip.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Email Succeeded: 4 Failed: 0 Total: 4');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')).to.equal(null);
    await hoverBar(el, 0);
    await waitFor(() => el.shadowRoot!.querySelector('[part="tooltip"]')?.textContent?.includes('SMS'), 'the SMS tooltip');
    await sendMouse({ type: 'move', position: [0, 0] });
    await waitFor(() => !el.shadowRoot!.querySelector('[part="tooltip"]'), 'the tooltip to close');
  });

  it('shows an error with Retry, then the chart', async () => {
    const el = await fixture<SsprResetsChart>(html`<sspr-resets-chart endpoint=${mockEndpoint('users=300;fault=500;times=1')}></sspr-resets-chart>`);
    await drawn(el);
    expect($(el, '[part="error"]').textContent).to.match(/problem \(HTTP 500\)/);
    $(el, '[part="retry"]').click();
    await oneEvent(el, 'sspr-load');
    await drawn(el);
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('is accessible as a chart and as a table', async () => {
    const payload = activityPayload([['reset', 'sms', 50, 10], ['reset', 'email', 4, 0]]);
    const el = await fixture<SsprResetsChart>(html`<sspr-resets-chart .client=${payloadClient(payload)}></sspr-resets-chart>`);
    await drawn(el);
    await expect(el).to.be.accessible();
    el.asTable = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
