import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/elements/index.js';
import type { SsprTiles } from '../../src/elements/sspr-tiles/sspr-tiles.js';
import type { SsprAuditTable } from '../../src/elements/sspr-audit-table/sspr-audit-table.js';
import type { SsprDashboard } from '../../src/elements/sspr-dashboard/sspr-dashboard.js';
import type { SsprResetsChart } from '../../src/elements/sspr-resets-chart/sspr-resets-chart.js';
import { ReportClient } from '../../src/client/index.js';
import { activityPayload, payloadClient } from '../../src/mock/payload-client.js';
import { $, $$, mockEndpoint, waitFor } from '../helpers/mock-endpoint.js';
import { backgroundBehind, contrast } from './contrast.js';

/** The element keyboard focus is on, inside any shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether `node` is `root` or inside it, through shadow roots. */
function within(root: Element, node: Node | null): boolean {
  while (node) {
    if (node === root) return true;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return false;
}

/** What draws the focus indicator of `focused`: itself, or the option label a hidden radio sits in. */
const indicatorOf = (focused: Element) => (focused.matches('input[type="radio"]') ? focused.nextElementSibling! : focused);

/**
 * Tabs through `root` and checks every stop: a solid outline at least 2px wide whose colour has ≥ 3:1
 * contrast with what lies behind it (WCAG 2.4.7, 1.4.11, 2.4.13's contrast part).
 */
async function expectVisibleFocusOnEveryStop(root: HTMLElement, stops: number) {
  document.body.focus();
  const seen: string[] = [];
  for (let i = 0; i < stops; i++) {
    await sendKeys({ press: 'Tab' });
    const focused = deepActive();
    if (!focused || !within(root, focused)) break;
    const indicator = indicatorOf(focused);
    const style = getComputedStyle(indicator);
    const name = `${(focused.getRootNode() as ShadowRoot).host?.localName ?? ''} ${focused.localName}${focused.getAttribute('part') ? `[part=${focused.getAttribute('part')}]` : ''}`;
    seen.push(name);
    expect(style.outlineStyle, `${name}: an outline`).to.equal('solid');
    expect(parseFloat(style.outlineWidth), `${name}: outline width`).to.be.at.least(2);
    const behind = parseFloat(style.outlineOffset) >= 0 ? backgroundBehind(indicator) : getComputedStyle(indicator).backgroundColor;
    expect(contrast(style.outlineColor, behind), `${name}: ring ${style.outlineColor} on ${behind}`).to.be.at.least(3);
  }
  return seen;
}

describe('keyboard and focus', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', forcedColors: 'none', reducedMotion: 'no-preference' });
    document.documentElement.style.colorScheme = '';
  });

  it('shows a focus ring with 3:1 contrast on every control of the dashboard, the selected period included', async () => {
    const el = await fixture<SsprDashboard>(html`<sspr-dashboard endpoint=${mockEndpoint('users=60;seed=2')}></sspr-dashboard>`);
    const table = $(el, 'sspr-audit-table') as SsprAuditTable;
    await waitFor(() => table.loader.state === 'done', 'the events');
    await el.updateComplete;
    const seen = await expectVisibleFocusOnEveryStop(el, 40);
    expect(seen.some((s) => s.startsWith('sspr-period-select input')), 'the period control is a stop').to.equal(true);
    expect(seen.filter((s) => s.includes('[part=tile]')).length).to.equal(5);
    expect(seen.some((s) => s.includes('[part=search]'))).to.equal(true);
  });

  it('keeps the focus ring visible in a dark page too', async () => {
    document.documentElement.style.colorScheme = 'light dark';
    await emulateMedia({ colorScheme: 'dark' });
    const el = await fixture(html`<sspr-period-select></sspr-period-select>`);
    const seen = await expectVisibleFocusOnEveryStop(el as HTMLElement, 2);
    expect(seen[0]).to.contain('input');
  });

  it('moves focus to the loaded tiles, not to <body>, after Retry', async () => {
    const el = await fixture<SsprTiles>(html`<sspr-tiles endpoint=${mockEndpoint('users=60;fault=403;times=1')}></sspr-tiles>`);
    await waitFor(() => $$(el, '[part="retry"]').length, 'the error');
    $(el, '[part="retry"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => $$(el, 'button[part="tile"]').length, 'the tiles');
    await el.updateComplete;
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="base"]'));
  });

  it('moves focus from Cancel to the Retry that replaces it', async () => {
    const el = await fixture<SsprTiles>(html`<sspr-tiles endpoint=${mockEndpoint('users=60;fault=429;times=1;retry-after=30')}></sspr-tiles>`);
    await waitFor(() => $$(el, '[part="cancel"]').length, 'the wait with Cancel');
    $(el, '[part="cancel"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => $$(el, '[part="retry"]').length, 'Retry');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="retry"]'));
  });

  it('moves focus to the search box after Clear filters disables itself', async () => {
    const el = await fixture<SsprAuditTable>(html`<sspr-audit-table report="users" .filter=${{ isSsprCapable: 'true' }}
      endpoint=${mockEndpoint('users=60;seed=2')}></sspr-audit-table>`);
    await waitFor(() => el.loader.state === 'done', 'the users');
    $(el, '[part="clear"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect(($(el, '[part="clear"]') as HTMLButtonElement).disabled).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="search"]'));
  });

  it('moves focus from the table’s Cancel to its Resume', async () => {
    const client = new ReportClient({ endpoint: mockEndpoint('users=2000;page=200;latency=300'), budget: false });
    const el = await fixture<SsprAuditTable>(html`<sspr-audit-table report="users" mode="client" .client=${client}></sspr-audit-table>`);
    await waitFor(() => el.loadedRows > 0 && $$(el, '[part="progress"] [part="cancel"]').length, 'the first page with Cancel');
    $(el, '[part="progress"] [part="cancel"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => $$(el, '[part="resume"]').length, 'Resume');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="resume"]'));
  });

  it('keeps the Columns list inside a 320 px page, every checkbox reachable', async () => {
    const frame = await fixture<HTMLDivElement>(html`<div style="width: 320px"><sspr-audit-table report="users" endpoint=${mockEndpoint('users=60;seed=2')}></sspr-audit-table></div>`);
    const el = frame.querySelector('sspr-audit-table') as SsprAuditTable;
    await waitFor(() => el.loader.state === 'done', 'the users');
    ($(el, '[part="columns"]') as HTMLDetailsElement).open = true;
    await el.updateComplete;
    const box = frame.getBoundingClientRect();
    const list = $(el, '.column-list').getBoundingClientRect();
    expect(list.left).to.be.at.least(box.left - 0.5);
    expect(list.right).to.be.at.most(box.right + 0.5);
    for (const checkbox of $$(el, '.column-list input')) {
      const r = checkbox.getBoundingClientRect();
      expect(r.left >= box.left && r.right <= box.right, 'a checkbox inside the page').to.equal(true);
    }
  });

  it('shows a focused cell’s whole text under wider text spacing (WCAG 1.4.12)', async () => {
    const frame = await fixture<HTMLDivElement>(html`<div style="width: 600px; line-height: 1.5; letter-spacing: 0.12em; word-spacing: 0.16em">
      <sspr-audit-table report="users" endpoint=${mockEndpoint('users=60;seed=2')}></sspr-audit-table></div>`);
    const el = frame.querySelector('sspr-audit-table') as SsprAuditTable;
    await waitFor(() => el.loader.state === 'done', 'the users');
    await el.updateComplete;
    const upn = $$(el, '[role="gridcell"][aria-colindex="2"]').find((c) => c.scrollWidth > c.clientWidth + 1);
    expect(upn, 'a UPN cut off by the spacing').to.not.equal(undefined);
    upn!.focus();
    await el.updateComplete;
    expect(upn!.scrollWidth).to.be.at.most(upn!.clientWidth + 1);
    expect(upn!.scrollHeight).to.be.at.most(upn!.clientHeight + 1);
    expect(getComputedStyle(upn!.closest('[role="row"]')!).contain).to.not.contain('paint');
  });

  it('reads each tile’s description once: no title repeats it', async () => {
    const el = await fixture<SsprTiles>(html`<sspr-tiles endpoint=${mockEndpoint('users=60;seed=2')}></sspr-tiles>`);
    await waitFor(() => $$(el, 'button[part="tile"]').length, 'tiles');
    for (const tile of $$(el, 'button[part="tile"]')) {
      expect(tile.hasAttribute('title')).to.equal(false);
      const description = tile.querySelector('[part="description"]')!.textContent!;
      expect(tile.textContent!.split(description).length - 1).to.equal(1);
    }
  });

  it('in forced colours: hatched failed bars, an outlined selected period, a meter with a track', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const chart = await fixture<SsprResetsChart>(html`<sspr-resets-chart .client=${payloadClient(activityPayload([['reset', 'sms', 5, 2]]))}></sspr-resets-chart>`);
    await waitFor(() => chart.chart, 'the chart');
    const series = (chart.chart!.getOption() as { series: { itemStyle: { decal?: unknown } }[] }).series;
    expect(series[1]!.itemStyle.decal, 'failed bars carry a pattern').to.be.an('object');
    Object.assign(chart, { hover: { index: 0, x: 10, y: 10 } }); // the tooltip, as a pointer over the bar shows it
    await chart.updateComplete;
    expect(getComputedStyle($(chart, '.swatch.failure')).backgroundImage, 'its swatch hatched too').to.contain('repeating-linear-gradient');
    const period = await fixture(html`<sspr-period-select></sspr-period-select>`);
    const checked = period.shadowRoot!.querySelector('input:checked + span')!;
    expect(getComputedStyle(checked).outlineStyle).to.equal('solid');
    expect(getComputedStyle(period.shadowRoot!.querySelector('.options')!).overflow, 'nothing clips the outline').to.equal('visible');
    const tiles = await fixture<SsprTiles>(html`<sspr-tiles endpoint=${mockEndpoint('users=60;seed=2')}></sspr-tiles>`);
    await waitFor(() => $$(tiles, 'button[part="tile"]').length, 'tiles');
    expect(getComputedStyle($(tiles, '[part="meter"]')).borderTopStyle).to.equal('solid');
  });

  it('honours reduced motion: no chart animation, no smooth scroll to the details', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const chart = await fixture<SsprResetsChart>(html`<sspr-resets-chart .client=${payloadClient(activityPayload([['reset', 'sms', 5, 2]]))}></sspr-resets-chart>`);
    await waitFor(() => chart.chart, 'the chart');
    expect((chart.chart!.getOption() as { animation?: boolean }).animation).to.equal(false);
    const calls: (ScrollIntoViewOptions | boolean | undefined)[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (options) {
      calls.push(options);
    };
    try {
      const dashboard = await fixture<SsprDashboard>(html`<sspr-dashboard endpoint=${mockEndpoint('users=60;seed=2')}></sspr-dashboard>`);
      const tiles = $(dashboard, 'sspr-tiles') as SsprTiles;
      await waitFor(() => $$(tiles, 'button[part="tile"]').length, 'tiles');
      $(tiles, 'button[part="tile"]').click();
      await waitFor(() => calls.length, 'the scroll to the details');
      expect((calls[0] as ScrollIntoViewOptions).behavior).to.equal('auto');
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  });
});
