#!/usr/bin/env node
// `npm run bench:endpoint`: the endpoint at 500,000 users on the embedded database (PGlite, a temporary
// data folder) and on PostgreSQL (SSPR_BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
// a database sspr_bench of its own, created and dropped), one after the other: the sync from the mock
// Graph with the budget off, the same sync's cost under Graph's budget (computed, and checked on a small
// tenant with the real budget), and the served routes at that size. Prints the table and writes
// endpoint/bench/results.md and results.json.
// Flags: --only=pglite|postgres, --users=N, --events=N, --page-requests=N, --route-requests=N, --no-budget;
// --report writes results.md again from results.json, measuring nothing.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildBench } from './lib/build.mjs';
import { postgresAnswers, runChild } from './lib/children.mjs';
import { markdown } from './lib/report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    users: { type: 'string', default: '500000' },
    events: { type: 'string', default: '75000' },
    'page-requests': { type: 'string', default: '200' },
    'route-requests': { type: 'string', default: '50' },
    'compute-runs': { type: 'string', default: '5' },
    'walk-budget-ms': { type: 'string', default: '120000' },
    'no-budget': { type: 'boolean', default: false },
    report: { type: 'boolean', default: false },
  },
});
if (values.report) {
  const saved = JSON.parse(readFileSync(path.join(here, 'results.json'), 'utf8'));
  await writeFile(path.join(here, 'results.md'), markdown(saved));
  console.log(markdown(saved));
  process.exit(0);
}
const postgresUrl = process.env.SSPR_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const started = performance.now();
const log = (message) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

const dir = await buildBench();
// one tenant for both back ends: the same "now", so the same rows
const now = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
const common = [`--users=${values.users}`, `--events=${values.events}`, `--now=${now}`];
const serveArgs = ['page-requests', 'route-requests', 'compute-runs', 'walk-budget-ms'].map((k) => `--${k}=${values[k]}`);

const results = {};
const skipped = [];
for (const backend of ['pglite', 'postgres']) {
  if (values.only && values.only !== backend) continue;
  if (backend === 'postgres' && !(await postgresAnswers(postgresUrl))) {
    const note = `PostgreSQL skipped: nothing answers at ${new URL(postgresUrl).host}`;
    skipped.push(note);
    log(note);
    continue;
  }
  log(`${backend}: sync and serve`);
  results[backend] = await runChild(dir, 'backend', [`--backend=${backend}`, `--postgres-url=${postgresUrl}`, ...common, ...serveArgs]);
}
let budget;
if (!values['no-budget']) {
  log('the budget, for real: a small tenant under 5 requests per 10 s');
  budget = await runChild(dir, 'budget-sync', ['--users=1000', '--events=150', '--page-size=100', `--now=${now}`]);
}

const manifest = JSON.parse(readFileSync(path.join(here, '../package.json'), 'utf8'));
const cpu = cpus();
const meta = {
  date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  machine: `${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(totalmem() / 1024 ** 3)} GiB`,
  node: process.versions.node,
  pglite: manifest.dependencies['@electric-sql/pglite'],
  totalSeconds: (performance.now() - started) / 1000,
  skipped,
};
const text = markdown({ meta, results, budget });
await writeFile(path.join(here, 'results.md'), text);
await writeFile(path.join(here, 'results.json'), `${JSON.stringify({ meta, results, budget }, null, 2)}\n`);
console.log(`\n${text}`);
log(`done; wrote endpoint/bench/results.md and results.json`);
