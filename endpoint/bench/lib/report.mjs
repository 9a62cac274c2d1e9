// The bench's figures as Markdown: PGlite and PostgreSQL side by side, then the budget's proof; the
// server under load; PostgreSQL stopped under a serving endpoint. Each phase is a section of
// results.md of its own (between <!-- bench:NAME --> comments), so a phase run alone replaces its
// section and keeps the others.

/** The phases of run.mjs, in the order their sections appear. */
export const PHASES = ['serve', 'load', 'outage'];

const GOAL_MS = 50;
const MiB = 1024 * 1024;

const ms = (v) => (v === undefined ? '' : v < 100 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`);
const sec = (v) => `${(v / 1000).toFixed(1)} s`;
const min = (v) => `${(v / 60_000).toFixed(1)} min`;
const mib = (v) => (v === undefined ? '' : `${(v / MiB).toFixed(0)} MiB`);
const int = (v) => Math.round(v).toLocaleString('en-US');
const spread = (s) => (s ? `${ms(s.p50)} / ${ms(s.p99)} / ${ms(s.max)}` : '');
const SHORT = { userRegistrationDetails: 'users', userEventsSummary: 'events', directoryAudits: 'audits', userPasswordResetsAndChangesSummary: 'days', privilegedRoleMembers: 'privileged members' };
/** Per report, in the sync's order: "users 500,000 / events 75,000 / …". */
const perSource = (r, value) => Object.entries(r.sync.sources).map(([s, v]) => `${SHORT[s] ?? s} ${value(v)}`).join(' / ');

/** One row: a label, then each back end's cell (empty where a back end did not run). */
function row(label, results, cell, goal = '') {
  return `| ${label} | ${results.map((r) => (r ? cell(r) : 'not run')).join(' | ')} | ${goal} |`;
}

function verdict(value) {
  if (value === undefined) return '';
  return value <= GOAL_MS ? `OK: ${ms(value)} ≤ ${GOAL_MS} ms` : `NOT MET: ${ms(value)} > ${GOAL_MS} ms`;
}

/** The users pages of one phase ('pages': as the sync left the store; 'analyzed': after ANALYZE). */
function pageRows(lines, both, phase, postgres) {
  const any = both.find(Boolean);
  for (const [i, page] of (any?.serve[phase] ?? []).entries()) {
    const p = (r) => r.serve[phase][i];
    const goal = (s) => (postgres && page.label.includes(' by ') ? verdict(s(p(postgres)).p99) : '');
    lines.push(row(`${page.label}: first page (${page.rowsPerPage} rows) p50 / p99 / max, n = ${page.first.n}`, both, (r) => spread(p(r).first), goal((m) => m.first)));
    lines.push(row(`… deep pages by nextLink, spread over the chain, n = ${page.deep.n}`, both, (r) => spread(p(r).deep), goal((m) => m.deep)));
    if (phase === 'pages') {
      lines.push(row('… every page once, in order: pages, p50 / p99 / max', both, (r) => `${p(r).walk.pages}${p(r).walk.complete ? '' : ' (walk cut short)'}: ${spread(p(r).walk)}`));
    }
    lines.push(row('… plan of the first page (EXPLAIN ANALYZE)', both, (r) => plan(p(r).firstPlan)));
  }
}

const plan = (p) => `${p.nodes} (${ms(p.executionMs)}${p.detail ? `; ${p.detail}` : ''})`;

/** The sync and serving figures, and the budget's (the `serve` phase). */
export function markdown({ meta, results, budget }) {
  const [pglite, postgres] = [results.pglite, results.postgres];
  const both = [pglite, postgres];
  const lines = [];
  const t = (pglite ?? postgres)?.tenant;
  lines.push(`# Endpoint benchmark: ${meta.date}`);
  lines.push('');
  lines.push(`${meta.machine}; Node ${meta.node}; ${[pglite?.version, postgres?.version].filter(Boolean).join('; ')}.`);
  if (t) lines.push(`Tenant: ${int(t.users)} users, ${int(t.events)} events, ${int(t.audits)} audit entries, ${t.days} days of resets (the mock Graph, in a process of its own on loopback).`);
  for (const note of meta.skipped) lines.push(`\n**${note}**`);
  lines.push('');
  lines.push(`| measure | PGlite (embedded, data folder) | PostgreSQL | goal |`);
  lines.push('|---|---|---|---|');
  lines.push(row('**Sync, budget off**: wall time', both, (r) => sec(r.sync.wallMs)));
  lines.push(row('rows read', both, (r) => perSource(r, (v) => int(v.read))));
  lines.push(row('rows/s', both, (r) => int(r.sync.rowsPerSecond)));
  lines.push(row('Graph requests', both, (r) => `${r.sync.requests}: ${perSource(r, (v) => v.requests)}`));
  lines.push(row('of the wall time, on the wire (mock Graph): total, mean per request', both, (r) => `${sec(r.sync.graphMs)}, ${ms(r.sync.meanLatencyMs)}`));
  lines.push(row('store size after: database (pg_database_size)', both, (r) => mib(r.size.databaseBytes)));
  lines.push(row('of it user_versions / events / audits (with indexes, TOAST)', both, (r) => ['user_versions', 'events', 'audits'].map((n) => mib(r.size.tables[n])).join(' / ')));
  lines.push(row('PGlite data folder on disk (after CHECKPOINT)', both, (r) => mib(r.size.folderBytes) || '—'));
  lines.push(row('**Sync under Graph\'s budget** (5 requests / 10 s): report requests', both, (r) => String(r.budget.requests)));
  lines.push(row('minutes: Graph\'s floor, ⌊(N − 1) / 5⌋ × 10 s', both, (r) => min(r.budget.graphFloorMs)));
  lines.push(row('minutes: this client\'s pacing (+ 2 % margin and the latency per window, mock\'s latency)', both, (r) => min(r.budget.clientMs)));
  lines.push(row('**Serving**, one viewer in sequence: user_versions analyzed when serving began', both, (r) => (r.analyzedBeforeServing ? 'yes' : 'no')));
  pageRows(lines, both, 'pages', postgres);
  for (const [i, route] of ((pglite ?? postgres)?.serve.routes ?? []).entries()) {
    lines.push(row(`${route.label}: p50 / p99 / max, n = ${route.n}`, both, (r) => spread(r.serve.routes[i])));
  }
  for (const [i, c] of ((pglite ?? postgres)?.serve.compute ?? []).entries()) {
    lines.push(row(`computing ${c.label} (a request after a sync): p50 / max, n = ${c.n}`, both, (r) => `${ms(r.serve.compute[i].p50)} / ${ms(r.serve.compute[i].max)}`));
  }
  lines.push(row('**After ANALYZE**, as autovacuum does soon after a large sync (PGlite has no autovacuum): ANALYZE took', both, (r) => sec(r.serve.analyzeMs)));
  pageRows(lines, both, 'analyzed', postgres);
  if (budget) {
    const { tenant, unbudgeted, budgeted, predicted } = budget;
    const error = (budgeted.wallMs - predicted.clientMs) / predicted.clientMs;
    lines.push('');
    lines.push(`**The budget's arithmetic, checked**: a tenant of ${int(tenant.users)} users, ${int(tenant.events)} events and ${int(tenant.audits)} audit entries, served in pages of ${tenant.pageSize}, synced into PGlite (in memory) once with the budget off and once under Graph's real budget (GRAPH_REPORTS_BUDGET, the browser client's limiter):`);
    lines.push('');
    lines.push('| requests | budget off | under the budget, measured | formula | measured − formula | Graph\'s floor |');
    lines.push('|---:|---:|---:|---:|---:|---:|');
    lines.push(`| ${budgeted.requests} | ${sec(unbudgeted.wallMs)} | ${sec(budgeted.wallMs)} | ${sec(predicted.clientMs)} | ${(error * 100).toFixed(1)} % | ${sec(predicted.graphFloorMs)} |`);
  }
  lines.push('');
  lines.push('How the budget figures are computed: the sync sends one request at a time, and the limiter lets request n + 5 go when request n\'s response ended 10 s + a 2 % margin (200 ms) ago. So N requests take ⌊(N − 1) / 5⌋ windows of (10.2 s + a request\'s latency) plus the last group of 1–5 requests back to back (each a request and its store time, from the run with the budget off). Graph\'s own floor is the same windows at 10 s flat; Graph\'s real latency (not the mock\'s) adds to each window. The request count does not depend on the budget: the same pages are read either way.');
  lines.push('');
  lines.push('Latencies are taken at the client, from sending the request to the last byte of the body, over one keep-alive connection, after a warm-up (a tenth of the requests, at least 5); percentiles are nearest-rank, so with n ≤ 100 the p99 is the slowest request. The dashboard\'s summaries are answered from a per-process cache until the next sync; "computing …" is the query itself, what the first view after a sync pays. Serving is measured twice: as the sync left the store (PostgreSQL\'s autovacuum had not analyzed it yet; PGlite has no autovacuum and is never analyzed unless something runs ANALYZE), then after ANALYZE, the state PostgreSQL is in most of the time.');
  lines.push('');
  lines.push(`The mock Graph keeps idle connections open for 10 minutes instead of Node\'s default 5 s: with 5 s, the sync\'s first request after the 500,000-user merge met a connection the mock had just closed ("other side closed"), and the sync failed that report, a network error not being retried. Bench run: ${(meta.totalSeconds / 60).toFixed(1)} min.`);
  return `${lines.join('\n')}\n`;
}

