// One local server for every consumer build: /<fixture>/… from the build's folder, the mock Graph
// endpoint under /graph, and the strict Content-Security-Policy on the CSP page.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json' };

export function startServer(mock, sites) {
  const server = createServer(async (req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (mock.handles(urlPath)) return void mock(req, res);
    if (urlPath === '/favicon.ico') return void res.writeHead(204).end();
    const [, site, ...rest] = urlPath.split('/');
    const root = sites[site];
    const file = root && path.resolve(root, rest.join('/') || 'index.html');
    if (!file || !file.startsWith(path.resolve(root) + path.sep) || !(await stat(file).catch(() => undefined))?.isFile()) {
      return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (path.basename(file) === 'csp.html') headers['content-security-policy'] = STRICT_CSP;
    res.writeHead(200, headers).end(await readFile(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}
