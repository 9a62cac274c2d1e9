/**
 * The endpoint under load at the bench's 500,000-user tenant: the store synced the bench's way
 * (load-store.ts), the server as `serve` runs it in a process of its own (load-server.ts), then
 * autocannon on loopback from this process — 50 connections for 60 s, half of them audit tables
 * paging filtered users reports by their nextLinks, half dashboards loading their routes
 * (load-mix.ts), each connection a viewer of its own with its own bearer token when sign-in is on
 * (`--auth=entra`, the default: tokens from a loopback stand-in for Entra ID, verified by the server
 * as in production; `--auth=none`: no sign-in). The per-viewer rate limit is off unless
 * `--rate-limit=N` (requests per minute per viewer) is given: at full speed each viewer asks far more
 * than a person does. Writes its figures as JSON to --out.
 */
import type { Result } from 'autocannon';
import autocannon from 'autocannon';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startTokenIssuer, TEST_CLIENT_ID, TEST_TENANT, type TokenIssuer } from '../test/support/token-issuer.js';
import type { Backend } from './bench-db.js';
import { stats, type LatencyStats } from './latency.js';
import { DASHBOARD_ROUTES, newRecorder, setupViewers, TABLE_QUERIES, type MixRecorder, type Sample } from './load-mix.js';
import { cpuSecondsBetween, cpuSecondsOf, machineBusySeconds, startServerProcess, type ServerMemory, type ServerProcess } from './load-process.js';
import { buildServedStore, type ServedStore } from './load-store.js';

export type SignIn = 'entra' | 'none';

export interface LoadRun {
  label: string;
  connections: number;
  durationS: number;
  /** Requests per second per connection (0: as fast as answered). */
  connectionRate: number;
  /** Every answer, whatever its status. */
  requests: number;
  requestsPerSecond: number;
  /** Every request, timed by the load generator (load-mix.ts), whatever its status. */
  latency: LatencyStats;
  /** autocannon's own histogram (2xx only, 1 ms steps), when the run was one autocannon instance. */
  autocannonLatency?: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  bytesPerSecond: number;
  /** Per kind of viewer. */
  kinds: Record<Sample['kind'], LatencyStats & { connections: number; errors: number }>;
  /** Table viewers: pages read, and walks to a query's last page. */
  pages: number;
  walks: number;
  unreadable: number;
  slowest: MixRecorder['slowest'];
  /** Cores busy on average during the run (CPU seconds per second). */
  cpu: { server: number; loadGenerator: number; postgres?: number; /** every process of the machine */ machine: number };
}

export interface LoadResult {
  backend: Backend;
  version: string;
  tenant: ServedStore['tenant'];
  syncMs: number;
  signIn: { mode: SignIn; viewers: number; withoutToken?: number };
  rateLimitPerMinute: number;
  tableQueries: string[];
  dashboardRoutes: string[];
  warmup: LoadRun;
  runs: LoadRun[];
  memory: { started: ServerMemory; beforeLoad: ServerMemory; after: ServerMemory };
  /** Set when the server exited by itself. */
  crashed?: ServerProcess['crashed'];
}

