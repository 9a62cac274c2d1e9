/**
 * The mock Graph as a process of its own, as Graph is a service of its own: the tenant built here
 * neither shares the endpoint's heap nor its garbage collector. Prints one JSON line when listening;
 * exits when its standard input closes (the bench ended, however it ended).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createMockHandler } from '../../src/mock/handler.js';
import { nodeRequestToWeb, sendWebResponse } from '../../src/mock/node/listener.js';
import { createTenant } from '../../src/mock/tenant.js';

const { values } = parseArgs({
  options: { users: { type: 'string' }, events: { type: 'string' }, now: { type: 'string' }, 'page-size': { type: 'string' } },
});
const t0 = performance.now();
const tenant = createTenant({ users: Number(values.users), events: Number(values.events), now: new Date(values.now!) });
const info = { users: tenant.users.length, events: tenant.events.length, audits: tenant.audits.length, days: tenant.resetsAndChanges().length };
const handler = createMockHandler({ tenant, pageSize: values['page-size'] ? Number(values['page-size']) : undefined });
const server = createServer((req, res) => {
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  handler(nodeRequestToWeb(req, controller.signal))
    .then((response) => sendWebResponse(res, response))
    .catch(() => res.destroy());
});
// Node's default closes a connection idle for 5 s; Graph keeps one far longer. With the default, the
// sync's first request after a long merge meets a socket closed under it ("other side closed").
server.keepAliveTimeout = 10 * 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}/graph`, ...info, builtMs: performance.now() - t0 })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
