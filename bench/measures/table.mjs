// <sspr-audit-table> measures: client mode over 75,000 events (first rows, all rows loaded, keystrokes,
// sort, CSV export, nodes, heap) and server mode over 500,000 users (first rows, scroll to the middle,
// nodes, heap). Written against the element's documented parts: [part~="search"], [part~="header-cell"],
// [part~="row"] with aria-rowindex, [part~="scroller"], aria-rowcount, exportCsv().
import { heapAfterGc, mark, openPage } from '../lib/browser.mjs';
import { firstResponseEnd, measureAction, measureBaseline, net, typeQuery, waitForIdle } from './actions.mjs';

/** Runs in the page: helpers over the table's shadow root and the keystroke check. */
function installTableChecks() {
  const table = document.querySelector('sspr-audit-table');
  const root = () => table.shadowRoot;
  const index = (r) => Number(r.getAttribute('aria-rowindex') ?? NaN);
  // data rows on screen, in row order (virtualized rows may sit in any DOM order)
  const dataRows = () => [...root().querySelectorAll('[part~="row"]')]
    .filter((r) => !r.querySelector('[part~="header-cell"]') && r.checkVisibility() && r.textContent.trim())
    .sort((a, b) => index(a) - index(b));
  const rowCount = () => {
    const el = root().querySelector('[aria-rowcount]');
    return el ? Number(el.getAttribute('aria-rowcount')) : undefined;
  };
  window.__benchTable = { dataRows, rowCount };
  // after typing `query`: the announced row count and the rows on screen agree with it
  window.__benchCheck = (query, expected) => {
    const announced = window.benchFilters.filter((f) => f.search.trim().toLowerCase() === query).at(-1)?.rows;
    const want = announced ?? expected;
    const n = rowCount();
    if (n === undefined ? announced === undefined : n !== want && n !== want + 1) return false;
    const rows = dataRows();
    if (want === 0) return rows.length === 0;
    return rows.length > 0 && rows.every((r) => r.textContent.toLowerCase().includes(query));
  };
}

/** Runs in the page: picks the User column's header button and arms a check for the re-sorted rows. */
function installSortCheck() {
  const root = document.querySelector('sspr-audit-table').shadowRoot;
  const cells = [...root.querySelectorAll('[part~="header-cell"]')];
  const cell = cells.find((c) => /^user\b(?!\s*principal)/i.test(c.textContent.trim())) ?? cells.find((c) => /name/i.test(c.textContent)) ?? cells[1];
  if (!cell) throw new Error('no [part~="header-cell"] in the table');
  (cell.querySelector('button') ?? cell).setAttribute('data-bench-sort', '');
  const sortState = () => (cell.closest('[aria-sort]') ?? cell.querySelector('[aria-sort]'))?.getAttribute('aria-sort') ?? null;
  const firstRow = () => window.__benchTable.dataRows()[0]?.textContent ?? '';
  const before = { sort: sortState(), first: firstRow() };
  window.__benchCheck = () => (before.sort === null || sortState() !== before.sort) && firstRow() !== before.first;
  return cell.textContent.trim();
}

/** Focuses the table's search input (the part itself, or the input inside it). */
async function focusSearch(page) {
  await page.evaluate(() => {
    const part = document.querySelector('sspr-audit-table').shadowRoot.querySelector('[part~="search"]');
    if (!part) throw new Error('no [part~="search"] in the table');
    (part.matches('input, textarea') ? part : part.querySelector('input')).focus();
  });
}

async function nodesInTable(page) {
  return page.evaluate(() => window.__bench.countNodes(document.querySelector('sspr-audit-table')).nodes);
}

