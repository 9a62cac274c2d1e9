// Turns the raw runs of each measure into result rows (see report.mjs), with the targets from the issue.
import { row, statusRow, summarize } from './report.mjs';
import { gzipBytes, gzipTotal, requestedFiles } from '../measures/sizes.mjs';

export const TARGETS = {
  tilesKb: 15_000, // bytes, gzip -9
  localeChunkKb: 4_000, // bytes, gzip -9: each language part
  dashboardKb: 45_000,
  chartKb: 180_000,
  keystrokeMs: 16,
  keystrokeRatio: 0.5, // at most half of vaadin-grid's
  firstRowsMs: 50,
  nodes: 2_000,
};

const pick = (runs, get) => runs.map(get);
const keysOf = (runs, field) => runs.flatMap((r) => r.keys.map((k) => k[field]));
const baselineText = (runs) => {
  const { median, min, max } = summarize(runs.map((r) => r.baseline));
  return `${median.toFixed(1)} ms median (${min.toFixed(1)}–${max.toFixed(1)})`;
};

export function sizeRows({ tiles, dashboard, vaadin }, runs) {
  const first = requestedFiles(dashboard, runs.dashboard[0]);
  const chart = first.filter((f) => dashboard.graph.chart.includes(f));
  const upFront = first.filter((f) => !chart.includes(f));
  const stray = upFront.filter((f) => !dashboard.graph.initial.includes(f));
  return [
    row('size.tiles', 'Tiles page: JS loaded (gzip -9)', 'kB', [gzipTotal(tiles, requestedFiles(tiles, runs.tiles[0]))], { target: TARGETS.tilesKb }),
    row('size.dashboard', 'Dashboard: first-load JS without the chart chunk (gzip -9)', 'kB', [gzipTotal(dashboard, upFront)], {
      target: TARGETS.dashboardKb,
      note: stray.length ? `also loaded lazily, counted here: ${stray.join(', ')}` : undefined,
    }),
    chart.length
      ? row('size.chart', 'Chart chunk, lazily imported (gzip -9)', 'kB', [gzipTotal(dashboard, chart)], { target: TARGETS.chartKb })
      : statusRow('size.chart', 'Chart chunk, lazily imported (gzip -9)', 'failed: the dashboard never requested it'),
    row('size.vaadin', 'Peer: vaadin-grid page JS (gzip -9)', 'kB', [gzipTotal(vaadin, requestedFiles(vaadin, runs.vaadin[0]))]),
    ...Object.entries(dashboard.graph.locales ?? {}).map(([part, file]) =>
      row(`size.locale.${part}`, `Language chunk ${part}, loaded on first use (gzip -9)`, 'kB', [gzipBytes(dashboard, file)], { target: TARGETS.localeChunkKb }),
    ),
  ];
}

/** The no-build bundle and the chart file it loads (minified), gzip -9. */
export function bundleRows(bundle) {
  return [
    row('size.bundle', 'Bundle dist/bundle/sspr-insights.js (gzip -9)', 'kB', [gzipBytes(bundle, bundle.entry)]),
    row('size.bundleChart', 'Bundle: its chart file (gzip -9)', 'kB', [bundle.chart.reduce((n, f) => n + gzipBytes(bundle, f), 0)]),
  ];
}

export function tilesRows(runs) {
  return [
    row('tiles.painted', 'Tiles page: navigation → tiles painted', 'ms', pick(runs, (r) => r.painted)),
    row('tiles.afterResponse', 'Tiles page: counts response → tiles painted', 'ms', pick(runs, (r) => r.afterResponse)),
  ];
}

export function dashboardRows(runs) {
  return [
    row('dashboard.tiles', 'Dashboard: navigation → tiles painted', 'ms', pick(runs, (r) => r.tiles)),
    row('dashboard.charts', 'Dashboard: navigation → both charts painted', 'ms', pick(runs, (r) => r.charts)),
    row('dashboard.insights', 'Dashboard: navigation → all eight insights painted', 'ms', pick(runs, (r) => r.insights), {
      note: 'Graph allows 5 requests per 10 s: the requests past the fifth wait for the budget',
    }),
    row('dashboard.requests', 'Dashboard: report requests of a first load (2,000 users)', 'nodes', pick(runs, (r) => r.reports)),
  ];
}

export function vaadinRows(runs) {
  return [
    row('vaadin.firstRows', 'Peer vaadin-grid, 75,000 rows: data set → first rows painted', 'ms', pick(runs, (r) => r.firstRows)),
    row('vaadin.work', 'Peer vaadin-grid: keystroke handlers + long tasks (Event Timing, Long Tasks API)', 'ms', keysOf(runs, 'work')),
    row('vaadin.net', 'Peer vaadin-grid: keystroke main-thread work, every task until quiet (CDP, net)', 'ms', keysOf(runs, 'net'), {
      note: `net of the measuring's own cost, a no-op key in the same page: ${baselineText(runs)}`,
    }),
    row('vaadin.toPaint', 'Peer vaadin-grid: keystroke → rows painted', 'ms', keysOf(runs, 'toPaint')),
    row('vaadin.nodes', 'Peer vaadin-grid: DOM nodes inside the grid', 'nodes', pick(runs, (r) => r.nodes.nodes)),
    row('vaadin.heap', 'Peer vaadin-grid: JS heap after GC', 'MB', pick(runs, (r) => r.heap)),
  ];
}

