#!/usr/bin/env node
// Run by hand: times the three computed summaries (usersRegisteredByFeature, usersRegisteredByMethod,
// userRegistrationActivity) on a large mock tenant, on PostgreSQL (SSPR_TEST_DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/test; a schema of its own, dropped at the end) and on in-memory PGlite.
//   node scripts/time-summaries.mjs [--users=500000] [--runs=5] [--only=postgres|pglite]
import { build } from 'esbuild';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { endpointRoot, nodeBuildOptions } from './esbuild-options.mjs';

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const users = Number(arg('users', '500000'));
const runs = Number(arg('runs', '5'));
const only = arg('only', '');

// The sources are TypeScript: bundle a small entry the way the tests are bundled, then import it.
const outfile = path.join(endpointRoot, '../node_modules/.cache/sspr-endpoint-tests/time-summaries-entry.mjs');
await build({
  ...nodeBuildOptions,
  stdin: {
    resolveDir: endpointRoot,
    sourcefile: 'time-summaries-entry.ts',
    loader: 'ts',
    contents: `
      export { createTenant } from '../src/mock/tenant.js';
      export { loadTenant } from './test/support/load-tenant.js';
      export { MOCK_NOW } from './test/support/mock-graph.js';
      export { migrate } from './src/store/migrate.js';
      export { openPglite } from './src/store/pglite-db.js';
      export { openPostgres } from './src/store/postgres-db.js';
      export { activitySummary, featureSummary, methodSummary } from './src/serve/summaries/index.js';
    `,
  },
  outfile,
  external: [...nodeBuildOptions.external, 'node:*'],
});
const m = await import(pathToFileURL(outfile).href);

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
let t0 = process.hrtime.bigint();
const tenant = m.createTenant({ users, now: m.MOCK_NOW });
console.log(`tenant: ${tenant.users.length} users, ${tenant.events.length} events, built in ${(ms(t0) / 1000).toFixed(1)} s`);

const CASES = [
  ['usersRegisteredByFeature all/all', (db) => m.featureSummary(db, 'all', 'all')],
  ['usersRegisteredByFeature member/user', (db) => m.featureSummary(db, 'member', 'user')],
  ['usersRegisteredByMethod all/all', (db) => m.methodSummary(db, 'all', 'all')],
  ['usersRegisteredByMethod guest/all', (db) => m.methodSummary(db, 'guest', 'all')],
  ['userRegistrationActivity d7', (db) => m.activitySummary(db, 'd7', tenant.now)],
  ['userRegistrationActivity d30', (db) => m.activitySummary(db, 'd30', tenant.now)],
  ['userRegistrationActivity d365', (db) => m.activitySummary(db, 'd365', tenant.now)],
];

async function timeOn(name, db) {
  t0 = process.hrtime.bigint();
  await m.loadTenant(db, tenant);
  // A year of history for d365: the 30 days' events again, 30, 60, … 330 days earlier.
  await db.query(`INSERT INTO events (event_key, event_at, doc)
    SELECT event_key || ':' || k, event_at - make_interval(days => 30 * k), doc FROM events, generate_series(1, 11) AS k`);
  await db.query('ANALYZE');
  const { rows } = await db.query('SELECT count(*) AS n FROM events');
  console.log(`\n${name}: loaded in ${(ms(t0) / 1000).toFixed(1)} s (${rows[0].n} events over a year)`);
  for (const [label, run] of CASES) {
    await run(db); // warm: the first read pulls the table into cache
    const times = [];
    for (let i = 0; i < runs; i++) {
      t0 = process.hrtime.bigint();
      await run(db);
      times.push(ms(t0));
    }
    times.sort((a, b) => a - b);
    console.log(`  ${label.padEnd(38)} median ${times[times.length >> 1].toFixed(0).padStart(6)} ms   min ${times[0].toFixed(0).padStart(6)} ms`);
  }
}

if (only !== 'pglite') {
  const url = process.env.SSPR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `sspr_timing_${process.pid}`;
  const admin = m.openPostgres({ connectionString: url, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const db = m.openPostgres({ connectionString: url, schema, max: 4 });
  try {
    await m.migrate(db);
    const { rows } = await db.query('SHOW server_version');
    await timeOn(`PostgreSQL ${rows[0].server_version} at ${new URL(url).host}`, db);
  } finally {
    await db.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.close();
  }
}
if (only !== 'postgres') {
  const db = await m.openPglite();
  try {
    await m.migrate(db);
    await timeOn('PGlite (in memory)', db);
  } finally {
    await db.close();
  }
}
