#!/usr/bin/env node
// `npm run bench`: production builds of the bench pages, served with the demo server (mock latency 0),
// measured in Debian's Chromium through playwright-core, a fresh browser context per run. Writes
// bench/results.json and bench/results.md and prints the table. Method: bench/README.md.
// Flags: --runs N (default 5; fewer only for trying the harness out).
import { cpus } from 'node:os';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importForNode } from '../scripts/build-node.mjs';
import { buildBundle, buildPage, tableExists } from './lib/build.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { markdownTable, notes, statusRow } from './lib/report.mjs';
import { bundleRows, dashboardRows, sizeRows, tilesRows, tableClientRows, tableServerRows, vaadinRows } from './lib/rows.mjs';
import { assertNoChartChunk } from './measures/sizes.mjs';
import { dashboardRun, tilesRun } from './measures/tiles-dashboard.mjs';
import { vaadinRun } from './measures/vaadin.mjs';
import { tableClientRun, tableServerRun } from './measures/table.mjs';
import { expectedCounts } from './measures/expected.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outRoot = path.join(root, 'node_modules/.cache/sspr-bench');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);
const QUERY = 'ann';
const started = performance.now();
const log = (message) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);
if (!(RUNS >= 1)) throw new Error('--runs must be a positive number');
if (RUNS < 5) log(`only ${RUNS} run(s) per measure: fine for trying the harness, not for figures`);

const withTable = tableExists(root);
const pages = ['tiles', 'dashboard', 'vaadin', ...(withTable ? ['table', 'table-server'] : [])];
const builds = {};
for (const name of pages) {
  builds[name] = await buildPage(root, outRoot, name);
  log(`built ${name}.html: ${builds[name].graph.all.length} JS file(s)`);
}

const bundle = await buildBundle(root, outRoot);
log(`built the bundle: ${bundle.entry} and ${bundle.chart.join(', ')}`);

const { startDemoServer } = await importForNode('demo/server.ts', 'bench-demo-server');
const server = await startDemoServer({ root: outRoot, port: 0, host: '127.0.0.1', scenario: { latency: 0 } });
const origin = server.url.replace(/\/$/, '');
const browser = await launchBrowser();
const version = browser.version();
const raw = {};
const failures = {};
const warnings = [];

/** Run i of measure `name`: keeps its result (or its failure) and logs a progress line. */
async function runOnce(name, i, once, describe) {
  raw[name] ??= [];
  try {
    const result = { ...(await once()), run: i };
    raw[name].push(result);
    if (result.foreign?.length) warnings.push(`${name}: requests off the bench server: ${result.foreign.map((r) => r.url).join(', ')}`);
    if (result.errors?.length) warnings.push(`${name}: page errors: ${result.errors.join(' | ')}`);
    log(`${name} ${i + 1}/${RUNS}: ${describe(result)}`);
  } catch (error) {
    (failures[name] ??= []).push(String(error?.message ?? error).split('\n')[0]);
    log(`${name} ${i + 1}/${RUNS}: FAILED ${failures[name].at(-1)}`);
  }
}

async function repeat(name, once, describe) {
  for (let i = 0; i < RUNS; i++) await runOnce(name, i, once, describe);
}

/** Rows from `make(runs)` when at least one run succeeded, else one row saying why not. */
function rowsOf(name, label, make) {
  const runs = raw[name] ?? [];
  const failed = failures[name] ?? [];
  if (!runs.length) return [statusRow(name, label, `failed: ${failed[0] ?? 'no runs'}`)];
  const rows = make(runs);
  if (failed.length) rows[0].note = `${failed.length} of ${failed.length + runs.length} runs failed: ${failed[0]}`;
  return rows;
}

const ms = (v) => `${Math.round(v)} ms`;
let proof;
let exitCode = 0;
try {
  await repeat('tiles', () => tilesRun(browser, origin, builds.tiles), (r) => `tiles painted at ${ms(r.painted)}, ${r.requests.length} requests`);
  await repeat('dashboard', () => dashboardRun(browser, origin, builds.dashboard), (r) => `charts painted at ${ms(r.charts)}`);
  try {
    proof = assertNoChartChunk(builds.tiles, builds.dashboard, raw.tiles);
    log(`tiles page never requested the chart chunk (${proof.runs} runs, ${proof.requests} requests)`);
  } catch (error) {
    proof = { error: error.message };
    exitCode = 1;
    console.error(`\n${error.message}\n`);
  }
  // the rows the table must show per query; without them the table's keystrokes cannot be checked
  const expected = withTable ? await expectedCounts(origin, QUERY).catch((error) => {
    failures.table = [`counting the expected rows failed: ${error.message}`];
  }) : undefined;
  for (let i = 0; i < RUNS; i++) {
    // side by side in one run: the machine's noise hits both alike, so their ratio is what to compare
    await runOnce('vaadin', i, () => vaadinRun(browser, origin, builds.vaadin, QUERY), (r) => `first rows ${ms(r.firstRows)}, keystrokes ${r.keys.map((k) => ms(k.net)).join(' / ')} (net)`);
    if (expected) {
      await runOnce('table', i, () => tableClientRun(browser, origin, builds.table, QUERY, expected), (r) => `loaded at ${ms(r.loadedAt)}, keystrokes ${r.keys.map((k) => ms(k.net)).join(' / ')} (net), csv ${ms(r.csv.ms)}`);
    }
  }
  if (withTable) await repeat('table-server', () => tableServerRun(browser, origin, builds['table-server']), (r) => `first rows at ${ms(r.rowsAt)}, scroll ${ms(r.scroll.ms)}`);
} finally {
  await browser.close();
  server.close();
}

const rows = [
  ...(raw.tiles?.length && raw.dashboard?.length && raw.vaadin?.length
    ? sizeRows(builds, raw)
    : [statusRow('size', 'JS sizes', 'failed: a page never loaded')]),
  ...bundleRows(bundle),
  proof?.error
    ? statusRow('proof', 'Tiles page requests the chart chunk', 'FAILED: it does (see above)')
    : statusRow('proof', 'Tiles page requests the chart chunk', `never (${proof?.runs ?? 0} run(s), ${proof?.requests ?? 0} requests recorded)`),
  ...rowsOf('tiles', 'Tiles page', tilesRows),
  ...rowsOf('dashboard', 'Dashboard', dashboardRows),
  ...rowsOf('vaadin', 'Peer vaadin-grid', vaadinRows),
  ...(withTable
    ? [...rowsOf('table', 'Table, client mode', (runs) => tableClientRows(runs, raw.vaadin ?? [])), ...rowsOf('table-server', 'Users table, server mode', tableServerRows)]
    : [statusRow('table', 'table', 'not built yet')]),
];

const title = `Benchmark: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.versions.node}, Chromium ${version}, ${RUNS} runs per measure`;
const markdown = [`# ${title}`, '', markdownTable(rows), '', notes(rows), ...warnings.map((w) => `- warning: ${w}`), '',
  'How these are measured: bench/README.md. Compare ratios from one run, not absolute times across runs.', ''].join('\n');
await writeFile(path.join(root, 'bench/results.md'), markdown);
await writeFile(path.join(root, 'bench/results.json'), JSON.stringify({ title, runs: RUNS, query: QUERY, chromium: version, builds: Object.fromEntries(Object.entries(builds).map(([k, b]) => [k, b.graph])), proof, failures, warnings, rows, raw }, null, 1));
console.log(`\n${markdown}`);
log(`done; results in bench/results.md and bench/results.json`);
process.exitCode = exitCode;

