import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/sspr-dashboard/define.js';
import type { SsprDashboard } from '../../src/elements/sspr-dashboard/sspr-dashboard.js';
import type { SsprTiles } from '../../src/elements/sspr-tiles/sspr-tiles.js';
import type { SsprPeriodSelect } from '../../src/elements/sspr-period-select/sspr-period-select.js';
import type { SsprAuditTable } from '../../src/elements/sspr-audit-table/sspr-audit-table.js';
import type { UserRow } from '../../src/reports/types.js';
import { $, $$, mockEndpoint, waitFor } from '../helpers/mock-endpoint.js';

import { FORWARDED_PARTS } from '../../src/elements/sspr-dashboard/dashboard-parts.js';
import { ReportClient } from '../../src/client/report-client.js';

// A dashboard reads five reports on its first load — Graph's whole first window of 5 requests per 10 s —
// so a drill-down right after it would wait for the budget. Tests of the dashboard's behaviour use a
// client without the budget; the budget has tests of its own (client/rate-limiter, report-client.retry).
const unbudgeted = (spec: string) => new ReportClient({ endpoint: mockEndpoint(spec), budget: false });

const PREFIX_TAG = { tiles: 'sspr-tiles', period: 'sspr-period-select', registrations: 'sspr-registrations-chart', resets: 'sspr-resets-chart', table: 'sspr-audit-table' } as const;

const tilesShare = (tiles: SsprTiles) =>
  waitFor(() => tiles.shadowRoot?.querySelector('[data-metric="registered"] [part="share"]')?.textContent?.trim(), 'tiles');

