// User actions measured the same way on every page: a keystroke or a click, then the rows showing the
// result (`window.__benchCheck(...args)`, installed by the measure), with Event Timing, long tasks, and
// the renderer's main-thread busy time from CDP.
import { busyMs } from '../lib/browser.mjs';

/** Resolves the action's cost once `window.__benchCheck(...args)` holds in a frame (args null: at once). */
async function settle(run, args, what) {
  return run.page.evaluate(
    ([checkArgs, label]) => window.__bench.action.settle(() => (checkArgs ? window.__benchCheck(...checkArgs) : true), label),
    [args, what],
  );
}

/**
 * Waits until the page's main thread is quiet (under 2 ms of tasks in 100 ms), so that work left over
 * from loading or from the previous action is not billed to the next one.
 */
export async function waitForIdle(run, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (let before = await busyMs(run.cdp); Date.now() < deadline; ) {
    await run.page.waitForTimeout(100);
    const now = await busyMs(run.cdp);
    if (now - before < 2) return;
    before = now;
  }
}

/**
 * Wraps `act` (which performs the action) with arm/settle. `busy` is every main-thread task from the
 * action until the page is quiet again (CDP TaskDuration): it also catches debounced work and tasks
 * under the 50 ms Long Tasks threshold, which Event Timing + long tasks cannot see.
 */
export async function measureAction(run, act, args, what) {
  await waitForIdle(run);
  await run.page.evaluate(() => window.__bench.action.arm());
  const before = await busyMs(run.cdp);
  await act();
  const result = await settle(run, args, what);
  await waitForIdle(run);
  result.busy = (await busyMs(run.cdp)) - before;
  return result;
}

/**
 * The measuring's own main-thread cost (its evaluate calls, frame polling, idle checks): the median
 * `busy` of a key that does nothing (Shift) in the same page and state. Subtracted from `busy` as `net`.
 */
export async function measureBaseline(run, times = 3) {
  const busy = [];
  for (let i = 0; i < times; i++) busy.push((await measureAction(run, () => run.page.keyboard.press('Shift'), null, 'nothing')).busy);
  return busy.sort((a, b) => a - b)[times >> 1];
}

/** `busy` less the baseline (never below zero). */
export const net = (result, baseline) => ({ ...result, net: Math.max(0, result.busy - baseline) });

/**
 * Types `text` one key at a time into the focused field; after each key waits until
 * `__benchCheck(query, ...argsFor(query))` holds. Returns one result per key, `net` of `baseline`.
 */
export async function typeQuery(run, text, baseline, argsFor = () => []) {
  const results = [];
  let query = '';
  for (const key of text) {
    query += key;
    const result = await measureAction(run, () => run.page.keyboard.press(key), [query, ...argsFor(query)], `rows for "${query}"`);
    results.push({ query, ...net(result, baseline) });
  }
  return results;
}

/** responseEnd (ms since navigation) of the first request whose URL contains `needle`, or NaN. */
export async function firstResponseEnd(page, needle) {
  const end = await page.evaluate((n) => {
    const entries = performance.getEntriesByType('resource').filter((e) => e.name.includes(n));
    entries.sort((a, b) => a.startTime - b.startTime);
    return entries.length ? entries[0].responseEnd : null;
  }, needle);
  return end ?? NaN;
}