const pct = (n, total) => (total ? `${((100 * n) / total).toFixed(1)} %` : '');
const ints = (record) => Object.entries(record ?? {}).map(([k, v]) => `${k} × ${int(v)}`).join(', ') || 'none';
const msInt = (v) => (v === undefined ? 'never' : v < 10 ? `${v.toFixed(1)} ms` : `${int(v)} ms`);
const zero = (n, what) => (n === 0 ? `OK: no ${what}` : `NOT MET: ${int(n)} ${what}`);

/** The server under load (the `load` phase): PGlite and PostgreSQL side by side. */
export function loadMarkdown({ meta, results }) {
  const both = [results.pglite, results.postgres];
  const any = both.find(Boolean);
  const postgres = results.postgres;
  const lines = [];
  lines.push(`## The server under load: ${meta.date}`);
  lines.push('');
  lines.push(`${meta.machine}; Node ${meta.node}; ${both.filter(Boolean).map((r) => r.version).join('; ')}.`);
  if (any) lines.push(`Tenant: ${int(any.tenant.users)} users, ${int(any.tenant.events)} events, ${int(any.tenant.audits)} audit entries, synced into a store of its own as above, then served by \`serve\`'s own code (serveEndpoint: sign-in, rate limit, request log at info) in a process of its own; autocannon on loopback from the bench's process.`);
  for (const note of meta.skipped ?? []) lines.push(`\n**${note}**`);
  if (!any) return `${lines.join('\n')}\n`;
  lines.push('');
  lines.push('| measure | PGlite (embedded, data folder) | PostgreSQL | goal |');
  lines.push('|---|---|---|---|');
  const signIn = (r) =>
    r.signIn.mode === 'entra'
      ? `Entra ID bearer tokens (a loopback stand-in for the tenant's keys), ${r.signIn.viewers} viewers of distinct oid, one per connection, each token verified; without a token: ${r.signIn.withoutToken}`
      : 'none (every connection is the one loopback viewer)';
  lines.push(row('sign-in', both, signIn));
  lines.push(row('per-viewer rate limit (SSPR_RATE_LIMIT)', both, (r) => (r.rateLimitPerMinute ? `${int(r.rateLimitPerMinute)} requests / min` : 'off (0): at full speed a viewer here asks far more than 600 a minute')));
  for (const [i, first] of any.runs.entries()) {
    const run = (r) => r.runs[i];
    lines.push(row(`**${first.label}**, ${first.durationS.toFixed(0)} s: requests/s (requests)`, both, (r) => `${int(run(r).requestsPerSecond)} (${int(run(r).requests)})`));
    lines.push(row('latency of every request, p50 / p99 / max', both, (r) => spread(run(r).latency), postgres ? verdict(run(postgres).latency.p99) : ''));
    if (first.autocannonLatency) {
      lines.push(row('… autocannon\'s own histogram (2xx, 1 ms steps), p50 / p99 / max', both, (r) => (run(r).autocannonLatency ? `${run(r).autocannonLatency.p50} ms / ${run(r).autocannonLatency.p99} ms / ${run(r).autocannonLatency.max} ms` : '')));
    }
    const table = (r) => run(r).kinds.table;
    lines.push(row(`… the ${first.kinds.table.connections} table viewers: filtered users pages of 1,000 by nextLink, p50 / p99 / max`, both, (r) => `${spread(table(r))} (${int(run(r).pages)} pages, ${int(run(r).walks)} walks to the last)`));
    lines.push(row(`… the ${first.kinds.dashboard.connections} dashboard viewers: the ${any.dashboardRoutes.length} routes in turn, p50 / p99 / max`, both, (r) => spread(run(r).kinds.dashboard)));
    lines.push(row('… the slowest three', both, (r) => (run(r).slowest ?? []).slice(0, 3).map((s) => `${s.label}: ${ms(s.ms)}`).join('; ')));
    const bad = (r) => run(r).non2xx + run(r).errors + run(r).timeouts;
    lines.push(row('non-2xx / errors / timeouts (10 s)', both, (r) => `${int(run(r).non2xx)} / ${int(run(r).errors)} / ${int(run(r).timeouts)}${run(r).non2xx ? ` (${ints(Object.fromEntries(Object.entries(run(r).statusCodes).filter(([c]) => c !== '200')))})` : ''}`, postgres ? zero(bad(postgres), 'errors') : ''));
    lines.push(row('bytes served', both, (r) => `${(run(r).bytesPerSecond / MiB).toFixed(1)} MiB/s`));
    const cores = (v) => (v === undefined ? '—' : v.toFixed(2));
    lines.push(row('cores busy (CPU s per s): server / load generator / PostgreSQL\'s processes / the whole machine', both, (r) => `${cores(run(r).cpu.server)} / ${cores(run(r).cpu.loadGenerator)} / ${cores(run(r).cpu.postgres)} / ${cores(run(r).cpu.machine)}`));
  }
  lines.push(row('**server memory**: RSS started / after the warm-up / after the load', both, (r) => [r.memory.started, r.memory.beforeLoad, r.memory.after].map((m) => mib(m.rss)).join(' / ')));
  lines.push(row('… peak RSS (VmHWM) / V8 heap used after the load', both, (r) => `${mib(r.memory.after.vmHwm) || '—'} / ${mib(r.memory.after.heapUsed)}`));
  lines.push(row('… server process', both, (r) => (r.crashed ? `exited during the load (${JSON.stringify(r.crashed)})` : 'alive to the end')));
  lines.push('');
  lines.push(
    `Each of the ${any.runs[0].connections} connections is one viewer (keep-alive, one request at a time): the even ones audit tables in server mode, each paging a filtered users report (${any.tableQueries.join('; ')}) to its last page by the nextLinks, then the next query; the odd ones dashboards asking ${any.dashboardRoutes.join(', ')} in turn (the summaries come from the per-process cache, as between two syncs). ` +
      'Before the measured run, every route is asked once (the summaries computed) and the mix runs for a warm-up of its own. "As fast as answered" is a closed loop: each connection sends its next request when the last one ends, so it measures the capacity and the latency at saturation (about connections ÷ requests/s); a paced run sends a fixed rate per connection, as viewers reading pages do. ' +
      `Latencies are taken by the load generator for every request, whatever its status, from the request's write to its last byte (percentiles nearest-rank); autocannon's own histogram, where shown, counts 2xx answers only. In a paced run each connection is an autocannon run of its own, started ${ms(1000 / any.runs[0].connections)} after the one before, as autocannon paces a connection by whole seconds from its start (one instance would send every connection's request in the same instant each second). ` +
      'The load generator, the server and the database share the machine\'s cores. RSS is the server process alone: PostgreSQL\'s own processes are not in it, while PGlite runs the database inside the server process (its buffers included).',
  );
  return `${lines.join('\n')}\n`;
}

