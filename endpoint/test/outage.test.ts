/**
 * PostgreSQL going away under a serving endpoint, and coming back: through a loopback proxy that is
 * cut for a few seconds while a few viewers keep asking. Every answer that fails is Graph's 503 with
 * Retry-After (never a 500, never a hang), the process lives on, and once the database answers again
 * the same app serves the same rows, with nothing restarted. PostgreSQL only: PGlite runs inside the
 * process and has no connection to lose.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createTenant } from '../../src/mock/tenant.js';
import { createLogger } from '../src/log.js';
import { buildApp, type EndpointApp } from '../src/serve/app.js';
import type { Db } from '../src/store/db.js';
import { openPostgres } from '../src/store/postgres-db.js';
import { startCutProxy, type CutMode, type CutProxy } from './support/cut-proxy.js';
import { ALL_SYNCED, fetchAllPages } from './support/endpoint-app.js';
import { loadTenant } from './support/load-tenant.js';
import { MOCK_NOW } from './support/mock-graph.js';
import { openTestDb, testBackend, type TestDb } from './support/test-db.js';

// PostgreSQL only (not registered on PGlite, as in sync-crash.test.ts): PGlite runs in the process and has no connection to cut
const onPostgres = testBackend() === 'postgres';

const USERS = 'v1.0/reports/authenticationMethods/userRegistrationDetails';
/** What a viewer's page asks for over and over: table pages (SQL each time) and a cached summary. */
const ROUTES = [
  `${USERS}?$filter=isMfaCapable eq false`,
  `${USERS}?$orderby=userPrincipalName`,
  'beta/reports/authenticationMethods/userEventsSummary',
  "v1.0/auditLogs/directoryAudits?$filter=loggedByService eq 'Self-service Password Management'",
  'beta/reports/authenticationMethods/userPasswordResetsAndChangesSummary',
  'v1.0/reports/authenticationMethods/usersRegisteredByFeature',
];
/** No answer may take longer than this, cut or not. */
const ANSWER_BOUND_MS = 2000;
const LOOPS = 4;

interface Answer {
  /** ms since the traffic started, when the request was sent. */
  at: number;
  ms: number;
  route: string;
  status?: number;
  retryAfter?: string | null;
  code?: string;
  /** A request that got no answer at all: refused, reset, or past ANSWER_BOUND_MS. */
  failure?: string;
}

