/**
 * The endpoint's HTTP app at full size, one viewer asking one request after another: the audit
 * table's filtered users pages (first, every page once, deep pages by their nextLinks) and a
 * dashboard's routes; what a summary costs to compute (a request after a sync); then the users pages
 * again once the store has been analyzed, as PostgreSQL's autovacuum does soon after a large sync.
 */
import type { AddressInfo } from 'node:net';
import { createLogger } from '../src/log.js';
import { buildApp } from '../src/serve/app.js';
import { activitySummary, featureSummary, methodSummary } from '../src/serve/summaries/index.js';
import type { Db } from '../src/store/db.js';
import { lastSynced, syncStatus } from '../src/sync/run-sync.js';
import { expectOk, stats, timeRequests, type LatencyStats } from './latency.js';
import { usersPagePlan, type PlanSummary } from './query-plan.js';
import { DASHBOARD_ROUTES, filteredUsersPage, type UsersOrder } from './routes.js';

export interface ServeOptions {
  /** Requests to the first page, and to deep pages, per name order. */
  pageRequests: number;
  routeRequests: number;
  computeRuns: number;
  /** Longest time spent walking one query's pages to collect deep links. */
  walkBudgetMs: number;
}

export interface PagedMeasure {
  label: string;
  path: string;
  rowsPerPage: number;
  first: LatencyStats & { bytes: number };
  /** Every page once, in order, as a viewer scrolling to the end (or as far as the walk budget went). */
  walk: LatencyStats & { pages: number; complete: boolean; rows: number };
  deep: LatencyStats & { bytes: number };
  firstPlan: PlanSummary;
  deepPlan: PlanSummary;
}

export interface ServeMeasure {
  pages: PagedMeasure[];
  routes: (LatencyStats & { label: string; path: string; bytes: number })[];
  /** The summaries' own queries, called directly: what a request costs that nothing has answered before. */
  compute: (LatencyStats & { label: string })[];
  /** ANALYZE of the whole store. */
  analyzeMs: number;
  /** The users pages again, after ANALYZE. */
  analyzed: PagedMeasure[];
}

const warmupFor = (n: number) => Math.max(5, Math.round(n / 10));

async function walkPages(url: string, budgetMs: number): Promise<{ links: string[]; times: number[]; rows: number; complete: boolean }> {
  const links: string[] = [];
  const times: number[] = [];
  let rows = 0;
  let next: string | undefined = url;
  const t0 = performance.now();
  while (next && performance.now() - t0 < budgetMs) {
    const got = await expectOk(next);
    times.push(got.ms);
    const body = JSON.parse(got.text) as { value: unknown[]; '@odata.nextLink'?: string };
    rows += body.value.length;
    next = body['@odata.nextLink'];
    if (next) links.push(next);
  }
  return { links, times, rows, complete: next === undefined };
}

async function measurePaged(db: Db, base: string, orderBy: UsersOrder, n: number, walkBudgetMs: number): Promise<PagedMeasure> {
  const route = filteredUsersPage(orderBy);
  const url = `${base}/${route.path}`;
  const firstBody = JSON.parse((await expectOk(url)).text) as { value: unknown[] };
  const first = await timeRequests(() => url, n, warmupFor(n));
  const walked = await walkPages(url, walkBudgetMs);
  if (walked.links.length === 0) throw new Error(`${route.label}: a single page, nothing deep to measure`);
  // spread over the chain, from the second page to the last one collected
  const deepLink = (i: number) => walked.links[Math.floor((i * walked.links.length) / n) % walked.links.length]!;
  const deep = await timeRequests(deepLink, n, warmupFor(n));
  return {
    label: route.label,
    path: route.path,
    rowsPerPage: firstBody.value.length,
    first,
    walk: { ...stats(walked.times), pages: walked.times.length, complete: walked.complete, rows: walked.rows },
    deep,
    firstPlan: await usersPagePlan(db, new URL(url)),
    deepPlan: await usersPagePlan(db, new URL(walked.links[Math.floor(walked.links.length / 2)]!)),
  };
}

/** The three orders: both name columns in full, key order (a sort the endpoint cannot push) a tenth as often. */
async function measureAllPaged(db: Db, base: string, n: number, walkBudgetMs: number, log: (message: string) => void): Promise<PagedMeasure[]> {
  const pages: PagedMeasure[] = [];
  for (const orderBy of ['userDisplayName', 'userPrincipalName', undefined] as const) {
    const p = await measurePaged(db, base, orderBy, orderBy ? n : Math.max(10, Math.round(n / 10)), orderBy ? walkBudgetMs : walkBudgetMs / 10);
    pages.push(p);
    log(`${p.label}: first p99 ${p.first.p99.toFixed(1)} ms, deep p99 ${p.deep.p99.toFixed(1)} ms, ${p.walk.pages} pages walked`);
  }
  return pages;
}

async function timeCompute(label: string, runs: number, compute: () => Promise<unknown>): Promise<LatencyStats & { label: string }> {
  await compute();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await compute();
    times.push(performance.now() - t0);
  }
  return { label, ...stats(times) };
}

export async function measureServing(db: Db, options: ServeOptions, log: (message: string) => void): Promise<ServeMeasure> {
  const app = await buildApp({
    db,
    log: createLogger('silent'),
    lastSynced: () => lastSynced(db),
    status: async () => ({ ...(await syncStatus(db)) }),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graph`;
  try {
    const pages = await measureAllPaged(db, base, options.pageRequests, options.walkBudgetMs, log);
    const routes: ServeMeasure['routes'] = [];
    for (const route of DASHBOARD_ROUTES) {
      const url = `${base}/${route.path}`;
      routes.push({ label: route.label, path: route.path, ...(await timeRequests(() => url, options.routeRequests, warmupFor(options.routeRequests))) });
      log(`${route.label}: p99 ${routes[routes.length - 1]!.p99.toFixed(1)} ms`);
    }
    const now = new Date();
    const compute = [
      await timeCompute('usersRegisteredByFeature', options.computeRuns, () => featureSummary(db, 'all', 'all')),
      await timeCompute('usersRegisteredByMethod', options.computeRuns, () => methodSummary(db, 'all', 'all')),
      await timeCompute("userRegistrationActivity(period='d7')", options.computeRuns, () => activitySummary(db, 'd7', now)),
    ];
    const t0 = performance.now();
    await db.exec('ANALYZE');
    const analyzeMs = performance.now() - t0;
    log(`ANALYZE: ${(analyzeMs / 1000).toFixed(1)} s`);
    const analyzed = await measureAllPaged(db, base, Math.max(10, Math.round(options.pageRequests / 4)), options.walkBudgetMs / 4, log);
    return { pages, routes, compute, analyzeMs, analyzed };
  } finally {
    await app.close();
  }
}
