/**
 * The demo server: the built demo page plus the mock Graph endpoint under /graph (and configurable
 * mock endpoints under /mock/<scenario>/). No other service is needed.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createMockListener } from '../src/mock/node/listener.js';
import type { Scenario } from '../src/mock/scenario.js';

export interface DemoServerOptions {
  /** Folder with the built demo page. */
  root: string;
  port: number;
  host: string;
  /** The tenant and faults behind /graph. */
  scenario: Partial<Scenario>;
  /**
   * Path prefixes passed on, path and Host as they are, to another server on this machine, e.g.
   * `{ '/endpoint': 'http://127.0.0.1:8090' }` (the reporting endpoint answers under any prefix, and
   * writes its nextLinks on the Host it was asked on).
   */
  proxies?: Readonly<Record<string, string>>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** Serves a file below `root`, refusing paths that climb out of it. */
async function serveStatic(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | undefined> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath).replace(/^\/+/, '') || 'index.html';
  } catch {
    return undefined; // a malformed escape is simply not a file here
  }
  const file = path.resolve(root, rel);
  if (!file.startsWith(path.resolve(root) + path.sep)) return undefined;
  const info = await stat(file).catch(() => undefined);
  const target = info?.isDirectory() ? path.join(file, 'index.html') : file;
  const body = await readFile(target).catch(() => undefined);
  return body && { body, type: TYPES[path.extname(target)] ?? 'application/octet-stream' };
}

/** Headers that belong to one connection, not to the request or answer (RFC 9110 §7.6.1). */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'proxy-authorization', 'proxy-authenticate'];

function endToEnd<T extends Record<string, unknown>>(headers: T): T {
  const kept = { ...headers };
  for (const name of HOP_BY_HOP) delete kept[name];
  return kept;
}

/**
 * Passes a request on to the server at `target` (its host and port only: the request's own path and
 * Host go with it), the answer back as it comes; 502 when it does not answer.
 */
function forward(req: IncomingMessage, res: ServerResponse, target: string): void {
  const { hostname, port } = new URL(target);
  const upstream = httpRequest({ hostname, port, path: req.url ?? '/', method: req.method, headers: endToEnd(req.headers) }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
    answer.pipe(res);
  });
  upstream.on('error', () => {
    if (res.headersSent) res.destroy();
    else res.writeHead(502, { 'content-type': 'text/plain' }).end('The reporting endpoint did not answer.');
  });
  res.on('close', () => upstream.destroy()); // the browser went away: so does the request
  req.pipe(upstream);
}

export function startDemoServer(options: DemoServerOptions): Promise<{ url: string; close: () => void }> {
  const mock = createMockListener({ defaultScenario: options.scenario });
  const server = createServer((req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    const proxy = Object.entries(options.proxies ?? {}).find(([prefix]) => urlPath === prefix || urlPath.startsWith(`${prefix}/`));
    if (proxy) {
      forward(req, res, proxy[1]);
      return;
    }
    if (mock.handles(urlPath)) {
      mock(req, res).catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    serveStatic(options.root, urlPath).then(
      (file) => {
        if (!file) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
          return;
        }
        res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-cache' }).end(file.body);
      },
      (error: unknown) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Server error');
      },
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolve({ url: `http://${options.host}:${port}/`, close: () => server.close() });
    });
  });
}