/** Per run, the table's median over the keystrokes divided by vaadin-grid's in the same run. */
function ratios(table, vaadin, field) {
  return table.map((t) => {
    const v = vaadin.find((x) => x.run === t.run);
    return v ? summarize(t.keys.map((k) => k[field])).median / summarize(v.keys.map((k) => k[field])).median : NaN;
  });
}

/** A note when the rows the table announced for the query differ from Node's count over the same data. */
function countCheck(runs) {
  const run = runs[0];
  const mismatches = run.keys.map((k) => [k.query, run.announced.findLast(([search]) => search.trim().toLowerCase() === k.query)?.[1], run.expected[k.query]])
    .filter(([, shown, want]) => shown !== undefined && shown !== want);
  return mismatches.length ? `rows found differ from Node's count (name/UPN contains the query): ${mismatches.map(([q, shown, want]) => `"${q}" ${shown} vs ${want}`).join(', ')}` : undefined;
}

export function tableClientRows(runs, vaadinRuns) {
  return [
    row('table.loaded', 'Table, 75,000 events: navigation → all rows loaded', 'ms', pick(runs, (r) => r.loadedAt)),
    row('table.firstRows', 'Table: first page arrived → first rows painted', 'ms', pick(runs, (r) => r.firstRows), { target: TARGETS.firstRowsMs }),
    row('table.work', 'Table: keystroke handlers + long tasks (Event Timing, Long Tasks API)', 'ms', keysOf(runs, 'work'), {
      target: TARGETS.keystrokeMs,
      note: 'what bench-method.md prescribes; blind to deferred work in tasks under 50 ms (e.g. a debounced filter), so read it with the next rows',
    }),
    row('table.workRatio', 'Table ÷ vaadin-grid: handlers + long tasks, same run', 'ratio', ratios(runs, vaadinRuns, 'work'), { target: TARGETS.keystrokeRatio }),
    row('table.net', 'Table: keystroke main-thread work, every task until quiet (CDP, net)', 'ms', keysOf(runs, 'net'), {
      target: TARGETS.keystrokeMs,
      note: `net of the measuring's own cost, a no-op key in the same page: ${baselineText(runs)}`,
    }),
    row('table.netRatio', 'Table ÷ vaadin-grid: every task until quiet, same run', 'ratio', ratios(runs, vaadinRuns, 'net'), { target: TARGETS.keystrokeRatio }),
    row('table.toPaint', 'Table: keystroke → rows painted', 'ms', keysOf(runs, 'toPaint'), { note: countCheck(runs) }),
    row('table.toPaintRatio', 'Table ÷ vaadin-grid: keystroke → rows painted, same run', 'ratio', ratios(runs, vaadinRuns, 'toPaint')),
    row('table.sort', `Table: sort (click "${runs[0].sortColumn}") → rows painted`, 'ms', pick(runs, (r) => r.sort.toPaint)),
    row('table.sortNet', 'Table: sort main-thread work, every task until quiet (CDP, net)', 'ms', pick(runs, (r) => r.sort.net)),
    row('table.nodes', 'Table: DOM nodes inside the component', 'nodes', pick(runs, (r) => r.nodes), { target: TARGETS.nodes }),
    row('table.heap', 'Table: JS heap after GC', 'MB', pick(runs, (r) => r.heap)),
    row('table.csv', 'Table: CSV export of 75,000 rows, exportCsv() → Blob', 'ms', pick(runs, (r) => r.csv.ms), {
      note: `${(runs[0].csv.bytes / 1e6).toFixed(1)} MB of CSV`,
    }),
    row('table.csvLongest', 'Table: longest main-thread block during the export', 'ms', pick(runs, (r) => r.csv.longest)),
  ];
}

export function tableServerRows(runs) {
  return [
    row('server.rowsAt', 'Users table, server mode, 500,000 users: navigation → first rows painted', 'ms', pick(runs, (r) => r.rowsAt)),
    row('server.firstRows', 'Users table: first page arrived → first rows painted', 'ms', pick(runs, (r) => r.firstRows), { target: TARGETS.firstRowsMs }),
    row('server.scroll', `Users table: scroll to the middle of the ${runs[0].scroll.total - 1} loaded rows → rows painted`, 'ms', pick(runs, (r) => r.scroll.ms)),
    row('server.next', 'Users table: scroll to the end → next page fetched and painted', 'ms', pick(runs, (r) => r.next.ms), {
      note: `of which the server took ${Math.round(summarize(runs.map((r) => r.next.server)).median)} ms (median); Graph pages by nextLink only, so rows beyond those loaded come page by page`,
    }),
    row('server.nodes', 'Users table: DOM nodes inside the component', 'nodes', pick(runs, (r) => r.nodes), { target: TARGETS.nodes }),
    row('server.heap', 'Users table: JS heap after GC', 'MB', pick(runs, (r) => r.heap)),
  ];
}
