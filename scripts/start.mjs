#!/usr/bin/env node
// `npm start`: builds the demo page and the server, then serves both with the mock Graph endpoint.
// Flags: --port 8080 --host 127.0.0.1 --users 5000 --seed 1 --events N --latency 250
//        --fault 429|500|503|504|hang|malformed|401|403|403-license --times N --after N --route TEXT
//        --retry-after VALUE --page N
import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { importForNode } from './build-node.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    users: { type: 'string' },
    seed: { type: 'string' },
    events: { type: 'string' },
    latency: { type: 'string' },
    page: { type: 'string' },
    fault: { type: 'string' },
    times: { type: 'string' },
    after: { type: 'string' },
    route: { type: 'string' },
    'retry-after': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});

const outDir = path.join(root, 'node_modules/.cache/sspr-demo');
if (!values['no-build']) {
  await build({
    configFile: false,
    root: path.join(root, 'demo'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: true },
  });
}

// Scenario keys are the mock's own (see src/mock/scenario.ts); invalid values are reported by it.
const segment = ['users', 'seed', 'events', 'latency', 'page', 'fault', 'times', 'after', 'route', 'retry-after']
  .filter((key) => values[key] !== undefined)
  .map((key) => `${key}=${values[key]}`)
  .join(';');

const { startDemoServer } = await importForNode('demo/server.ts', 'demo-server');
const { parseScenario } = await importForNode('src/mock/scenario.ts', 'mock-scenario');
const scenario = segment ? parseScenario(segment) : {};
const server = await startDemoServer({ root: outDir, port: Number(values.port), host: values.host, scenario });
console.log(`sspr-insights demo: ${server.url}`);
console.log(`mock Graph endpoint: ${server.url}graph/  (try ${server.url}graph/beta/reports/authenticationMethods/userEventsSummary?$top=5)`);
