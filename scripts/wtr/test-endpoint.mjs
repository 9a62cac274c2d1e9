// A reporting endpoint for the browser tests: the endpoint package, built as it ships, synced from
// the mock (the dev server's own listener, a tenant with a fixed clock) into an embedded database, and
// mounted under /endpoint/ on the dev server's origin. The mock scenario behind it is served at
// /endpoint-test.json, so a test can compare what the elements show on both. A twin over the same
// store, with Entra sign-in against a loopback stand-in for the tenant's sign-in service, is mounted
// under /endpoint-signed-in/; /endpoint-test-token.json?roles=… hands a test a token signed by it.
import { createServer, request as httpRequest } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PREFIX = '/endpoint/';
const SIGNED_IN_PREFIX = '/endpoint-signed-in/';

/** The endpoint tests' own token issuer (endpoint/test/support/token-issuer.ts), bundled for this server. */
async function startIssuer() {
  const { build } = await import('esbuild');
  const outfile = path.join(root, 'node_modules/.cache/sspr-wtr/token-issuer.mjs');
  await build({ entryPoints: [path.join(root, 'endpoint/test/support/token-issuer.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'warning' });
  return import(pathToFileURL(outfile).href);
}

export async function startTestEndpoint(listener) {
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const scenario = `users=2000;seed=1;now=${now}`;
  const mockServer = createServer((req, res) => void listener(req, res));
  await new Promise((resolve) => mockServer.listen(0, '127.0.0.1', resolve));
  // its own id: the same tenant, but the endpoint's requests are logged apart from the page's
  const upstream = `http://127.0.0.1:${mockServer.address().port}/mock/${scenario};id=endpoint-upstream`;

  await import(pathToFileURL(path.join(root, 'endpoint/scripts/build.mjs')).href);
  const api = await import(pathToFileURL(path.join(root, 'endpoint/dist/index.js')).href);
  const db = await api.openStore({ dataDir: await mkdtemp(path.join(tmpdir(), 'sspr-wtr-endpoint-')) });
  // two syncs, six days apart: the store has a week of history (the tiles draw it)
  for (const at of [now - 6 * 86_400_000, now]) {
    const sync = await api.runSync({ db, graphUrl: upstream, budget: false, now: () => new Date(at) });
    if (sync?.status !== 'succeeded') throw new Error(`the test endpoint's sync did not succeed: ${JSON.stringify(sync)}`);
  }
  const issuerModule = await startIssuer();
  const issuer = await issuerModule.startTokenIssuer();
  /** One app over the store, listening on loopback; `auth` for the signed-in twin. */
  const serve = async (auth) => {
    const app = await api.buildApp({
      db,
      log: api.createLogger('silent'),
      now: () => new Date(now),
      lastSynced: () => api.lastSynced(db),
      status: () => api.syncStatus(db),
      // every browser test shares one address: the per-viewer limit would throttle the suite
      rateLimitPerMinute: 0,
      auth,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    return app.server.address().port;
  };
  const signInConfig = { SSPR_AUTH: 'entra', SSPR_TENANT_ID: issuerModule.TEST_TENANT, SSPR_AUDIENCE: issuerModule.TEST_APP_ID_URI, SSPR_AUTH_AUTHORITY: issuer.authority };
  const targets = [
    [PREFIX, await serve(undefined)],
    [SIGNED_IN_PREFIX, await serve(api.createAuthenticator(api.readConfig(signInConfig).auth))],
  ];

  const info = JSON.stringify({ endpoint: '/endpoint', signedIn: '/endpoint-signed-in', mock: `/mock/${scenario}`, upstreamLog: `/mock/${scenario};id=endpoint-upstream/$mock/requests`, now });

  /** Koa middleware: /endpoint/… to the endpoint (path and Host kept, so its nextLinks point back here). */
  async function middleware(ctx, next) {
    if (ctx.path === '/endpoint-test.json') {
      ctx.type = 'application/json';
      ctx.body = info;
      return;
    }
    if (ctx.path === '/endpoint-test-token.json') {
      const roles = ctx.query.roles === undefined ? undefined : String(ctx.query.roles).split(',').filter(Boolean);
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ token: await issuer.sign({ version: 'v1', roles }) });
      return;
    }
    const target = targets.find(([prefix]) => ctx.path.startsWith(prefix));
    if (!target) return next();
    ctx.respond = false;
    await new Promise((resolve) => {
      const headers = { ...ctx.req.headers };
      delete headers.connection;
      delete headers['keep-alive'];
      const upstreamRequest = httpRequest({ host: '127.0.0.1', port: target[1], path: ctx.req.url, method: ctx.req.method, headers }, (answer) => {
        ctx.res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(ctx.res);
        answer.on('end', resolve);
        answer.on('error', resolve);
      });
      upstreamRequest.on('error', () => {
        if (ctx.res.headersSent) ctx.res.destroy();
        else ctx.res.writeHead(502).end();
        resolve();
      });
      ctx.res.on('close', () => {
        upstreamRequest.destroy();
        resolve();
      });
      ctx.req.pipe(upstreamRequest);
    });
  }
  return { middleware };
}
