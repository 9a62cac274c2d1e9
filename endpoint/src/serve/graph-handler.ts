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

export async function answerGraph(url: URL, ctx: GraphHandlerContext): Promise<GraphAnswer> {
  const routePath = routePathOf(url.pathname);
  if (routePath === undefined) {
    throw new MockHttpError(404, 'ResourceNotFound', `No Graph version segment (/v1.0/ or /beta/) in '${url.pathname}'.`);
  }
  const { route, match } = findGraphRoute(routePath);
  const lastSync = (await ctx.lastSynced())[route.source];
  if (!lastSync) {
    throw new MockHttpError(
      503,
      'serviceNotAvailable',
      `This endpoint has not finished its first sync of ${route.source} from Microsoft Graph yet. Try again in a few minutes.`,
      { 'retry-after': String(NOT_SYNCED_RETRY_AFTER) },
    );
  }
  const body = await route.serve(match, { db: ctx.db, url, routePath, now: ctx.now, includeUnknownEnums: ctx.includeUnknownEnums, publicUrl: ctx.publicUrl, pageSize: ctx.pageSize });
  return { body: { ...body, [LAST_SYNC_ANNOTATION]: lastSync, [PERIODS_ANNOTATION]: ENDPOINT_PERIODS }, lastSync };
}