const { values } = parseArgs({
  options: {
    backend: { type: 'string' },
    'postgres-url': { type: 'string' },
    users: { type: 'string' },
    events: { type: 'string' },
    now: { type: 'string' },
    out: { type: 'string' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '5' },
    auth: { type: 'string', default: 'entra' },
    'rate-limit': { type: 'string', default: '0' },
    /** A second, paced run: requests per second per connection (0: none). */
    'paced-rate': { type: 'string', default: '0' },
    'paced-duration': { type: 'string', default: '30' },
    /** A folder: the server's V8 CPU profile is written there when it stops. */
    'cpu-prof': { type: 'string' },
  },
});
const backend = values.backend as Backend;
const signIn = values.auth as SignIn;
if (signIn !== 'entra' && signIn !== 'none') throw new Error(`--auth must be entra or none, not ${values.auth}`);
const connections = Number(values.connections);
const rateLimit = Number(values['rate-limit']);
const started = performance.now();
const log = (message: string) => console.log(`[load ${backend} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

async function get(url: string, token: string | undefined): Promise<number> {
  const response = await fetch(url, { headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  await response.arrayBuffer();
  return response.status;
}

/** Waits until the server answers a cheap route quickly again (at most 10 s), then a second more. */
async function settle(base: string, token: string | undefined): Promise<void> {
  const t0 = performance.now();
  while (performance.now() - t0 < 10_000) {
    const t = performance.now();
    await get(`${base}/${DASHBOARD_ROUTES[0]!.path}`, token);
    if (performance.now() - t < 20) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

/**
 * One run of the mix. In a paced run (`connectionRate` > 0) each connection is an autocannon run of
 * its own, started 1/connections of a second after the one before: autocannon paces a connection by
 * whole seconds from its creation, so one instance would send every connection's request in the same
 * instant, a burst each second, where independent viewers arrive spread out.
 */
async function runLoad(label: string, base: string, tokens: string[] | undefined, durationS: number, connectionRate: number): Promise<LoadRun> {
  // the run before left requests in the server (autocannon drops its connections at the end, the
  // server still answers what they asked): they must not queue ahead of this run's first requests
  await settle(base, tokens?.[0]);
  const recorder: MixRecorder = newRecorder();
  const origin = new URL(base).origin;
  const groups = connectionRate > 0 ? connections : 1;
  const cpu0 = { server: await server!.memory(), own: process.cpuUsage(), postgres: await cpuSecondsOf('postgres'), machine: await machineBusySeconds() };
  const t0 = performance.now();
  const results: Result[] = await Promise.all(
    Array.from({ length: groups }, async (_, g) => {
      const first = Math.floor((g * connections) / groups);
      const size = Math.floor(((g + 1) * connections) / groups) - first;
      await new Promise((resolve) => setTimeout(resolve, (g * 1000) / groups));
      return autocannon({
        url: origin,
        connections: size,
        duration: durationS,
        ...(connectionRate > 0 ? { connectionRate, ignoreCoordinatedOmission: true } : {}),
        timeout: 10,
        setupClient: setupViewers({ base, tokens, recorder, first }),
      });
    }),
  );
  const wallS = (performance.now() - t0) / 1000;
  const cpu1 = { server: await server!.memory(), own: process.cpuUsage(cpu0.own), postgres: await cpuSecondsOf('postgres'), machine: await machineBusySeconds() };
  const kinds = {} as LoadRun['kinds'];
  for (const kind of ['table', 'dashboard'] as const) {
    const mine = recorder.samples.filter((s) => s.kind === kind);
    // connections 0, 2, 4… are tables, 1, 3, 5… dashboards (load-mix.ts)
    const ofKind = kind === 'table' ? Math.ceil(connections / 2) : Math.floor(connections / 2);
    kinds[kind] = { ...stats(mine.length ? mine.map((s) => s.ms) : [0]), connections: ofKind, errors: mine.filter((s) => s.status !== 200).length };
  }
  const sum = (f: (r: Result) => number) => results.reduce((n, r) => n + f(r), 0);
  const statusCodes: Record<string, number> = {};
  for (const r of results) for (const [code, v] of Object.entries(r.statusCodeStats)) statusCodes[code] = (statusCodes[code] ?? 0) + v.count;
  const requests = sum((r) => r.requests.total);
  const single = results.length === 1 ? results[0]!.latency : undefined;
  return {
    label,
    connections,
    durationS,
    connectionRate,
    requests,
    requestsPerSecond: requests / durationS,
    latency: stats(recorder.samples.length ? recorder.samples.map((s) => s.ms) : [0]),
    ...(single ? { autocannonLatency: { p50: single.p50, p99: single.p99, max: single.max } } : {}),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    statusCodes,
    bytesPerSecond: sum((r) => r.throughput.total) / durationS,
    kinds,
    pages: recorder.pages,
    walks: recorder.walks,
    unreadable: recorder.unreadable,
    slowest: recorder.slowest,
    cpu: {
      server: (cpu1.server.cpuUser + cpu1.server.cpuSystem - cpu0.server.cpuUser - cpu0.server.cpuSystem) / 1e6 / wallS,
      loadGenerator: (cpu1.own.user + cpu1.own.system) / 1e6 / wallS,
      ...(backend === 'postgres' ? { postgres: cpuSecondsBetween(cpu0.postgres, cpu1.postgres) / wallS } : {}),
      machine: (cpu1.machine - cpu0.machine) / wallS,
    },
  };
}

const describeRun = (r: LoadRun): string =>
  `${describeFigures(r)}\n  slowest: ${r.slowest.map((s) => `${s.label} ${Math.round(s.ms)} ms (${s.status})`).join('; ')}`;
const describeFigures = (r: LoadRun) =>
  `${r.label}: ${Math.round(r.requestsPerSecond)} requests/s, p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms, max ${r.latency.max.toFixed(1)} ms; ` +
  `table p99 ${r.kinds.table.p99.toFixed(1)} ms, dashboard p99 ${r.kinds.dashboard.p99.toFixed(1)} ms; non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}; ` +
  `cores busy: server ${r.cpu.server.toFixed(2)}, load generator ${r.cpu.loadGenerator.toFixed(2)}${r.cpu.postgres !== undefined ? `, PostgreSQL ${r.cpu.postgres.toFixed(2)}` : ''}, machine ${r.cpu.machine.toFixed(2)}`;

const store = await buildServedStore(
  backend,
  { users: Number(values.users), events: Number(values.events), now: new Date(values.now!), postgresUrl: values['postgres-url']! },
  log,
);
let issuer: TokenIssuer | undefined;
let server: ServerProcess | undefined;
try {
  let tokens: string[] | undefined;
  const env: Record<string, string> = { ...store.env, SSPR_RATE_LIMIT: String(rateLimit) };
  if (signIn === 'entra') {
    issuer = await startTokenIssuer();
    Object.assign(env, { SSPR_AUTH: 'entra', SSPR_TENANT_ID: TEST_TENANT, SSPR_AUDIENCE: TEST_CLIENT_ID, SSPR_AUTH_AUTHORITY: issuer.authority });
    // one viewer per connection: a distinct oid each (the rate limit and the log key on it)
    tokens = await Promise.all(
      Array.from({ length: connections }, (_, i) => issuer!.sign({ oid: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`, name: `Load viewer ${i + 1}` })),
    );
  }
  server = await startServerProcess({ env, cpuProfileDir: values['cpu-prof'] });
  const base = `${server.url}/graph`;
  const memoryStarted = await server.memory();
  log(`server ${server.pid} at ${server.url} (sign-in: ${signIn}, rate limit: ${rateLimit || 'off'}), RSS ${Math.round(memoryStarted.rss / 2 ** 20)} MiB`);

  // every route once, as one viewer: each must answer (and the summaries get computed, as the first view after a sync does)
  let withoutToken: number | undefined;
  for (const route of [...TABLE_QUERIES, ...DASHBOARD_ROUTES]) {
    const status = await get(`${base}/${route.path}`, tokens?.[0]);
    if (status !== 200) throw new Error(`${route.label}: ${status} before the load`);
  }
  if (tokens) {
    withoutToken = await get(`${base}/${DASHBOARD_ROUTES[0]!.path}`, undefined);
    if (withoutToken !== 401) throw new Error(`sign-in is on, yet a request without a token got ${withoutToken}`);
  }
  const warmup = await runLoad('warm-up', base, tokens, Number(values.warmup), 0);
  log(describeRun(warmup));
  const beforeLoad = await server.memory();
  const runs = [await runLoad(`${connections} connections, as fast as answered`, base, tokens, Number(values.duration), 0)];
  log(describeRun(runs[0]!));
  const pacedRate = Number(values['paced-rate']);
  if (pacedRate > 0) {
    runs.push(await runLoad(`${connections} connections, ${pacedRate} requests/s each`, base, tokens, Number(values['paced-duration']), pacedRate));
    log(describeRun(runs[1]!));
  }
  const after = await server.memory();
  log(`server RSS: ${Math.round(beforeLoad.rss / 2 ** 20)} MiB before, ${Math.round(after.rss / 2 ** 20)} MiB after, peak ${Math.round((after.vmHwm ?? 0) / 2 ** 20)} MiB`);
  const result: LoadResult = {
    backend,
    version: store.version,
    tenant: store.tenant,
    syncMs: store.sync.wallMs,
    signIn: { mode: signIn, viewers: tokens ? connections : 1, withoutToken },
    rateLimitPerMinute: rateLimit,
    tableQueries: TABLE_QUERIES.map((q) => q.label),
    dashboardRoutes: DASHBOARD_ROUTES.map((r) => r.label),
    warmup,
    runs,
    memory: { started: memoryStarted, beforeLoad, after },
    ...(server.crashed ? { crashed: server.crashed } : {}),
  };
  if (server.crashed) throw new Error(`the server exited during the load: ${JSON.stringify(server.crashed)}`);
  await writeFile(values.out!, JSON.stringify(result, null, 2));
  log('done');
} finally {
  await server?.stop().catch(() => {});
  await issuer?.close().catch(() => {});
  await store.dispose();
}
