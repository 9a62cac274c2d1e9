// The peer: @vaadin/grid holding 75,000 userEventsSummary rows. Data set → first rows painted, each
// keystroke of the query (filter the array, reassign items), nodes inside the grid, heap after GC.
import { heapAfterGc, openPage } from '../lib/browser.mjs';
import { measureBaseline, typeQuery, waitForIdle } from './actions.mjs';

/** Runs in the page: the grid's rendered rows show its current items (user name in column 2). */
function installVaadinCheck() {
  window.__benchCheck = () => {
    const grid = document.querySelector('vaadin-grid');
    const items = grid.items ?? [];
    const rows = [...grid.shadowRoot.querySelectorAll('#items > tr')].filter((r) => !r.hidden && r.index < items.length);
    if (!items.length) return rows.length === 0;
    if (rows.length < Math.min(items.length, 5)) return false;
    return rows.every((r) => {
      const content = r.children[1]?.querySelector('slot')?.assignedElements()[0];
      return content?.textContent === items[r.index].userDisplayName;
    });
  };
}

export async function vaadinRun(browser, origin, build, query) {
  const run = await openPage(browser, origin, build.url);
  try {
    await run.page.waitForFunction(() => window.benchVaadin);
    const rows = await run.page.evaluate(() => window.benchVaadin.ready);
    await run.page.evaluate(installVaadinCheck);
    await waitForIdle(run);
    const firstRows = await run.page.evaluate(async () => {
      const start = performance.now();
      window.benchVaadin.show();
      return (await window.__bench.waitFor(() => window.__benchCheck(), 15_000, 'vaadin-grid rows')) - start;
    });
    const nodes = await run.page.evaluate(() => window.__bench.countNodes(document.querySelector('vaadin-grid')));
    const heap = await heapAfterGc(run.cdp);
    await run.page.focus('#search');
    const baseline = await measureBaseline(run);
    const keys = await typeQuery(run, query, baseline);
    const counts = await run.page.evaluate(() => document.querySelector('vaadin-grid').items.length);
    return { rows, firstRows, nodes, heap, baseline, keys, finalCount: counts, scripts: run.scripts(), foreign: run.foreign(), errors: run.errors };
  } finally {
    await run.close();
  }
}
