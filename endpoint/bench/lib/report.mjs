// The bench's figures as Markdown: PGlite and PostgreSQL side by side, then the budget's proof.

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