export async function tableClientRun(browser, origin, build, query, expected) {
  const run = await openPage(browser, origin, build.url, { watches: ['tableRows'] });
  try {
    const rowsAt = await mark(run.page, 'tableRows', 60_000);
    const firstPage = await firstResponseEnd(run.page, 'userEventsSummary');
    await run.page.evaluate(installTableChecks);
    const loadedAt = await run.page.evaluate(async (total) => {
      const loaded = () => window.benchLoads.find((l) => l.rows >= total);
      const seen = await window.__bench.waitFor(() => loaded() || (window.__benchTable.rowCount() ?? 0) >= total, 120_000, `${total} rows loaded`);
      return loaded()?.at ?? seen;
    }, expected['']);
    const nodes = await nodesInTable(run.page);
    const heap = await heapAfterGc(run.cdp);
    await focusSearch(run.page);
    const baseline = await measureBaseline(run);
    const keys = await typeQuery(run, query, baseline, (q) => [expected[q]]);
    const announced = await run.page.evaluate(() => window.benchFilters.map((f) => [f.search, f.rows]));
    // back to all rows, then sort by user name and export everything
    await measureAction(run, async () => {
      await run.page.keyboard.press('Control+A');
      await run.page.keyboard.press('Backspace');
    }, ['', expected['']], 'all rows again');
    const column = await run.page.evaluate(installSortCheck);
    const sort = net(await measureAction(run, () => run.page.locator('[data-bench-sort]').click(), [], `rows sorted by ${column}`), baseline);
    const csv = await run.page.evaluate(async () => {
      const table = document.querySelector('sspr-audit-table');
      const result = await window.__bench.timeBlocking(async () => (await table.exportCsv()).size);
      return { ms: result.ms, longest: result.longest, bytes: result.value };
    });
    return {
      firstRows: rowsAt - firstPage, rowsAt, loadedAt, nodes, heap, baseline, keys, expected, announced, sortColumn: column, sort, csv,
      foreign: run.foreign(), errors: run.errors,
    };
  } finally {
    await run.close();
  }
}

/**
 * Runs in the page: jumps the scroller to half its height and times the rows there being painted. In
 * server mode the table knows only the rows loaded so far (Graph pages by nextLink, with no count), so
 * this is the middle of the loaded rows.
 */
async function scrollToMiddle() {
  const root = document.querySelector('sspr-audit-table').shadowRoot;
  const scroller = root.querySelector('[part~="scroller"]');
  if (!scroller) throw new Error('no [part~="scroller"] in the table');
  const announced = window.__benchTable.rowCount() ?? 0;
  const total = announced > 0 ? announced : 500_000;
  const start = performance.now();
  scroller.scrollTop = scroller.scrollHeight / 2;
  const nearMiddle = (r) => {
    const i = Number(r.getAttribute('aria-rowindex'));
    return i > total * 0.4 && i < total * 0.6 && r.textContent.includes('@') && r.checkVisibility();
  };
  const painted = await window.__bench.waitFor(() => [...root.querySelectorAll('[part~="row"]')].some(nearMiddle), 30_000, 'rows near the middle');
  const fetches = performance.getEntriesByType('resource').filter((e) => e.startTime >= start && e.name.includes('userRegistrationDetails'));
  return { ms: painted - start, total, requests: fetches.length };
}

/** Runs in the page: scrolls to the end of the loaded rows and times the next page's rows being painted. */
async function scrollToEnd() {
  const root = document.querySelector('sspr-audit-table').shadowRoot;
  const scroller = root.querySelector('[part~="scroller"]');
  const before = window.__benchTable.rowCount() ?? 0;
  const start = performance.now();
  scroller.scrollTop = scroller.scrollHeight;
  const beyond = (r) => Number(r.getAttribute('aria-rowindex')) > before && r.textContent.includes('@') && r.checkVisibility();
  const painted = await window.__bench.waitFor(() => {
    if ((window.__benchTable.rowCount() ?? 0) <= before) return false;
    if ([...root.querySelectorAll('[part~="row"]')].some(beyond)) return true;
    scroller.scrollTop = scroller.scrollHeight; // the page arrived below the fold: keep scrolling, as a user would
    return false;
  }, 30_000, 'the next page of rows');
  const fetches = performance.getEntriesByType('resource').filter((e) => e.startTime >= start && e.name.includes('userRegistrationDetails'));
  return { ms: painted - start, before, after: window.__benchTable.rowCount(), requests: fetches.length,
    server: fetches.length ? Math.max(...fetches.map((e) => e.responseEnd)) - start : 0 };
}

export async function tableServerRun(browser, origin, build) {
  const run = await openPage(browser, origin, build.url, { watches: ['tableRows'] });
  try {
    const rowsAt = await mark(run.page, 'tableRows', 60_000);
    const firstPage = await firstResponseEnd(run.page, 'userRegistrationDetails');
    await run.page.evaluate(installTableChecks);
    const nodesFirst = await nodesInTable(run.page);
    await waitForIdle(run);
    const scroll = await run.page.evaluate(scrollToMiddle);
    await waitForIdle(run);
    const next = await run.page.evaluate(scrollToEnd);
    const nodes = Math.max(nodesFirst, await nodesInTable(run.page));
    const heap = await heapAfterGc(run.cdp);
    return { firstRows: rowsAt - firstPage, rowsAt, scroll, next, nodes, heap, foreign: run.foreign(), errors: run.errors };
  } finally {
    await run.close();
  }
}
