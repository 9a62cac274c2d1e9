// The small pages: navigation → tiles painted (tiles page), navigation → both charts painted (dashboard),
// with every request recorded for the size figures and the no-chart-chunk proof.
import { mark, openPage } from '../lib/browser.mjs';
import { firstResponseEnd } from './actions.mjs';

/** Lets late requests (a lazy import would be one) happen before the request list is read. */
async function settle(page) {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  await page.waitForTimeout(300);
}

export async function tilesRun(browser, origin, build) {
  const run = await openPage(browser, origin, build.url, { watches: ['tiles'] });
  try {
    const painted = await mark(run.page, 'tiles');
    const response = await firstResponseEnd(run.page, 'usersRegisteredByFeature');
    await settle(run.page);
    return { painted, afterResponse: painted - response, requests: run.requests, scripts: run.scripts(), foreign: run.foreign(), errors: run.errors };
  } finally {
    await run.close();
  }
}

export async function dashboardRun(browser, origin, build) {
  const run = await openPage(browser, origin, build.url, { watches: ['tiles', 'charts', 'insights'] });
  try {
    const charts = await mark(run.page, 'charts');
    const tiles = await mark(run.page, 'tiles');
    // the answers need two requests past Graph's first 5 per 10 s: they wait for the budget
    const insights = await mark(run.page, 'insights', 60_000);
    await settle(run.page);
    const reports = run.requests.filter((r) => /\/(graph|mock)\//.test(new URL(r.url).pathname)).length;
    return { charts, tiles, insights, reports, requests: run.requests, scripts: run.scripts(), foreign: run.foreign(), errors: run.errors };
  } finally {
    await run.close();
  }
}