/** PostgreSQL stopped under a serving endpoint (the `outage` phase). */
export function outageMarkdown({ meta, result }) {
  const lines = [`## PostgreSQL stopped under a serving endpoint: ${meta.date}`, ''];
  if (!result) {
    lines.push(`**${meta.skipped ?? 'not run'}**`);
    return `${lines.join('\n')}\n`;
  }
  const r = result;
  const d = r.during;
  const others = Object.values(d.otherStatus).reduce((a, b) => a + b, 0);
  lines.push(`${meta.machine}; Node ${meta.node}; ${r.version}. Tenant: ${int(r.tenant.users)} users, ${int(r.tenant.events)} events, ${int(r.tenant.audits)} audit entries, synced into the bench's database; the server as \`serve\` runs it, in a process of its own; ${r.loops} viewers in loops (a request, 50 ms, the next) over ${r.routes.length} routes (the table's first pages and a dashboard's routes), each request given ${sec(r.boundMs)} to answer, and /healthz and /readyz every 250 ms.`);
  lines.push('');
  lines.push('| measure | PostgreSQL | goal |');
  lines.push('|---|---|---|');
  lines.push(`| PostgreSQL down: \`pg_ctlcluster ${r.cluster.replace('/', ' ')} stop\` (fast: sessions terminated) until \`start\` returned | ${sec(r.downMs)} (stop took ${msInt(r.stopCommandMs)}, start ${msInt(r.startCommandMs)}) | |`);
  lines.push(`| answers while down | ${int(d.answers)} | |`);
  lines.push(`| … Graph's 503 serviceNotAvailable with Retry-After | ${int(d.unavailable)} (${pct(d.unavailable, d.answers)}) | all of the non-200s |`);
  lines.push(`| … 200 (the summary cache, and queries that ended before the stop) | ${int(d.ok)} | |`);
  lines.push(`| … any other status | ${others ? ints(d.otherStatus) : '0'} | ${zero(others, 'other statuses')} |`);
  lines.push(`| … no answer (refused, reset, or past ${sec(r.boundMs)}) | ${int(d.noAnswer)} | ${zero(d.noAnswer, 'requests unanswered')} |`);
  lines.push(`| … time to an answer while down, p50 / p99 / max | ${spread(d.latency)} | |`);
  lines.push(`| /healthz while down / /readyz while down | ${ints(r.probes.healthzDuring)} / ${ints(r.probes.readyzDuring)} | 200 / 503 |`);
  lines.push(`| server process | ${r.crashed ? `exited (${JSON.stringify(r.crashed)})` : 'alive throughout, never restarted'} | ${r.crashed ? 'NOT MET: a crash' : 'OK: no crash'} |`);
  lines.push(`| PostgreSQL back (\`start\` returned) → a new connection answers | ${msInt(r.backToConnectMs)} | |`);
  lines.push(`| PostgreSQL back → the first 200 served from the database | ${msInt(r.backToFirstOkMs)} | |`);
  lines.push(`| PostgreSQL back → every route answering 200 again | ${msInt(r.backToAllOkMs)} | |`);
  lines.push(`| the outage as viewers saw it: the first answer that was not a 200 → the first 200 from the database after | ${r.viewerOutageMs === undefined ? 'never' : sec(r.viewerOutageMs)} | |`);
  lines.push(`| answers before the stop / after the start: 200s of all | ${int(r.before.ok)} of ${int(r.before.answers)} / ${int(r.after.ok)} of ${int(r.after.answers)} | |`);
  lines.push(`| what the server logged at warn and above | ${ints(r.logged)} | |`);
  lines.push('');
  return `${lines.join('\n')}\n`;
}

