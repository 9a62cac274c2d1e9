import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { SsprDashboard } from '../../src/elements/sspr-dashboard/sspr-dashboard.js';
import type { SsprAuditTable } from '../../src/elements/sspr-audit-table/sspr-audit-table.js';
import { $, $$, mockEndpoint, waitFor } from '../helpers/mock-endpoint.js';
import { translated } from '../helpers/xliff.js';
import { axeViolations, enterMode, MODES, settle, type Mode } from './axe.js';

/**
 * The demo page as a user opens it (its own HTML, styles and script), checked by axe as a whole page
 * in its loaded, drilled-down, columns-open and error states, in every colour mode.
 */
async function openDemo(query = '') {
  history.replaceState(null, '', `${location.pathname}${query}`);
  const page = new DOMParser().parseFromString(await (await fetch('/demo/index.html')).text(), 'text/html');
  document.title = page.title;
  document.documentElement.lang = page.documentElement.lang;
  const css = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/demo/demo.css' });
  document.head.append(css);
  await new Promise((r) => css.addEventListener('load', r, { once: true }));
  document.body.replaceChildren(...[...page.body.children].filter((el) => el.localName !== 'script'));
  await import('../../demo/main.js');
  const dashboard = document.querySelector('sspr-dashboard') as SsprDashboard;
  await settle(dashboard, 8000);
  return dashboard;
}

async function violationsInEveryMode(): Promise<string[]> {
  const found: string[] = [];
  for (const mode of Object.keys(MODES) as Mode[]) {
    await enterMode(mode);
    found.push(...(await axeViolations(document, { page: true, forced: mode === 'forced colours', coloursOnly: mode !== 'light' })).map((v) => `[${mode}] ${v}`));
  }
  await enterMode('light');
  return found;
}

describe('the demo page (axe, whole page)', function () {
  this.timeout(60_000);
  after(() => emulateMedia({ colorScheme: 'light', forcedColors: 'none' }));

  it('has no violations loaded, drilled down, with Columns open, and in error; its language menu switches every element', async () => {
    const dashboard = await openDemo(`?endpoint=${encodeURIComponent(mockEndpoint('users=200;seed=7'))}`);
    expect(await violationsInEveryMode(), 'loaded').to.deep.equal([]);

    const tiles = $(dashboard, 'sspr-tiles');
    $(tiles, 'button[part="tile"]').click();
    const table = $(dashboard, 'sspr-audit-table') as SsprAuditTable;
    // the page spends Graph's budget like a real one: the drill-down may wait for the next window
    await waitFor(() => table.report === 'users' && table.loader.state === 'done', 'the drilled-down users', 25_000);
    await settle(dashboard);
    expect(await violationsInEveryMode(), 'drilled down').to.deep.equal([]);

    ($(table, '[part="columns"]') as HTMLDetailsElement).open = true;
    await table.updateComplete;
    expect(await violationsInEveryMode(), 'columns open').to.deep.equal([]);

    const menu = document.querySelector<HTMLSelectElement>('#language')!;
    menu.focus();
    menu.value = 'zh-Hant-TW';
    menu.dispatchEvent(new Event('change'));
    await waitFor(() => $(dashboard, '#details-title').textContent !== 'Details', 'the dashboard in Chinese');
    expect($(dashboard, '#details-title').textContent).to.equal(await translated('zh-Hant', 'Details'));
    expect(new URL(location.href).searchParams.get('lang')).to.equal('zh-Hant-TW');
    await sendKeys({ press: 'Tab' }); // the menu is an ordinary control in the page's tab order
    expect(await violationsInEveryMode(), 'in Chinese').to.deep.equal([]);

    dashboard.setAttribute('endpoint', mockEndpoint('fault=500;times=99'));
    await waitFor(() => $$($(dashboard, 'sspr-tiles'), '[part="error"]').length, 'the error');
    await settle(dashboard);
    expect(await violationsInEveryMode(), 'error').to.deep.equal([]);
  });
});