describe('<sspr-dashboard>', () => {
  it('gives its client to the tiles inside, while an element’s own endpoint wins', async () => {
    const el = await fixture<SsprDashboard>(html`<sspr-dashboard lang="en-US" endpoint=${mockEndpoint('users=300;seed=1')}>
      <sspr-tiles id="inherits"></sspr-tiles>
      <sspr-tiles id="own" endpoint=${mockEndpoint('users=120;seed=2')}></sspr-tiles>
    </sspr-dashboard>`);
    const inner = $<SsprTiles>(el, 'sspr-tiles');
    expect(await tilesShare(inner)).to.match(/of 300 users$/);
    expect(await tilesShare(el.querySelector<SsprTiles>('#inherits')!)).to.match(/of 300 users$/);
    expect(await tilesShare(el.querySelector<SsprTiles>('#own')!)).to.match(/of 120 users$/);
    expect($$(inner, 'button[part="tile"]')).to.have.length(5);
  });

  it('follows a change of endpoint in the elements that inherit it', async () => {
    const el = await fixture<SsprDashboard>(html`<sspr-dashboard lang="en-US" endpoint=${mockEndpoint('users=300')}></sspr-dashboard>`);
    const inner = $<SsprTiles>(el, 'sspr-tiles');
    expect(await tilesShare(inner)).to.match(/of 300 users$/);
    el.endpoint = mockEndpoint('users=75');
    await waitFor(() => /of 75 users$/.test(inner.shadowRoot!.querySelector('[data-metric="registered"] [part="share"]')?.textContent?.trim() ?? ''), 'the new numbers');
  });

  it('shares the period the user picks with the charts and the table', async () => {
    const el = await fixture<SsprDashboard>(html`<sspr-dashboard .client=${unbudgeted('users=60')}></sspr-dashboard>`);
    const select = $<SsprPeriodSelect>(el, 'sspr-period-select');
    expect(select.period).to.equal('d7');
    setTimeout(() => select.shadowRoot!.querySelector<HTMLInputElement>('input[value="d30"]')!.click());
    const event = await oneEvent(el, 'sspr-period-change');
    expect(event.detail.period).to.equal('d30');
    await el.updateComplete;
    expect(el.period).to.equal('d30');
    expect(el.getAttribute('period')).to.equal('d30');
    const chart = $(el, 'sspr-resets-chart');
    await waitFor(() => chart.shadowRoot!.querySelector('[part="summary"], [part="empty"]')?.textContent?.includes('30 days'), 'the chart’s period');
    const table = $<SsprAuditTable>(el, 'sspr-audit-table');
    await waitFor(() => table.shadowRoot!.querySelector<HTMLSelectElement>('[part="period"]')?.value === 'd30', 'the table’s period');
  });

  it('opens the details for a tile’s drill-down and moves focus there', async () => {
    const el = await fixture<SsprDashboard>(html`<sspr-dashboard .client=${unbudgeted('users=60')}></sspr-dashboard>`);
    const inner = $<SsprTiles>(el, 'sspr-tiles');
    await tilesShare(inner);
    inner.shadowRoot!.querySelector<HTMLButtonElement>('[data-metric="mfa"]')!.click();
    await waitFor(() => el.details, 'details to be set');
    await el.updateComplete;
    expect(el.details).to.deep.equal({ report: 'users', filter: { isMfaCapable: true } });
    expect($(el, '.details-filter').textContent).to.equal('Users: MFA capable');
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'details', 'focus on the details');
    const table = $<SsprAuditTable>(el, 'sspr-audit-table');
    expect(table.report).to.equal('users');
    await waitFor(() => table.loader.state === 'done' && table.visibleRows.length, 'the MFA-capable users');
    expect((table.visibleRows as UserRow[]).every((u) => u.mfaCapable)).to.equal(true);
    expect(table.visibleRows.length).to.be.below(table.loadedRows);
  });

  it('describes what the table shows after the user clears the drill-down\'s filters and searches', async () => {
    const el = await fixture<SsprDashboard>(html`<sspr-dashboard .client=${unbudgeted('users=60')}></sspr-dashboard>`);
    el.details = { report: 'users', filter: { isMfaCapable: true } };
    await el.updateComplete;
    expect($(el, '.details-filter').textContent).to.equal('Users: MFA capable');
    const table = $<SsprAuditTable>(el, 'sspr-audit-table');
    await waitFor(() => table.loader.state === 'done', 'the users');
    $(table, '[part="clear"]').click();
    await waitFor(() => $(el, '.details-filter').textContent === 'Users', 'the heading without the filter');
    const input = $<HTMLInputElement>(table, '[part="search"]');
    input.value = 'ad';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitFor(() => $(el, '.details-filter').textContent === 'Users: matching “ad”', 'the heading with the search', 3000);
    // A drill-down the page sets is described again, not the user's earlier search.
    el.details = { report: 'users', filter: { isSsprCapable: true } };
    await el.updateComplete;
    expect($(el, '.details-filter').textContent).to.equal('Users: capable of SSPR');
  });

  it('keeps the filter a user picked in the table when the dashboard re-renders', async () => {
    const el = await fixture<SsprDashboard>(html`<sspr-dashboard .client=${unbudgeted('users=300')}></sspr-dashboard>`);
    const table = $<SsprAuditTable>(el, 'sspr-audit-table');
    await waitFor(() => table.loader.state === 'done', 'the table');
    const select = $<HTMLSelectElement>(table, '[data-facet="feature"]');
    select.value = 'reset';
    select.dispatchEvent(new Event('change'));
    el.period = 'd30';
    await el.updateComplete;
    const chart = $(el, 'sspr-resets-chart');
    await waitFor(() => chart.shadowRoot!.querySelector('[part="summary"], [part="empty"]')?.textContent?.includes('30 days'), 'the reload');
    expect(table.filter).to.deep.equal({ feature: 'reset' });
  });

  it('leaves a drill-down the page cancelled to the page', async () => {
    const el = await fixture<SsprDashboard>(html`<sspr-dashboard .client=${unbudgeted('users=60')}></sspr-dashboard>`);
    const inner = $<SsprTiles>(el, 'sspr-tiles');
    await tilesShare(inner);
    const handled: unknown[] = [];
    const pageListener = (e: Event) => {
      e.preventDefault();
      handled.push((e as CustomEvent).detail);
    };
    document.addEventListener('sspr-drilldown', pageListener);
    try {
      inner.shadowRoot!.querySelector<HTMLButtonElement>('[data-metric="capable"]')!.click();
      await new Promise((r) => setTimeout(r, 50));
      expect(handled).to.deep.equal([{ report: 'users', filter: { isSsprCapable: true } }]);
      expect(el.details).to.equal(undefined);
    } finally {
      document.removeEventListener('sspr-drilldown', pageListener);
    }
  });

  it('says when the data was loaded and that the reports are not live, as Microsoft documents', async () => {
    const el = await fixture<SsprDashboard>(html`<sspr-dashboard .client=${unbudgeted('users=60')}></sspr-dashboard>`);
    await waitFor(() => el.shadowRoot!.querySelector('[part="freshness"] time'), 'the load time');
    const text = $(el, '[part="freshness"]').textContent!.replace(/\s+/g, ' ').trim();
    expect(text).to.match(/^Loaded .+\. These reports are not live: Microsoft documents a delay of up to a few hours\.$/);
  });

  it('fits a 320 px wide column without horizontal scrolling', async () => {
    const wrapper = await fixture(html`<div style="width: 320px"><sspr-dashboard .client=${unbudgeted('users=60')}></sspr-dashboard></div>`);
    const el = wrapper.querySelector('sspr-dashboard')!;
    await tilesShare($<SsprTiles>(el, 'sspr-tiles'));
    expect(el.scrollWidth).to.be.at.most(320);
    expect(wrapper.scrollWidth).to.be.at.most(320);
  });

  it('is accessible once everything in it has loaded', async () => {
    const el = await fixture<SsprDashboard>(html`<sspr-dashboard .client=${unbudgeted('users=2000')}></sspr-dashboard>`);
    await tilesShare($<SsprTiles>(el, 'sspr-tiles'));
    for (const tag of ['sspr-registrations-chart', 'sspr-resets-chart']) {
      await waitFor(() => $(el, tag).shadowRoot!.querySelector('[part="chart"] svg, [part="empty"]'), tag);
    }
    const table = $<SsprAuditTable>(el, 'sspr-audit-table');
    await waitFor(() => table.loader.state === 'done', 'the table');
    await expect(el).to.be.accessible();
  });

  it('forwards every part its elements document, so the page styles them through the dashboard', async () => {
    const manifest = await (await fetch('/custom-elements.json')).json() as { modules: { declarations?: { tagName?: string; cssParts?: { name: string }[] }[] }[] };
    const documented = (tag: string) => manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag)!.cssParts!.map((p) => p.name);
    for (const [prefix, tag] of Object.entries(PREFIX_TAG)) {
      expect([...FORWARDED_PARTS[prefix as keyof typeof PREFIX_TAG]].sort(), tag).to.deep.equal(documented(tag).sort());
    }
    const style = document.createElement('style');
    style.textContent = `sspr-dashboard::part(tile) { outline: 3px solid rgb(1, 2, 3); }
      sspr-dashboard::part(table-toolbar) { outline: 4px solid rgb(4, 5, 6); }
      sspr-dashboard::part(registrations-summary) { outline: 5px solid rgb(7, 8, 9); }
      sspr-dashboard::part(resets-plot) { outline: 6px solid rgb(10, 11, 12); }`;
    document.head.append(style);
    try {
      const el = await fixture<SsprDashboard>(html`<sspr-dashboard .client=${unbudgeted('users=2000')}></sspr-dashboard>`);
      const tiles = $<SsprTiles>(el, 'sspr-tiles');
      await tilesShare(tiles);
      expect(getComputedStyle($(tiles, '[part="tile"]')).outlineColor).to.equal('rgb(1, 2, 3)');
      const table = $<SsprAuditTable>(el, 'sspr-audit-table');
      expect(getComputedStyle(await waitFor(() => table.shadowRoot!.querySelector('[part="toolbar"]'), 'the toolbar')).outlineColor).to.equal('rgb(4, 5, 6)');
      const chart = $(el, 'sspr-registrations-chart');
      const summary = await waitFor(() => chart.shadowRoot!.querySelector('[part="summary"], [part="empty"]'), 'the chart');
      expect(summary.getAttribute('part'), '2,000 users register in a week').to.equal('summary');
      expect(getComputedStyle(summary).outlineColor).to.equal('rgb(7, 8, 9)');
      const resets = $(el, 'sspr-resets-chart');
      const plot = await waitFor(() => resets.shadowRoot!.querySelector('[part="chart"], [part="empty"]'), 'the resets chart');
      expect(plot.getAttribute('part'), '2,000 users reset passwords in a week').to.equal('chart');
      expect(getComputedStyle(plot).outlineColor).to.equal('rgb(10, 11, 12)');
      expect(getComputedStyle(resets).outlineStyle, 'the chart element itself is not a forwarded part').to.equal('none');
    } finally {
      style.remove();
    }
  });

  it('switches the details between events, users and the audit log without script', async () => {
    // Seven reports in a few seconds: more than Graph's budget, which other tests cover.
    const client = new ReportClient({ endpoint: mockEndpoint('users=60'), budget: false });
    const el = await fixture<SsprDashboard>(html`<sspr-dashboard .client=${client}></sspr-dashboard>`);
    const buttons = $$<HTMLButtonElement>(el, '[part="report"]');
    expect(buttons.map((b) => [b.textContent!.trim(), b.getAttribute('aria-pressed')])).to.deep.equal([['Events', 'true'], ['Users', 'false'], ['Audit log', 'false']]);
    const table = $<SsprAuditTable>(el, 'sspr-audit-table');
    for (const [index, report] of [[1, 'users'], [2, 'audit'], [0, 'events']] as const) {
      buttons[index].click();
      await el.updateComplete;
      expect(table.report).to.equal(report);
      expect(buttons[index].getAttribute('aria-pressed')).to.equal('true');
      await waitFor(() => table.loader.state === 'done' && table.loadedRows > 0, `the ${report} rows`, 10000);
    }
    expect($(el, '.details-filter').textContent).to.equal('Registration and reset events');
  });
});
