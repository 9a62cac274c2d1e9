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
