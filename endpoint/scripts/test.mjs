#!/usr/bin/env node
// `npm test -w endpoint`: bundles test/**/*.test.ts for Node (they import the sources and the modules
// shared with the widgets), then runs them with Node's test runner on the embedded database and, when
// PostgreSQL answers (SSPR_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), again on it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { recordCounts } from '../../scripts/test-counts.mjs';
import { postgresAnswers } from './postgres-answers.mjs';
import { endpointRoot, nodeBuildOptions } from './esbuild-options.mjs';

const outdir = path.join(endpointRoot, '../node_modules/.cache/sspr-endpoint-tests');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const testDir = path.join(endpointRoot, 'test');
const files = readdirSync(testDir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.test.ts') && (only.length === 0 || only.some((o) => f.includes(o))));
await build({
  ...nodeBuildOptions,
  sourcemap: 'inline',
  entryPoints: files.map((f) => path.join(testDir, f)),
  outbase: testDir,
  outdir,
  outExtension: { '.js': '.mjs' },
  external: [...nodeBuildOptions.external, 'node:*'],
});
const built = files.map((f) => path.join(outdir, f.replace(/\.ts$/, '.mjs')));

const postgresUrl = process.env.SSPR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const backends = [{ id: 'pglite', name: 'embedded PostgreSQL (PGlite)', env: { SSPR_TEST_DB: 'pglite' } }];
if (process.env.SSPR_TEST_DB !== 'pglite' && (await postgresAnswers(postgresUrl))) {
  backends.push({ id: 'postgres', name: `PostgreSQL at ${new URL(postgresUrl).host}`, env: { SSPR_TEST_DB: 'postgres', SSPR_TEST_DATABASE_URL: postgresUrl } });
} else {
  console.log(`endpoint tests: no PostgreSQL answers at ${new URL(postgresUrl).host}; the embedded database only`);
}

/** The TAP summary's counts ("# pass 12"), for the closing line of `npm test`. */
function tapCounts(file) {
  const text = readFileSync(file, 'utf8');
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
}

let failed = false;
mkdirSync(outdir, { recursive: true });
for (const backend of backends) {
  console.log(`\nendpoint tests on ${backend.name}`);
  const tap = path.join(outdir, `results-${backend.id}.tap`);
  const run = spawnSync(
    process.execPath,
    ['--test', '--test-concurrency=2', '--test-reporter=dot', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...built],
    { stdio: 'inherit', env: { ...process.env, ...backend.env } },
  );
  const counts = tapCounts(tap);
  recordCounts(path.join(endpointRoot, '..'), `endpoint-${backend.id}`, counts);
  console.log(`endpoint (${backend.id}): ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  if (run.status !== 0 || counts.failed > 0 || counts.passed === 0) failed = true;
}
process.exit(failed ? 1 : 0);
