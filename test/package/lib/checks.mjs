// What a page author would look at, asserted in the browser: tags defined, data rendered, events and
// properties working, and under the strict policy nothing refused and nothing mis-drawn.
import assert from 'node:assert/strict';

export const TAGS = ['sspr-dashboard', 'sspr-tiles', 'sspr-period-select', 'sspr-registrations-chart', 'sspr-resets-chart', 'sspr-methods-chart', 'sspr-trend-chart', 'sspr-audit-table', 'sspr-insights'];

export const definedTags = (page) => page.evaluate((tags) => tags.filter((t) => customElements.get(t)), TAGS);

/** Waits until tiles show counts, both charts are drawn (or say the period is empty) and the table has rows. */
export async function dashboardRendered(page) {
  await page.waitForFunction(() => {
    const d = document.querySelector('sspr-dashboard')?.shadowRoot;
    const inner = (tag) => d?.querySelector(tag)?.shadowRoot;
    const values = [...(inner('sspr-tiles')?.querySelectorAll('[part="value"]') ?? [])].map((v) => v.textContent.trim());
    const charts = ['sspr-registrations-chart', 'sspr-resets-chart'].every((tag) => inner(tag)?.querySelector('[part="chart"] svg, [part="empty"]'));
    const rows = inner('sspr-audit-table')?.querySelectorAll('[part="row"]').length ?? 0;
    return values.length === 5 && values.every((v) => /^\d[\d,]*$/.test(v)) && charts && rows > 0;
  }, undefined, { timeout: 20000 });
}

/** Waits for counts in a standalone <sspr-tiles>. */
export const tilesRendered = (page, root = 'document') =>
  page.waitForFunction((r) => {
    const host = r === 'document' ? document.querySelector('sspr-tiles') : document.querySelector(r)?.shadowRoot?.querySelector('sspr-tiles');
    const values = [...(host?.shadowRoot?.querySelectorAll('[part="value"]') ?? [])];
    return values.length > 0 && values.every((v) => /^\d[\d,]*$/.test(v.textContent.trim()));
  }, root, { timeout: 20000 });

/** Waits until the standalone `tag` chart has drawn an SVG or says its period is empty. */
export const chartRendered = (page, tag) =>
  page.waitForFunction((t) => document.querySelector(t)?.shadowRoot?.querySelector('[part="chart"] svg, [part="empty"]'), tag, { timeout: 20000 });

/** Clicks the first tile (a real click, inside the shadow root) and returns the page's #drilled text. */
export async function drillFromTile(page) {
  await page.locator('sspr-tiles [part="tile"]').first().click();
  await page.waitForFunction(() => document.querySelector('#drilled')?.textContent?.includes('"report":"users"'), undefined, { timeout: 5000 });
  return page.textContent('#drilled');
}

/** Records the Authorization header of every request to the mock endpoint. */
export function recordAuthorization(page) {
  const seen = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/graph/')) seen.push(request.headers().authorization);
  });
  return seen;
}

/** Under the strict policy: meters, charts, table rows and a tooltip drawn right, nothing refused. */
export async function strictPolicyChecks(page) {
  const meters = await page.evaluate(() => {
    const tiles = document.querySelector('sspr-dashboard').shadowRoot.querySelector('sspr-tiles').shadowRoot;
    const number = (text) => Number(text.replace(/[^\d]/g, ''));
    return [...tiles.querySelectorAll('[part="tile"]')].map((tile) => {
      const total = number(/of ([\d,]+) users/.exec(tile.querySelector('[part="share"]').textContent)[1]);
      const meter = tile.querySelector('[part="meter"]').getBoundingClientRect().width;
      const fill = tile.querySelector('[part="meter"] .fill').getBoundingClientRect().width;
      return { expected: number(tile.querySelector('[part="value"]').textContent) / total, drawn: fill / meter };
    });
  });
  for (const { expected, drawn } of meters) assert.ok(Math.abs(expected - drawn) < 0.02, `a tile meter is ${(drawn * 100).toFixed(1)} % wide for a share of ${(expected * 100).toFixed(1)} %`);
  assert.ok(meters.some((m) => m.drawn < 0.99), 'every meter is full: widths were not applied');

  const charts = await page.evaluate(() =>
    ['sspr-registrations-chart', 'sspr-resets-chart'].map((tag) => {
      const root = document.querySelector('sspr-dashboard').shadowRoot.querySelector(tag).shadowRoot;
      const box = root.querySelector('[part="chart"]');
      return { tag, box: box?.getBoundingClientRect().height ?? 0, svg: root.querySelector('[part="chart"] svg')?.getBoundingClientRect().height ?? 0 };
    }));
  for (const c of charts) assert.ok(c.box > 100 && c.svg > 100, `${c.tag} is drawn ${c.box} px / ${c.svg} px tall`);

  const tops = await page.evaluate(() => {
    const table = document.querySelector('sspr-dashboard').shadowRoot.querySelector('sspr-audit-table').shadowRoot;
    return [...table.querySelectorAll('[part="row"]')].slice(0, 5).map((r) => r.getBoundingClientRect().top);
  });
  assert.ok(tops.length >= 3 && tops.every((t, i) => i === 0 || t > tops[i - 1] + 10), `table rows are not stacked one under another: tops ${tops.join(', ')}`);

  // hover the first bar of the registrations chart: the tooltip opens
  const point = await page.evaluate(() => {
    const chart = document.querySelector('sspr-dashboard').shadowRoot.querySelector('sspr-registrations-chart');
    chart.scrollIntoView({ block: 'center' });
    const box = chart.shadowRoot.querySelector('[part="chart"]').getBoundingClientRect();
    const [x, y] = chart.chart.convertToPixel({ gridIndex: 0 }, [1, 0]);
    return { x: box.left + x, y: box.top + y };
  });
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(() => document.querySelector('sspr-dashboard').shadowRoot.querySelector('sspr-registrations-chart').shadowRoot.querySelector('[part="tooltip"]')?.textContent.includes('Total'), undefined, { timeout: 5000 });

  const { violations, errors } = await page.evaluate(() => ({ violations: window.__violations, errors: window.__errors }));
  assert.deepEqual(violations, [], 'Content-Security-Policy / Trusted Types violations');
  assert.deepEqual(errors, [], 'errors on the page');
  return violations.length;
}
