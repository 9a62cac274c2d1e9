// Debian's Chromium through playwright-core: one browser for the whole bench, a fresh context per run,
// every request recorded, and the CDP calls the measures need (forced GC, heap, main-thread busy time).
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];
// Nothing a bench page does may leave this machine: every host name but the bench server's fails.
const LOCAL_ONLY = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, LOCAL_ONLY],
  });
}

/**
 * Opens `path` on `origin` in a fresh context with the in-page probe installed and `watches` (names of
 * the probe's conditions, timed from navigation) running. Returns the page, its CDP session, the
 * requests it made, and close(). Requests to any other origin fail the run: nothing may leave the machine.
 */
export async function openPage(browser, origin, path, { watches = [] } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.addInitScript({ path: PROBE });
  if (watches.length) await page.addInitScript((names) => window.__bench.watch(names), watches);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(origin + path, { waitUntil: 'commit' });
  const foreign = () => requests.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('data:'));
  return {
    page,
    cdp,
    requests,
    errors,
    /** Paths (no origin, no query) of the JavaScript the page requested. */
    scripts: () => requests.filter((r) => r.type === 'script' || r.url.endsWith('.js')).map((r) => new URL(r.url).pathname),
    foreign,
    close: () => context.close(),
  };
}

/** Waits for a probe mark (ms since navigation start), failing with the probe's own error if it has one. */
export async function mark(page, name, timeoutMs = 30_000) {
  const handle = await page.waitForFunction(
    (n) => window.__bench.marks[n] ?? window.__bench.marks[`${n}Error`],
    name,
    { timeout: timeoutMs, polling: 50 },
  );
  const value = await handle.jsonValue();
  if (typeof value !== 'number') throw new Error(`${name}: ${value}`);
  return value;
}

/** JS heap in use after forcing garbage collection (bytes). */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Cumulative main-thread task time of the page's renderer (ms), from CDP Performance metrics. */
export async function busyMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** Chromium's version string, for the results. */
export function browserVersion(browser) {
  return browser.version();
}