/** `LOOPS` viewers asking the routes in turn, until stopped. */
function traffic(base: string) {
  const answers: Answer[] = [];
  const t0 = performance.now();
  let running = true;
  const loop = async (offset: number) => {
    for (let i = offset; running; i++) {
      const route = ROUTES[i % ROUTES.length]!;
      const at = performance.now() - t0;
      const answer: Answer = { at, ms: 0, route };
      try {
        const response = await fetch(`${base}/${route}`, { signal: AbortSignal.timeout(ANSWER_BOUND_MS) });
        const body = (await response.json()) as { error?: { code?: string } };
        Object.assign(answer, { status: response.status, retryAfter: response.headers.get('retry-after'), code: body.error?.code });
      } catch (error) {
        const e = error as Error & { cause?: Error };
        answer.failure = e.name === 'TimeoutError' ? `no answer within ${ANSWER_BOUND_MS} ms` : `${e.message}${e.cause ? `: ${e.cause.message}` : ''}`;
      }
      answer.ms = performance.now() - t0 - at;
      answers.push(answer);
      // a viewer's page does not hammer: a short pause between requests keeps the counts readable
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const loops = Array.from({ length: LOOPS }, (_, i) => loop(i));
  return {
    answers,
    elapsed: () => performance.now() - t0,
    async stop() {
      running = false;
      await Promise.all(loops);
      return answers;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The first few, described (a long outage makes hundreds). */
const listed = (answers: Answer[]) => answers.slice(0, 6).map(describeAnswer).concat(answers.length > 6 ? [`… ${answers.length - 6} more`] : []);
const describeAnswer = (a: Answer) => `${a.route} at ${Math.round(a.at)} ms: ${a.failure ?? `${a.status} ${a.code ?? ''} (Retry-After ${a.retryAfter})`} after ${Math.round(a.ms)} ms`;

/** What one connection to `port` gets: an echo of `send`, an error, or nothing within `waitMs`. */
async function probe(port: number, send = 'ping', waitMs = 300): Promise<string> {
  const socket: Socket = connect({ host: '127.0.0.1', port });
  let got = '';
  socket.on('data', (chunk) => (got += String(chunk)));
  socket.once('connect', () => socket.write(send));
  const outcome = await Promise.race([
    once(socket, 'error').then(([e]) => `error ${(e as NodeJS.ErrnoException).code}`),
    once(socket, 'close').then(() => (got ? `echo ${got}` : 'closed')),
    sleep(waitMs).then(() => (got ? `echo ${got}` : 'silent')),
  ]);
  socket.destroy();
  return outcome;
}

test('the cut proxy (test support): forwards, refuses, resets, holds, stalls, and forwards again on the same port', async () => {
  const echo = createServer((s) => s.on('error', () => {}).pipe(s));
  echo.listen(0, '127.0.0.1');
  await once(echo, 'listening');
  const proxy = await startCutProxy({ targetPort: (echo.address() as AddressInfo).port });
  try {
    assert.equal(await probe(proxy.port), 'echo ping');
    const open = connect({ host: '127.0.0.1', port: proxy.port });
    open.on('error', () => {});
    await once(open, 'connect');
    const closed = once(open, 'close');
    await proxy.cut('refuse');
    await closed; // an open connection ends with the cut
    assert.equal(await probe(proxy.port), 'error ECONNREFUSED');
    await proxy.restore();
    assert.equal(await probe(proxy.port), 'echo ping', 'the same port, forwarding again');
    await proxy.cut('reset');
    assert.equal(await probe(proxy.port), 'error ECONNRESET');
    await proxy.cut('blackhole');
    assert.equal(await probe(proxy.port), 'silent');
    await proxy.restore();
    const stalled = connect({ host: '127.0.0.1', port: proxy.port });
    stalled.on('error', () => {});
    let echoed = '';
    stalled.on('data', (chunk) => (echoed += String(chunk)));
    await once(stalled, 'connect');
    stalled.write('a');
    while (!echoed) await sleep(10);
    await proxy.cut('stall');
    stalled.write('b');
    await sleep(200);
    assert.equal(echoed, 'a', 'nothing crosses a stalled connection');
    assert.equal(stalled.destroyed, false, 'and it stays open');
    const ended = once(stalled, 'close');
    await proxy.restore();
    await ended; // the restore ends what the cut held
    assert.equal(await probe(proxy.port), 'echo ping');
  } finally {
    await proxy.close();
    echo.close();
  }
});

if (onPostgres) describe(`PostgreSQL going away and coming back under a serving endpoint (${testBackend()})`, () => {
  let db: TestDb;
  let proxy: CutProxy;
  let store: Db;
  let app: EndpointApp;
  let base: string;
  let before200: Map<string, string>;
  const tenant = createTenant({ users: 200, seed: 11, now: MOCK_NOW });

  before(async () => {
    db = await openTestDb();
    await loadTenant(db, tenant);
    const { rows } = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
    proxy = await startCutProxy();
    // the endpoint's own pool, through the proxy, on the test's schema; a connect and a statement
    // get 1 s (the defaults, 5 s and 15 s, would outlast a cut this short), so a cut that answers
    // nothing ends in a 503 well within ANSWER_BOUND_MS
    store = openPostgres({
      connectionString: proxy.url(process.env.SSPR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'),
      schema: rows[0]!.schema,
      max: 4,
      connectTimeoutMs: 1000,
      queryTimeoutMs: 1000,
    });
    // as support/endpoint-app.ts's, with pages of 50 (several per query) and the per-viewer rate
    // limit off: four loops from one address are one viewer, far above 600 a minute
    app = await buildApp({
      db: store,
      log: createLogger('silent'),
      now: () => MOCK_NOW,
      pageSize: 50,
      rateLimitPerMinute: 0,
      lastSynced: async () => ALL_SYNCED,
      status: async () => ({ synced: ALL_SYNCED }),
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graph`;
    before200 = new Map();
    for (const route of ROUTES) before200.set(route, await snapshot(route));
  });
  after(async () => {
    await app?.close();
    await proxy?.restore();
    await store?.close();
    await proxy?.close();
    await db?.close();
  });

  /** Traffic for 0.6 s, the proxy cut for `cutMs`, restored, traffic for up to 3 s more. */
  async function outage(mode: CutMode, cutMs: number) {
    const load = traffic(base);
    await sleep(600);
    const cutAt = load.elapsed();
    await proxy.cut(mode);
    await sleep(cutMs);
    await proxy.restore();
    const restoredAt = load.elapsed();
    const acceptedAtRestore = proxy.accepted;
    // until every route has answered 200 after the restore (or 3 s)
    const recovered = () => ROUTES.every((route) => load.answers.some((a) => a.route === route && a.at >= restoredAt && a.status === 200));
    while (!recovered() && load.elapsed() - restoredAt < 3000) await sleep(50);
    await sleep(300);
    const answers = await load.stop();
    return { answers, cutAt, restoredAt, reconnected: proxy.accepted - acceptedAtRestore };
  }

  function checkOutage({ answers, cutAt, restoredAt, reconnected }: Awaited<ReturnType<typeof outage>>, mode: CutMode, hint = '') {
    const during = answers.filter((a) => a.at >= cutAt && a.at < restoredAt);
    const failures = answers.filter((a) => a.failure);
    assert.deepEqual(listed(failures), [], `${mode}: every request gets an answer within ${ANSWER_BOUND_MS} ms (${failures.length} of ${answers.length} did not)${hint}`);
    const wrong = answers.filter((a) => a.status !== 200 && !(a.status === 503 && a.code === 'serviceNotAvailable' && a.retryAfter === '5'));
    assert.deepEqual(listed(wrong), [], `${mode}: an answer is a 200, or Graph's 503 serviceNotAvailable with Retry-After: 5 (${wrong.length} of ${answers.length} were not)`);
    assert.ok(during.some((a) => a.status === 503), `${mode}: the cut is seen (${during.length} answers during it, none a 503)`);
    const firstOkAfter = answers.find((a) => a.at >= restoredAt && a.status === 200 && a.route !== ROUTES.at(-1));
    assert.ok(firstOkAfter, `${mode}: a query served from the database again after the restore`);
    for (const route of ROUTES) {
      const last = answers.filter((a) => a.route === route).at(-1)!;
      assert.equal(last.status, 200, `${mode}: ${route} answers again by itself: ${describeAnswer(last)}`);
    }
    assert.ok(reconnected > 0, `${mode}: the pool connected again through the restored proxy`);
    return { during: during.length, '503': during.filter((a) => a.status === 503).length, firstOkAfterMs: Math.round(firstOkAfter.at + firstOkAfter.ms - restoredAt) };
  }

  /** A route's whole answer: every page's rows of a collection, the body of a summary. */
  async function snapshot(route: string): Promise<string> {
    const response = await fetch(`${base}/${route}`);
    const body = (await response.json()) as { value?: unknown };
    assert.equal(response.status, 200, `${route}: ${JSON.stringify(body)}`);
    return JSON.stringify(Array.isArray(body.value) ? (await fetchAllPages(`${base}/${route}`)).rows : body);
  }

  async function sameRows() {
    for (const route of ROUTES) assert.ok((await snapshot(route)) === before200.get(route), `${route}: the same rows after the outage`);
  }

  test('refused (PostgreSQL stopped) for 3 s: 503 + Retry-After while cut, no 500, no hang, served again by itself with the same rows', async () => {
    const result = await outage('refuse', 3000);
    const summary = checkOutage(result, 'refuse');
    await sameRows();
    assert.ok(summary.firstOkAfterMs < 1500, `first 200 from the database ${summary.firstOkAfterMs} ms after the restore`);
  });

  test('reset on connect (a gateway in front of a database that is down) for 1 s: the same', async () => {
    const result = await outage('reset', 1000);
    checkOutage(result, 'reset');
    await sameRows();
  });

  // A host that is gone (or a firewall dropping packets) answers nothing: without a connect timeout
  // on the pool (connectionTimeoutMillis) a request would wait on pg's connect as long as the cut lasts.
  test(`unanswered connects (host gone, packets dropped) for 2.5 s: still an answer within ${ANSWER_BOUND_MS} ms`, async () => {
    const result = await outage('blackhole', 2500);
    checkOutage(result, 'blackhole', '; a request waits on the pool\'s connect: connectTimeoutMs (pg\'s connectionTimeoutMillis) does not bound it, or its error is not a 503');
    await sameRows();
  });

  // Established sessions that go silent (a network partition): without a query timeout on the
  // client (query_timeout), a query in flight would wait until the kernel gives up (TCP keepalive
  // takes minutes at best).
  test(`established connections going silent for 2.5 s: still an answer within ${ANSWER_BOUND_MS} ms`, async () => {
    const result = await outage('stall', 2500);
    checkOutage(result, 'stall', '; a query on a silent connection waits: queryTimeoutMs (pg\'s query_timeout) does not bound it, or its error is not a 503');
    await sameRows();
  });
});
