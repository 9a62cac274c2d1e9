/**
 * The mock Graph (the widgets' own Graph-shaped handler and synthetic tenant) served on loopback, as
 * the endpoint's upstream in tests. The handler can be swapped between requests (new faults, a new
 * tenant); every request that reached the server is counted.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockHandler, type MockHandler, type MockHandlerOptions } from '../../../src/mock/handler.js';
import { nodeRequestToWeb, sendWebResponse } from '../../../src/mock/node/listener.js';
import { createTenant, type Tenant, type TenantOptions } from '../../../src/mock/tenant.js';

export interface MockGraph {
  /** The Graph root to give the endpoint (SSPR_GRAPH_URL), e.g. http://127.0.0.1:41234/graph. */
  url: string;
  tenant: Tenant;
  /** Requests that reached the server since start (or the last `resetCount`), by route path. */
  requests: string[];
  /** Serves from now on with these options (faults, page size, latency) over the same tenant. */
  configure(options: Omit<MockHandlerOptions, 'tenant'>): void;
  /** Replaces the handler outright (e.g. one that fails in a way the mock has no fault for). */
  use(handler: MockHandler): void;
  close(): Promise<void>;
}

/** A fixed "now" so the tenant, and everything computed from it, is the same on every run. */
export const MOCK_NOW = new Date('2026-11-30T12:00:00Z');

export async function startMockGraph(tenantOptions: TenantOptions = {}, options: Omit<MockHandlerOptions, 'tenant'> = {}): Promise<MockGraph> {
  const tenant = createTenant({ now: MOCK_NOW, ...tenantOptions });
  let handler = createMockHandler({ ...options, tenant });
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    requests.push(new URL(req.url ?? '/', 'http://x').pathname);
    handler(nodeRequestToWeb(req, controller.signal))
      .then((response) => sendWebResponse(res, response))
      .catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graph`,
    tenant,
    requests,
    configure(next) {
      handler = createMockHandler({ ...next, tenant });
    },
    use(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
