/**
 * Node adapter: serves the mock under `/graph/…` and `/mock/<scenario>/…` from an http server or as
 * dev-server middleware (web-test-runner.config.mjs, the demo server). Converts Node's request to a
 * fetch `Request` (aborted when the client goes away) and writes the `Response` back.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import type { Scenario } from '../scenario.js';
import { createScenarioRouter } from '../scenario-router.js';

export type MockListener = ((req: IncomingMessage, res: ServerResponse) => Promise<void>) & {
  handles(path: string): boolean;
};

export interface MockListenerOptions {
  /** The scenario behind `/graph/` (default: seed 1, 2,000 users). */
  defaultScenario?: Partial<Scenario>;
}

/** Builds a fetch Request from a Node request; the absolute URL comes from the Host header. */
export function nodeRequestToWeb(req: IncomingMessage, signal?: AbortSignal): Request {
  const target = req.url ?? '/';
  const secure = (req.socket as TLSSocket).encrypted === true;
  const url = /^https?:\/\//i.test(target) ? target : `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}${target}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = Readable.toWeb(req) as unknown as BodyInit;
    init.duplex = 'half';
  }
  return new Request(url, init);
}

/** Writes a fetch Response (status, headers, body) to a Node response. */
export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  if (!('content-length' in headers)) headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  await new Promise<void>((resolve) => res.end(body, resolve));
}

/** Nothing to answer; 499 ("client closed request") keeps access logs from reporting a 404. */
function clientGone(res: ServerResponse): void {
  res.statusCode = 499;
  res.destroy();
}

export function createMockListener(options: MockListenerOptions = {}): MockListener {
  const router = createScenarioRouter({ defaultScenario: options.defaultScenario });
  const listener = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort(new DOMException('The client disconnected.', 'AbortError'));
    });
    try {
      const response = await router.handle(nodeRequestToWeb(req, controller.signal));
      if (controller.signal.aborted) return clientGone(res);
      await sendWebResponse(res, response);
    } catch (error) {
      if (controller.signal.aborted) return clientGone(res);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`mock listener failure: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return Object.assign(listener, { handles: (path: string) => router.handles(path.split('?')[0] ?? path) });
}
