#!/usr/bin/env node
// `npm run bench:endpoint`: the endpoint at 500,000 users on the embedded database (PGlite, a temporary
// data folder) and on PostgreSQL (SSPR_BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
// a database sspr_bench of its own, created and dropped), one after the other, in phases:
// - serve: the sync from the mock Graph with the budget off, the same sync's cost under Graph's budget
//   (computed, and checked on a small tenant with the real budget), and one viewer's latencies;
// - load: the server in a process of its own under autocannon, 50 connections for 60 s (load.ts);
// - outage: PostgreSQL stopped for 30 s under 20 viewers, then started (outage.ts; root, a local
//   Debian cluster; PostgreSQL is always started again).
// Every phase by default; name some to run only those (`npm run bench -w endpoint -- load outage`):
// their sections of endpoint/bench/results.md are replaced, the others kept. Prints the table and
// writes endpoint/bench/results.md and results.json.
// Flags: --only=pglite|postgres (serve, load), --users=N, --events=N, --page-requests=N,
// --route-requests=N, --no-budget; load: --connections=N, --duration=S, --auth=entra|none,
// --rate-limit=N (per viewer per minute; default 0: off), --paced-rate=N (a second run at N requests/s
// per connection; 0: none); outage: --outage-seconds=S, --outage-loops=N, --outage-users=N;
// --report writes results.md again from results.json, measuring nothing.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildBench } from './lib/build.mjs';
import { postgresAnswers, runChild } from './lib/children.mjs';
import { endpointRoot, nodeBuildOptions } from '../scripts/esbuild-options.mjs';
import { PHASES, updateMarkdown } from './lib/report.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    only: { type: 'string' },
    users: { type: 'string', default: '500000' },
    events: { type: 'string', default: '75000' },
    'page-requests': { type: 'string', default: '200' },
    'route-requests': { type: 'string', default: '50' },
    'compute-runs': { type: 'string', default: '5' },
    'walk-budget-ms': { type: 'string', default: '120000' },
    'no-budget': { type: 'boolean', default: false },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '60' },
    auth: { type: 'string', default: 'entra' },
    'rate-limit': { type: 'string', default: '0' },
    'paced-rate': { type: 'string', default: '1' },
    'paced-duration': { type: 'string', default: '30' },
    'outage-seconds': { type: 'string', default: '30' },
    'outage-loops': { type: 'string', default: '20' },
    'outage-users': { type: 'string', default: '20000' },
    report: { type: 'boolean', default: false },
  },
});
const resultsMd = path.join(here, 'results.md');
const resultsJson = path.join(here, 'results.json');
const previousText = existsSync(resultsMd) ? readFileSync(resultsMd, 'utf8') : '';
const previous = existsSync(resultsJson) ? JSON.parse(readFileSync(resultsJson, 'utf8')) : {};
if (values.report) {
  const text = updateMarkdown(previousText, previous);
  await writeFile(resultsMd, text);
  console.log(text);
  process.exit(0);
}
for (const phase of positionals) {
  if (!PHASES.includes(phase)) throw new Error(`unknown phase '${phase}': the phases are ${PHASES.join(', ')}`);
}
const phases = positionals.length ? positionals : PHASES;
const postgresUrl = process.env.SSPR_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const started = performance.now();
const log = (message) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

const dir = await buildBench();
// this bench's own entries, bundled the same way beside the others (load-server.mjs next to load.mjs)
await build({
  ...nodeBuildOptions,
  entryPoints: ['load', 'load-server', 'outage'].map((name) => path.join(endpointRoot, 'bench', `${name}.ts`)),
  outdir: dir,
  outExtension: { '.js': '.mjs' },
  external: [...nodeBuildOptions.external, 'node:*'],
});
// one tenant for both back ends: the same "now", so the same rows
const now = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
const common = [`--users=${values.users}`, `--events=${values.events}`, `--now=${now}`];
const serveArgs = ['page-requests', 'route-requests', 'compute-runs', 'walk-budget-ms'].map((k) => `--${k}=${values[k]}`);

const machine = () => {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(totalmem() / 1024 ** 3)} GiB`;
};
const dated = () => ({ date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`, machine: machine(), node: process.versions.node });
const answers = await postgresAnswers(postgresUrl);
const backends = ['pglite', 'postgres'].filter((b) => !values.only || values.only === b);
const noPostgres = `PostgreSQL skipped: nothing answers at ${new URL(postgresUrl).host}`;

const saved = { ...previous };
if (phases.includes('serve')) {
  const results = {};
  const skipped = [];
  for (const backend of backends) {
    if (backend === 'postgres' && !answers) {
      skipped.push(noPostgres);
      log(noPostgres);
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
  const meta = {
    ...dated(),
    pglite: manifest.dependencies['@electric-sql/pglite'],
    totalSeconds: (performance.now() - started) / 1000,
    skipped,
  };
  Object.assign(saved, { meta, results, budget });
}
if (phases.includes('load')) {
  const t0 = performance.now();
  const results = {};
  const skipped = [];
  const loadArgs = ['connections', 'duration', 'auth', 'rate-limit', 'paced-rate', 'paced-duration'].map((k) => `--${k}=${values[k]}`);
  for (const backend of backends) {
    if (backend === 'postgres' && !answers) {
      skipped.push(noPostgres);
      log(noPostgres);
      continue;
    }
    log(`${backend}: the server under load`);
    results[backend] = await runChild(dir, 'load', [`--backend=${backend}`, `--postgres-url=${postgresUrl}`, ...common, ...loadArgs]);
  }
  saved.load = { meta: { ...dated(), skipped, totalSeconds: (performance.now() - t0) / 1000 }, results };
}
if (phases.includes('outage')) {
  const t0 = performance.now();
  let result;
  let skipped;
  if (!answers) skipped = noPostgres;
  else if (process.getuid?.() !== 0) skipped = 'the outage skipped: stopping PostgreSQL (pg_ctlcluster) needs root';
  if (skipped) log(skipped);
  else {
    log(`outage: PostgreSQL stopped for ${values['outage-seconds']} s under ${values['outage-loops']} viewers`);
    result = await runChild(dir, 'outage', [`--postgres-url=${postgresUrl}`, `--users=${values['outage-users']}`, '--events=3000', `--now=${now}`, `--seconds=${values['outage-seconds']}`, `--loops=${values['outage-loops']}`]);
  }
  saved.outage = { meta: { ...dated(), totalSeconds: (performance.now() - t0) / 1000, ...(skipped ? { skipped } : {}) }, result };
}

const text = updateMarkdown(previousText, saved, phases);
await writeFile(resultsMd, text);
await writeFile(resultsJson, `${JSON.stringify(saved, null, 2)}\n`);
console.log(`\n${text}`);
log(`done (${phases.join(', ')}); wrote endpoint/bench/results.md and results.json`);
