import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import '../../src/elements/sspr-tiles/define.js';
import '../../src/elements/sspr-dashboard/define.js';
import '../../src/elements/sspr-audit-table/define.js';
import '../../src/elements/sspr-registrations-chart/define.js';
import type { SsprTiles } from '../../src/elements/sspr-tiles/sspr-tiles.js';
import type { SsprDashboard } from '../../src/elements/sspr-dashboard/sspr-dashboard.js';
import type { SsprAuditTable } from '../../src/elements/sspr-audit-table/sspr-audit-table.js';
import type { SsprRegistrationsChart } from '../../src/elements/sspr-registrations-chart/sspr-registrations-chart.js';
import { graphExample } from '../fixtures/graph-examples.js';
import { payloadClient } from '../../src/mock/payload-client.js';
import { $, $$, mockEndpoint, waitFor } from '../helpers/mock-endpoint.js';
import { translated, translatedWith } from '../helpers/xliff.js';
import { ReportClient } from '../../src/client/index.js';
import { methodLabel } from '../../src/reports/methods.js';
import type { EventRow } from '../../src/reports/types.js';
import { sortKeys } from '../../src/table/sort-permutation.js';

const labels = (el: Element) => $$(el, '[part="tile"] [part="label"]').map((l) => l.textContent!.trim());

async function tilesIn(lang: string, more = {}) {
  const example = await graphExample('v1-usersRegisteredByFeature');
  const el = await fixture<SsprTiles>(html`<sspr-tiles lang=${lang} .client=${payloadClient(example)} ...=${more}></sspr-tiles>`);
  await waitFor(() => $$(el, 'button[part="tile"]').length, 'tiles');
  return el;
}

/** Waits for the lang observer (a microtask after the change) and the re-render it asks for. */
async function settled(el: { updateComplete: Promise<unknown> }) {
  await nextFrame();
  await el.updateComplete;
}

