#!/usr/bin/env node
// `npm run start:endpoint`: the whole system on one machine, no credentials — the mock Graph on a
// loopback port, the reporting endpoint syncing from it into an embedded database (a fresh folder), and
// the demo page pointed at the endpoint: http://127.0.0.1:8080/?endpoint=/endpoint
// Flags: --port 8080 (demo page) --endpoint-port 8090 --users 5000 --seed 1 --data-dir DIR (default: a fresh temporary folder)
import { createServer } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { importForNode } from './build-node.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    'endpoint-port': { type: 'string', default: '8090' },
    users: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    'data-dir': { type: 'string' },
  },
});

// 1. the mock Graph, where a real deployment has graph.microsoft.com
const { createMockListener } = await importForNode('src/mock/node/listener.ts', 'mock-listener');
const mock = createMockListener({ defaultScenario: { users: Number(values.users), seed: Number(values.seed) } });
const graph = createServer((req, res) => void mock(req, res));
await new Promise((resolve) => graph.listen(0, '127.0.0.1', resolve));
const graphUrl = `http://127.0.0.1:${graph.address().port}/graph`;

// 2. the endpoint, built as its package ships, syncing from the mock into an embedded database
await import(pathToFileURL(path.join(root, 'endpoint/scripts/build.mjs')).href);
const { readConfig, createLogger, serveEndpoint } = await import(pathToFileURL(path.join(root, 'endpoint/dist/index.js')).href);
const config = readConfig({
  ...process.env,
  SSPR_GRAPH_URL: graphUrl,
  SSPR_DATA_DIR: values['data-dir'] ?? (await mkdtemp(path.join(tmpdir(), 'sspr-endpoint-demo-'))),
  SSPR_PORT: values['endpoint-port'],
  DATABASE_URL: '',
});
// no credential of the developer's own ever goes to the local mock
const endpoint = await serveEndpoint({ config, env: {}, log: createLogger(process.env.SSPR_LOG_LEVEL ?? 'warn') });

// 3. the demo page, with the endpoint under /endpoint on the page's own origin
const outDir = path.join(root, 'node_modules/.cache/sspr-demo');
await build({ configFile: false, root: path.join(root, 'demo'), logLevel: 'warn', build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: true } });
const { startDemoServer } = await importForNode('demo/server.ts', 'demo-server');
const demo = await startDemoServer({ root: outDir, port: Number(values.port), host: '127.0.0.1', scenario: {}, proxies: { '/endpoint': endpoint.url } });

console.log(`mock Graph:          ${graphUrl}/`);
console.log(`reporting endpoint:  ${endpoint.url}/  (data: ${config.dataDir}; sync status: ${endpoint.url}/status)`);
console.log(`demo on the endpoint: ${demo.url}?endpoint=/endpoint`);
