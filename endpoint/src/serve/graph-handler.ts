/**
 * Answers one Graph request: finds the route, refuses a report that has not been synced yet (an empty
 * answer would be a false one), serves it, and adds the endpoint's annotations — when the report's data
 * was last brought up to date, and which periods this endpoint offers — so the elements can say
 * "Last updated …" and offer longer periods, while plain Graph clients ignore them.
 */
import { routePathOf } from '../../../src/mock/handler.js';
import { MockHttpError } from '../../../src/mock/http-error.js';
import type { Queryable } from '../store/db.js';
import type { SyncSource } from '../sync/sources.js';
import { findGraphRoute } from './graph-routes.js';
import { SummaryCache } from './summary-cache.js';
import { ENDPOINT_PERIODS } from './summaries/index.js';

export const LAST_SYNC_ANNOTATION = '@sspr.lastSyncDateTime';
export const PERIODS_ANNOTATION = '@sspr.periods';
export const LAST_SYNC_HEADER = 'sspr-last-sync';
/** Seconds a client should wait while the first sync of a report is still running. */
export const NOT_SYNCED_RETRY_AFTER = 30;

export interface GraphAnswer {
  body: Record<string, unknown>;
  lastSync: string;
}

export interface GraphHandlerContext {
  db: Queryable;
  now: Date;
  includeUnknownEnums: boolean;
  publicUrl?: string;
  pageSize?: number;
  lastSynced: () => Promise<Partial<Record<SyncSource, string>>>;
}

/**
 * One cache per app: an app passes the same `lastSynced` for its whole life, and two apps (two
 * databases, or tests that change rows without a sync) never share answers.
 */
const caches = new WeakMap<GraphHandlerContext['lastSynced'], SummaryCache>();

function cacheOf(ctx: GraphHandlerContext): SummaryCache {
  let cache = caches.get(ctx.lastSynced);
  if (!cache) caches.set(ctx.lastSynced, (cache = new SummaryCache()));
  return cache;
}

/**
 * What makes two requests the same answer: the path (function parameters included), the `$` options
 * in their order (the routes ignore any other parameter, so a cache buster costs no entry) and the
 * unknown-enum preference.
 */
function cacheKey(routePath: string, url: URL, includeUnknownEnums: boolean): string {
  const options = [...url.searchParams].filter(([key]) => key.trim().startsWith('$'));
  return JSON.stringify([routePath, options, includeUnknownEnums]);
}

/**
 * Every source's last sync: a summary may read more than its own report (privileged role members
 * scope the user counts), and a run syncs them all anyway.
 */
const dataVersion = (synced: Partial<Record<SyncSource, string>>) => JSON.stringify(Object.entries(synced).sort(([a], [b]) => (a < b ? -1 : 1)));

export async function answerGraph(url: URL, ctx: GraphHandlerContext): Promise<GraphAnswer> {
  const routePath = routePathOf(url.pathname);
  if (routePath === undefined) {
    throw new MockHttpError(404, 'ResourceNotFound', `No Graph version segment (/v1.0/ or /beta/) in '${url.pathname}'.`);
  }
  const { route, match } = findGraphRoute(routePath);
  const synced = await ctx.lastSynced();
  const lastSync = synced[route.source];
  if (!lastSync) {
    throw new MockHttpError(
      503,
      'serviceNotAvailable',
      `This endpoint has not finished its first sync of ${route.source} from Microsoft Graph yet. Try again in a few minutes.`,
      { 'retry-after': String(NOT_SYNCED_RETRY_AFTER) },
    );
  }
  const serve = () => route.serve(match, { db: ctx.db, url, routePath, now: ctx.now, includeUnknownEnums: ctx.includeUnknownEnums, publicUrl: ctx.publicUrl, pageSize: ctx.pageSize });
  const body = route.cache
    ? await cacheOf(ctx).get(cacheKey(routePath, url, ctx.includeUnknownEnums), dataVersion(synced), serve, route.cache.maxAgeMs)
    : await serve();
  return { body: { ...body, [LAST_SYNC_ANNOTATION]: lastSync, [PERIODS_ANNOTATION]: ENDPOINT_PERIODS }, lastSync };
}