describe('languages', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('renders Dutch for nl-BE and Traditional Chinese for zh-TW, numbers formatted for the tag', async () => {
    const nl = await tilesIn('nl-BE');
    expect(labels(nl)).to.deep.equal([await translated('nl', 'Users registered'), await translated('nl', 'Users enabled'), await translated('nl', 'Users capable')]);
    expect($(nl, '[data-metric="registered"] [part="value"]').textContent).to.equal('23.423');
    expect($(nl, '[data-metric="registered"] [part="share"]').textContent).to.equal(await translatedWith('nl', '{0} of {1} users', '101%', '23.123'));
    const zh = await tilesIn('zh-TW');
    expect(labels(zh)[0]).to.equal(await translated('zh-Hant', 'Users registered'));
    expect($(zh, '[part="base"]').getAttribute('aria-label')).to.equal(await translated('zh-Hant', 'Self-service password reset registration'));
  });

  it('marks its text lang="en" where it falls back to English, and only there', async () => {
    const fr = await tilesIn('fr');
    expect(labels(fr)[0]).to.equal('Users registered');
    expect($(fr, '[part="base"]').getAttribute('lang')).to.equal('en');
    expect($(fr, '[data-metric="registered"] [part="value"]').textContent, 'numbers still in French').to.equal('23\u202f423');
    const nl = await tilesIn('nl');
    expect($(nl, '[part="base"]').hasAttribute('lang')).to.equal(false);
    const en = await tilesIn('en-GB');
    expect($(en, '[part="base"]').hasAttribute('lang')).to.equal(false);
  });

  it('re-renders when <html lang> changes after the first render, through the dashboard’s shadow roots', async () => {
    const dashboard = await fixture<SsprDashboard>(html`<sspr-dashboard endpoint=${mockEndpoint('users=60;seed=3')}></sspr-dashboard>`);
    const tiles = $(dashboard, 'sspr-tiles') as SsprTiles;
    await waitFor(() => $$(tiles, 'button[part="tile"]').length, 'tiles');
    expect(labels(tiles)[0]).to.equal('Users registered');
    document.documentElement.lang = 'nl-NL';
    await settled(dashboard);
    await settled(tiles);
    expect($(dashboard, '#details-title').textContent).to.equal(await translated('nl', 'Details'));
    expect(labels(tiles)[0]).to.equal(await translated('nl', 'Users registered'));
    const period = $(dashboard, 'sspr-period-select') as HTMLElement & { updateComplete: Promise<unknown> };
    await settled(period);
    expect($(period, '[part="legend"]').textContent).to.equal(await translated('nl', 'Period'));
    document.documentElement.lang = 'zh-Hant-TW';
    await settled(tiles);
    expect(labels(tiles)[0]).to.equal(await translated('zh-Hant', 'Users registered'));
  });

  it('follows an ancestor inside another component’s shadow root', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    const section = Object.assign(document.createElement('section'), { lang: 'en' });
    shadow.append(section);
    const example = await graphExample('v1-usersRegisteredByFeature');
    const tiles = Object.assign(document.createElement('sspr-tiles'), { client: payloadClient(example) }) as SsprTiles;
    section.append(tiles);
    await waitFor(() => $$(tiles, 'button[part="tile"]').length, 'tiles');
    section.lang = 'nl';
    await settled(tiles);
    expect(labels(tiles)[0]).to.equal(await translated('nl', 'Users registered'));
  });

  it('lets two elements on one page speak different languages', async () => {
    const [nl, zh] = await Promise.all([tilesIn('nl'), tilesIn('zh-Hant')]);
    expect(labels(nl)[0]).to.equal(await translated('nl', 'Users registered'));
    expect(labels(zh)[0]).to.equal(await translated('zh-Hant', 'Users registered'));
  });

  it('translates errors, including the admin-facing role message', async () => {
    const el = await fixture<SsprTiles>(html`<sspr-tiles lang="nl" endpoint=${mockEndpoint('fault=403')}></sspr-tiles>`);
    await waitFor(() => $$(el, '[part="error"]').length, 'the error');
    const text = $(el, '.error-message').textContent!;
    expect(text).to.contain(await translated('nl', 'Reports Reader'));
    expect(text).not.to.contain('Your account');
    expect($(el, '[part="retry"]').textContent).to.equal(await translated('nl', 'Retry'));
  });

  it('writes chart summaries, series names and the data table in the element’s language', async () => {
    const example = await (await fetch(new URL('../fixtures/graph-examples/beta-userRegistrationActivity-d1.json', import.meta.url))).json();
    const chart = await fixture<SsprRegistrationsChart>(html`<sspr-registrations-chart lang="zh-TW" period="d1" .client=${payloadClient(example)}></sspr-registrations-chart>`);
    await waitFor(() => $$(chart, '[part="summary"]').length, 'the summary');
    const summary = $(chart, '[part="summary"]').textContent!;
    expect(summary).to.contain(await translated('zh-Hant', 'last 24 hours'));
    expect(summary).to.contain(await translated('zh-Hant', 'Microsoft Authenticator app'));
    ($(chart, '[part="toggle"]') as HTMLButtonElement).click();
    await chart.updateComplete;
    expect($$(chart, 'th[scope="col"]').map((th) => th.textContent)).to.deep.equal(
      await Promise.all(['Method', 'Succeeded', 'Failed', 'Total'].map((t) => translated('zh-Hant', t))),
    );
    ($(chart, '[part="toggle"]') as HTMLButtonElement).click();
    await chart.updateComplete;
    await waitFor(() => chart.chart, 'the chart');
    const legend = (chart.chart!.getOption() as { legend: { data: string[] }[] }).legend[0]!.data;
    expect(legend).to.deep.equal([await translated('zh-Hant', 'Succeeded'), await translated('zh-Hant', 'Failed')]);
  });

  it('exports CSV with translated headers and labels, or Graph’s own names and values', async () => {
    const table = await fixture<SsprAuditTable>(html`<sspr-audit-table lang="nl" report="users" endpoint=${mockEndpoint('users=50;seed=4')}></sspr-audit-table>`);
    await waitFor(() => table.loader.state === 'done', 'the users');
    const labelled = await (await table.exportCsv({ download: false })).text();
    const [header, first] = labelled.replace('\uFEFF', '').split('\r\n');
    expect(header!.split(',')[0]).to.equal(await translated('nl', 'Name'));
    expect(header).to.contain(await translated('nl', 'SSPR capable'));
    const yes = await translated('nl', 'Yes');
    const no = await translated('nl', 'No');
    expect(first!.split(',').some((cell) => cell === yes || cell === no)).to.equal(true);
    const raw = await (await table.exportCsv({ download: false, values: 'raw' })).text();
    expect(raw.replace('\uFEFF', '').split('\r\n')[0]).to.equal(
      'userDisplayName,userPrincipalName,isSsprRegistered,isSsprEnabled,isSsprCapable,isMfaCapable,isPasswordlessCapable,isAdmin,methodsRegistered,userType,lastUpdatedDateTime',
    );
  });

  it('sorts a label column by the labels the reader sees, also for pages that arrive later and after a lang change', async () => {
    const client = new ReportClient({ endpoint: mockEndpoint('users=3000;page=150;seed=5'), budget: false });
    const table = await fixture<SsprAuditTable>(html`<sspr-audit-table lang="nl" report="events" period="d30" mode="client" .client=${client}></sspr-audit-table>`);
    await waitFor(() => table.loadedRows > 0, 'the first page', 15_000);
    const methodHeader = await translated('nl', 'Method');
    // sorted while pages still arrive: the later pages are merged into the order
    $$(table, '[part="header-cell"] button').find((b) => b.textContent!.includes(methodHeader))!.click();
    await waitFor(() => table.loader.state === 'done', 'the events', 15_000);
    await table.updateComplete;
    const dutch = await Promise.all([...new Set((table.visibleRows as EventRow[]).map((r) => r.method))].map(async (m) => [m, await translated('nl', methodLabel(m)).catch(() => methodLabel(m))] as const));
    const label = new Map(dutch);
    const shown = (table.visibleRows as EventRow[]).map((r) => label.get(r.method)!);
    // in the table's own order of text (case and accents folded): what matters is which labels are compared
    const inOrder = (labels: string[]) => {
      const keys = sortKeys(labels) as string[];
      return keys.every((k, i) => i === 0 || keys[i - 1]! <= k);
    };
    expect(inOrder(shown), 'sorted by the Dutch labels').to.equal(true);
    expect(inOrder((table.visibleRows as EventRow[]).map((r) => methodLabel(r.method))), 'not by the English ones').to.equal(false);
    table.lang = 'zh-Hant';
    await waitFor(() => $(table, '[part="header-cell"]').textContent !== 'Datum', 'the table in Chinese');
    await table.updateComplete;
    const zh = new Map(await Promise.all([...label.keys()].map(async (m) => [m, await translated('zh-Hant', methodLabel(m)).catch(() => methodLabel(m))] as const)));
    const shownZh = (table.visibleRows as EventRow[]).map((r) => zh.get(r.method)!);
    expect(inOrder(shownZh), 'sorted again, by the Chinese labels').to.equal(true);
  });

  it('translates facet values, method names and failure reasons in the table', async () => {
    const table = await fixture<SsprAuditTable>(html`<sspr-audit-table lang="zh-Hant" report="events" period="d30" endpoint=${mockEndpoint('users=60;seed=9')}></sspr-audit-table>`);
    await waitFor(() => table.loader.state === 'done', 'the events');
    await table.updateComplete;
    const status = $(table, 'select[data-facet="status"]') as HTMLSelectElement;
    const options = [...status.options].map((o) => o.textContent!.replace(/\s*\(.*\)$/, ''));
    expect(options).to.include(await translated('zh-Hant', 'Success'));
    expect(options).to.include(await translated('zh-Hant', 'Failure'));
    const reasons = [...($(table, 'select[data-facet="failureReason"]') as HTMLSelectElement).options].map((o) => o.textContent!.replace(/\s*\(.*\)$/, ''));
    expect(reasons).to.include(await translated('zh-Hant', '(none)'));
    expect(reasons).to.include(await translated('zh-Hant', 'Verification code was incorrect'));
  });
});
