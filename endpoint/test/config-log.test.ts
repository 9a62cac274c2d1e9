import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { ConfigError, readConfig } from '../src/config.js';
import { createLogger, withoutPassword } from '../src/log.js';

test('defaults: real Graph, the embedded database, loopback, hourly sync', () => {
  const config = readConfig({});
  assert.equal(config.graphUrl, 'https://graph.microsoft.com');
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.port, 8090);
  assert.equal(config.syncIntervalSeconds, 3600);
});

test('bad settings stop the start with a message naming the variable', () => {
  assert.throws(() => readConfig({ SSPR_PORT: '80a' }), (e: unknown) => e instanceof ConfigError && /SSPR_PORT must be a whole number/.test(e.message));
  assert.throws(() => readConfig({ SSPR_GRAPH_URL: 'graph.microsoft.com' }), /SSPR_GRAPH_URL must be an absolute URL/);
  assert.throws(() => readConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL has an unsupported scheme/);
  assert.throws(() => readConfig({ DATABASE_URL: 'host=db password=hunter2' }), (e: Error) => /DATABASE_URL must be an absolute URL/.test(e.message) && !e.message.includes('hunter2'), 'a password is never repeated');
  assert.throws(() => readConfig({ SSPR_SYNC_INTERVAL: '-5' }), /SSPR_SYNC_INTERVAL/);
  assert.throws(() => readConfig({ SSPR_LOG_LEVEL: 'loud' }), /SSPR_LOG_LEVEL must be one of/);
});

test('viewer sign-in and the production settings: defaults, and bad values named', () => {
  const config = readConfig({});
  assert.deepEqual(config.auth, { mode: 'none' });
  assert.deepEqual(config.corsOrigins, []);
  assert.equal(config.rateLimitPerMinute, 600);
  assert.equal(config.readyMaxAgeSeconds, 7200, 'twice the sync interval');
  const entra = readConfig({ SSPR_AUTH: 'entra', SSPR_TENANT_ID: '8F2B6C1E-4D3A-4B7E-9C55-0A1B2C3D4E5F', SSPR_AUDIENCE: 'api://sspr-insights, c0ffee00-1234-4abc-8def-0123456789ab' });
  assert.deepEqual(entra.auth, {
    mode: 'entra',
    tenantId: '8f2b6c1e-4d3a-4b7e-9c55-0a1b2c3d4e5f',
    audiences: ['api://sspr-insights', 'c0ffee00-1234-4abc-8def-0123456789ab'],
    authority: 'https://login.microsoftonline.com',
    requiredRole: 'SSPR.Insights.Read',
    requiredGroup: undefined,
  });
  const proxy = readConfig({ SSPR_AUTH: 'proxy', SSPR_TRUSTED_PROXIES: '10.0.0.5, 10.1.0.0/16, ::1', SSPR_PROXY_USER_HEADER: 'X-Auth-Request-Email' });
  assert.equal(proxy.auth.mode === 'proxy' && proxy.auth.userHeader, 'x-auth-request-email');
  assert.deepEqual(proxy.auth.mode === 'proxy' && proxy.auth.trustedProxies, ['10.0.0.5', '10.1.0.0/16', '::1']);
  assert.deepEqual(readConfig({ SSPR_CORS_ORIGINS: 'https://intranet.contoso.example, http://localhost:5173' }).corsOrigins, ['https://intranet.contoso.example', 'http://localhost:5173']);

  assert.throws(() => readConfig({ SSPR_AUTH: 'basic' }), /SSPR_AUTH must be none, entra or proxy/);
  assert.throws(() => readConfig({ SSPR_AUTH: 'entra', SSPR_AUDIENCE: 'api://x' }), /needs SSPR_TENANT_ID/);
  assert.throws(() => readConfig({ SSPR_AUTH: 'entra', SSPR_TENANT_ID: 'contoso.onmicrosoft.com', SSPR_AUDIENCE: 'api://x' }), /a GUID\), not 'contoso/);
  assert.throws(() => readConfig({ SSPR_AUTH: 'entra', SSPR_TENANT_ID: '8f2b6c1e-4d3a-4b7e-9c55-0a1b2c3d4e5f' }), /needs SSPR_AUDIENCE/);
  assert.throws(() => readConfig({ SSPR_AUTH: 'proxy' }), /needs SSPR_TRUSTED_PROXIES/);
  assert.throws(() => readConfig({ SSPR_AUTH: 'proxy', SSPR_TRUSTED_PROXIES: '10.0.0.0/33' }), /'10\.0\.0\.0\/33' is not an IP address or CIDR range/);
  assert.throws(() => readConfig({ SSPR_AUTH: 'proxy', SSPR_TRUSTED_PROXIES: 'proxy.local' }), /not an IP address/);
  assert.throws(() => readConfig({ SSPR_AUTH: 'proxy', SSPR_TRUSTED_PROXIES: '10.0.0.1', SSPR_PROXY_USER_HEADER: 'x user' }), /SSPR_PROXY_USER_HEADER must be an HTTP header name/);
  assert.throws(() => readConfig({ SSPR_CORS_ORIGINS: 'https://intranet.contoso.example/page' }), /is not an origin/);
  assert.throws(() => readConfig({ SSPR_CORS_ORIGINS: '*' }), /'\*' is not an origin/);
  assert.throws(() => readConfig({ SSPR_RATE_LIMIT: 'lots' }), /SSPR_RATE_LIMIT/);
  assert.throws(() => readConfig({ SSPR_AUTH: 'proxy', SSPR_TRUSTED_PROXIES: '0.0.0.0/0' }), /too wide a range/);
  assert.throws(() => readConfig({ SSPR_AUTH: 'proxy', SSPR_TRUSTED_PROXIES: '::/0' }), /too wide a range/);
  const entraEnv = { SSPR_AUTH: 'entra', SSPR_TENANT_ID: '8f2b6c1e-4d3a-4b7e-9c55-0a1b2c3d4e5f', SSPR_AUDIENCE: 'api://x' };
  assert.throws(() => readConfig({ ...entraEnv, SSPR_AUTH_AUTHORITY: 'http://login.example.com' }), /must be an https URL/);
  assert.equal(readConfig({ ...entraEnv, SSPR_AUTH_AUTHORITY: 'http://127.0.0.1:4000' }).auth.mode, 'entra', 'a loopback stand-in (tests) may be plain HTTP');
});

test('logs never carry a token, a secret or a database password', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = createLogger('info', sink);
  log.info({ req: { headers: { authorization: 'Bearer eyJ.secret.token', cookie: 'a=b' } } }, 'request');
  log.info({ token: 'tok-123', credential: { clientSecret: 'shh-456' }, options: { password: 'pw-789' } }, 'settings');
  log.info({ config: { databaseUrl: 'postgres://u:pw-000@db/x' } }, 'config');
  const text = lines.join('');
  for (const secret of ['eyJ.secret.token', 'a=b', 'tok-123', 'shh-456', 'pw-789', 'pw-000']) assert.ok(!text.includes(secret), secret);
  assert.match(text, /\[redacted\]/);
  assert.equal(withoutPassword('postgres://u:pw@db:5432/x'), 'postgres://u:***@db:5432/x');
  assert.equal(withoutPassword('postgres://u@db/x?password=pw&sslmode=require'), 'postgres://u@db/x?password=***&sslmode=require');
});