const SECTIONS = { serve: 'main', load: 'load', outage: 'outage' };
const marks = (name) => [`<!-- bench:${name} -->`, `<!-- /bench:${name} -->`];

/** The sections of a results.md; a file from before the sections is all main. */
function sections(text) {
  const found = {};
  for (const name of Object.values(SECTIONS)) {
    const [open, close] = marks(name);
    const i = text.indexOf(open);
    const j = text.indexOf(close);
    if (i >= 0 && j > i) found[name] = text.slice(i + open.length, j).trim();
  }
  if (!found.main && text.trim()) {
    const first = text.indexOf('<!-- bench:');
    const legacy = (first >= 0 ? text.slice(0, first) : text).trim();
    if (legacy) found.main = legacy;
  }
  return found;
}

/**
 * `text` (the results.md so far) with the sections of `saved` (results.json's shape) written again:
 * those of `phases` only when given, else every one `saved` holds; the others kept as they were.
 */
export function updateMarkdown(text, saved, phases = PHASES) {
  const found = sections(text);
  if (phases.includes('serve') && saved.results) found.main = markdown(saved).trim();
  if (phases.includes('load') && saved.load) found.load = loadMarkdown(saved.load).trim();
  if (phases.includes('outage') && saved.outage) found.outage = outageMarkdown(saved.outage).trim();
  return `${Object.values(SECTIONS)
    .filter((name) => found[name])
    .map((name) => `${marks(name)[0]}\n${found[name]}\n${marks(name)[1]}`)
    .join('\n\n')}\n`;
}
