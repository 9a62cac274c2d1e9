/**
 * PostgreSQL stopped for real under a serving endpoint: a tenant synced into the bench's database,
 * the server as `serve` runs it in a process of its own (load-server.ts), 20 viewers asking the
 * table's and the dashboard's routes in loops, then `pg_ctlcluster … stop` (fast: sessions ended,
 * new connections refused) for 30 s and `… start`. Counts the answers by status while it was down
 * (each should be Graph's 503 with Retry-After, none a 500, none missing), whether the server
 * process lived, and the time from PostgreSQL back to the first 200. PostgreSQL is started again in
 * every case (finally, and on SIGINT / SIGTERM). Needs root and a local Debian cluster
 * (pg_ctlcluster) answering at --postgres-url. Writes its figures as JSON to --out.
 */
import { execFile, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { stats, type LatencyStats } from './latency.js';
import { DASHBOARD_ROUTES, TABLE_QUERIES } from './load-mix.js';
import { startServerProcess, type LoggedProblem, type ServerProcess } from './load-process.js';
import { buildServedStore, type ServedStore } from './load-store.js';
import { postgresAnswers } from '../scripts/postgres-answers.mjs';

const run = promisify(execFile);

export interface OutageAnswer {
  /** ms since the traffic began, when the request was sent. */
  at: number;
  ms: number;
  route: string;
  status?: number;
  retryAfter?: string | null;
  code?: string;
  failure?: string;
}

export interface OutageCounts {
  answers: number;
  ok: number;
  /** Graph's 503 serviceNotAvailable with a Retry-After. */
  unavailable: number;
  /** Any other status (a 500 above all), or a 503 without Retry-After / in another shape. */
  otherStatus: Record<string, number>;
  /** No answer: refused, reset, or past the bound. */
  noAnswer: number;
  latency: LatencyStats;
}

export interface OutageResult {
  version: string;
  cluster: string;
  tenant: ServedStore['tenant'];
  loops: number;
  routes: string[];
  boundMs: number;
  /** How long PostgreSQL was down: from `stop` issued to `start` returned. */
  downMs: number;
  stopCommandMs: number;
  startCommandMs: number;
  before: OutageCounts;
  during: OutageCounts;
  after: OutageCounts;
  /** From `start` returned (PostgreSQL accepting connections) to the first 200 served from the database. */
  backToFirstOkMs: number | undefined;
  /** … to every route answering 200 again. */
  backToAllOkMs: number | undefined;
  /** What viewers saw: from the first answer that was not a 200 to the first 200 from the database after. */
  viewerOutageMs: number | undefined;
  /** A direct connection's view: from `start` returned until a new connection answers `SELECT 1`. */
  backToConnectMs: number | undefined;
  probes: { healthzDuring: Record<string, number>; readyzDuring: Record<string, number> };
  /** What the server logged at warn and above, by message and error code. */
  logged: Record<string, number>;
  crashed?: ServerProcess['crashed'];
}

const { values } = parseArgs({
  options: {
    'postgres-url': { type: 'string' },
    users: { type: 'string', default: '20000' },
    events: { type: 'string', default: '3000' },
    now: { type: 'string' },
    out: { type: 'string' },
    seconds: { type: 'string', default: '30' },
    loops: { type: 'string', default: '20' },
  },
});
const postgresUrl = values['postgres-url']!;
const downFor = Number(values.seconds) * 1000;
const loops = Number(values.loops);
const BOUND_MS = 10_000;
const started = performance.now();
const log = (message: string) => console.log(`[outage ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The Debian cluster serving `url`'s port: "15 main". */
async function findCluster(url: string): Promise<{ version: string; name: string }> {
  const { hostname, port } = new URL(url);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(hostname)) throw new Error(`the outage needs a local PostgreSQL, not ${hostname}`);
  if (process.getuid?.() !== 0) throw new Error('the outage stops PostgreSQL with pg_ctlcluster: run it as root');
  const { stdout } = await run('pg_lsclusters', ['--no-header']);
  const want = port || '5432';
  for (const line of stdout.split('\n')) {
    const [version, name, clusterPort, status] = line.trim().split(/\s+/);
    if (clusterPort === want && status === 'online') return { version: version!, name: name! };
  }
  throw new Error(`no online cluster on port ${want} in pg_lsclusters:\n${stdout}`);
}

const ROUTES = [
  ...TABLE_QUERIES.slice(0, 2).map((q) => q.path),
  ...DASHBOARD_ROUTES.map((r) => r.path),
];
/** Answered from the summary cache, not the database: its 200s say nothing about the database. */
const CACHED = new Set(DASHBOARD_ROUTES.filter((r) => /usersRegisteredBy/.test(r.path)).map((r) => r.path));

function traffic(base: string) {
  const answers: OutageAnswer[] = [];
  const probes: { at: number; path: string; status: number | string }[] = [];
  const t0 = performance.now();
  let running = true;
  const loop = async (offset: number) => {
    for (let i = offset; running; i++) {
      const route = ROUTES[i % ROUTES.length]!;
      const at = performance.now() - t0;
      const answer: OutageAnswer = { at, ms: 0, route };
      try {
        const response = await fetch(`${base}/${route}`, { signal: AbortSignal.timeout(BOUND_MS) });
        const text = await response.text();
        let code: string | undefined;
        if (response.status !== 200) code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
        Object.assign(answer, { status: response.status, retryAfter: response.headers.get('retry-after'), code });
      } catch (error) {
        const e = error as Error & { cause?: Error };
        answer.failure = e.name === 'TimeoutError' ? `no answer within ${BOUND_MS} ms` : `${e.message}${e.cause ? `: ${e.cause.message}` : ''}`;
      }
      answer.ms = performance.now() - t0 - at;
      answers.push(answer);
      // a steady stream, not a flood: ~20 requests/s per loop when answers are quick
      await sleep(50);
    }
  };
  const probeLoop = async () => {
    const origin = new URL(base).origin;
    while (running) {
      for (const path of ['/healthz', '/readyz']) {
        const at = performance.now() - t0;
        const status = await fetch(`${origin}${path}`, { signal: AbortSignal.timeout(BOUND_MS) }).then(
          async (r) => (await r.arrayBuffer(), r.status),
          (e: Error) => e.name,
        );
        probes.push({ at, path, status });
      }
      await sleep(250);
    }
  };
  const all = [...Array.from({ length: loops }, (_, i) => loop(i)), probeLoop()];
  return {
    answers,
    probes,
    elapsed: () => performance.now() - t0,
    async stop() {
      running = false;
      await Promise.all(all);
    },
  };
}

function counts(answers: OutageAnswer[]): OutageCounts {
  const otherStatus: Record<string, number> = {};
  let ok = 0;
  let unavailable = 0;
  let noAnswer = 0;
  for (const a of answers) {
    if (a.failure) noAnswer++;
    else if (a.status === 200) ok++;
    else if (a.status === 503 && a.code === 'serviceNotAvailable' && a.retryAfter) unavailable++;
    else {
      const key = `${a.status} ${a.code ?? ''}${a.status === 503 && !a.retryAfter ? ' (no Retry-After)' : ''}`.trim();
      otherStatus[key] = (otherStatus[key] ?? 0) + 1;
    }
  }
  return { answers: answers.length, ok, unavailable, otherStatus, noAnswer, latency: stats(answers.length ? answers.map((a) => a.ms) : [0]) };
}


const tally = (items: (string | number)[]) => items.reduce<Record<string, number>>((t, k) => ((t[String(k)] = (t[String(k)] ?? 0) + 1), t), {});

const cluster = await findCluster(postgresUrl);
const ctl = (action: 'stop' | 'start') => ['--skip-systemctl-redirect', cluster.version, cluster.name, action];
let stopped = false;
/** PostgreSQL started again, whatever happened; synchronous, so it works from a signal handler too. */
const ensureStarted = () => {
  if (!stopped) return;
  const result = spawnSync('pg_ctlcluster', ctl('start'), { encoding: 'utf8' });
  // "already running" is fine: someone (or the happy path) started it
  if (result.status !== 0 && !/already running/i.test(`${result.stderr}${result.stdout}`)) {
    console.error(`could not start PostgreSQL again: pg_ctlcluster ${ctl('start').join(' ')}: ${result.stderr}`);
  } else stopped = false;
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    ensureStarted();
    process.exit(130);
  });
}

log(`cluster ${cluster.version}/${cluster.name}; building the store`);
const store = await buildServedStore('postgres', { users: Number(values.users), events: Number(values.events), now: new Date(values.now!), postgresUrl }, log);
let server: ServerProcess | undefined;
try {
  server = await startServerProcess({ env: { ...store.env, SSPR_RATE_LIMIT: '0' }, keepProblems: true });
  const base = `${server.url}/graph`;
  for (const route of ROUTES) {
    const response = await fetch(`${base}/${route}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${route}: ${response.status} before the outage`);
  }
  const load = traffic(base);
  await sleep(5000);
  const stopAt = load.elapsed();
  log(`stopping PostgreSQL under ${loops} viewers`);
  stopped = true;
  await run('pg_ctlcluster', ctl('stop'));
  const stopCommandMs = load.elapsed() - stopAt;
  log(`stopped (${Math.round(stopCommandMs)} ms); down for ${downFor / 1000} s`);
  await sleep(Math.max(0, downFor - stopCommandMs));
  const startAt = load.elapsed();
  await run('pg_ctlcluster', ctl('start'));
  stopped = false;
  const backAt = load.elapsed();
  log(`started again (${Math.round(backAt - startAt)} ms)`);
  let backToConnectMs: number | undefined;
  for (let i = 0; i < 100; i++) {
    if (await postgresAnswers(postgresUrl)) {
      backToConnectMs = load.elapsed() - backAt;
      break;
    }
    await sleep(100);
  }
  const okAfter = (route: string) => load.answers.find((a) => a.route === route && a.at >= backAt && a.status === 200);
  while (ROUTES.some((route) => !okAfter(route)) && load.elapsed() - backAt < 30_000) await sleep(100);
  await sleep(5000);
  await load.stop();
  const { answers, probes } = load;

  const during = answers.filter((a) => a.at >= stopAt && a.at < backAt);
  const firstOk = answers.filter((a) => a.at >= backAt && a.status === 200 && !CACHED.has(a.route)).sort((a, b) => a.at + a.ms - (b.at + b.ms))[0];
  const allOk = ROUTES.map(okAfter);
  const firstBad = answers.filter((a) => a.at >= stopAt && a.status !== 200).sort((a, b) => a.at + a.ms - (b.at + b.ms))[0];
  const probesDuring = probes.filter((p) => p.at >= stopAt + stopCommandMs && p.at < startAt);
  const result: OutageResult = {
    version: store.version,
    cluster: `${cluster.version}/${cluster.name}`,
    tenant: store.tenant,
    loops,
    routes: ROUTES,
    boundMs: BOUND_MS,
    downMs: backAt - stopAt,
    stopCommandMs,
    startCommandMs: backAt - startAt,
    before: counts(answers.filter((a) => a.at < stopAt)),
    during: counts(during),
    after: counts(answers.filter((a) => a.at >= backAt)),
    backToFirstOkMs: firstOk ? firstOk.at + firstOk.ms - backAt : undefined,
    backToAllOkMs: allOk.every(Boolean) ? Math.max(...allOk.map((a) => a!.at + a!.ms)) - backAt : undefined,
    viewerOutageMs: firstBad && firstOk ? firstOk.at + firstOk.ms - (firstBad.at + firstBad.ms) : undefined,
    backToConnectMs,
    probes: {
      healthzDuring: tally(probesDuring.filter((p) => p.path === '/healthz').map((p) => p.status)),
      readyzDuring: tally(probesDuring.filter((p) => p.path === '/readyz').map((p) => p.status)),
    },
    logged: tally(server.problems.map((p: LoggedProblem) => `${p.msg}${p.err ? `: ${p.err}` : ''}`)),
    ...(server.crashed ? { crashed: server.crashed } : {}),
  };
  log(`during: ${JSON.stringify({ ...result.during, latency: undefined })}; back → first 200: ${Math.round(result.backToFirstOkMs ?? NaN)} ms; crashed: ${server.crashed ? 'yes' : 'no'}`);
  await writeFile(values.out!, JSON.stringify(result, null, 2));
} finally {
  ensureStarted();
  await server?.stop().catch(() => {});
  await store.dispose().catch((e: unknown) => console.error(`dropping the bench database failed: ${String(e)}`));
}
