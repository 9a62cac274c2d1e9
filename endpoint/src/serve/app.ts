/**
 * The endpoint's HTTP server (Fastify): the Graph routes under any prefix (`/graph/v1.0/…`,
 * `/v1.0/…`) behind viewer sign-in, the probes and metrics (probes.ts), security headers, CORS and
 * the rate limit (web-security.ts), a log line per request, Graph-shaped errors with Graph's headers
 * on everything.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyRequest } from 'fastify';
import { PREFER_UNKNOWN_ENUMS } from '../../../src/mock/handler/responses.js';
import { MockHttpError } from '../../../src/mock/http-error.js';
import type { Logger } from '../log.js';
import { createEndpointMetrics, type EndpointMetrics } from '../metrics/endpoint-metrics.js';
import type { Db } from '../store/db.js';
import type { SyncSource } from '../sync/sources.js';
import { noSignIn } from './auth/no-sign-in.js';
import type { ViewerAuthenticator } from './auth/viewer.js';
import { answerGraph, LAST_SYNC_HEADER } from './graph-handler.js';
import { memoLastSynced } from './last-synced-memo.js';
import { installProbes } from './probes.js';
import { installRequestLog } from './request-log.js';
import { clientRequestId, sendError, sendJson } from './send.js';
import { installViewerSignIn } from './viewer-hook.js';
import { installWebSecurity } from './web-security.js';

export interface AppOptions {
  db: Db;
  log: Logger;
  /** The clock (tests pin it to the mock tenant's "now"). */
  now?: () => Date;
  publicUrl?: string;
  /** Upper bound on page sizes (tests, demos). */
  pageSize?: number;
  lastSynced: () => Promise<Partial<Record<SyncSource, string>>>;
  /** What `GET /status` reports besides freshness (the sync runs). */
  status: () => Promise<Record<string, unknown>>;
  /** Data older than this is not fresh, and `/readyz` fails (default two hours: twice the default sync interval). */
  maxAgeSeconds?: number;
  /** How viewers sign in (default: no sign-in, which the listen guard allows on loopback only). */
  auth?: ViewerAuthenticator;
  /** Browser origins allowed to call (CORS); none by default. */
  corsOrigins?: string[];
  /** Requests per minute per viewer (default 600; 0: no limit). */
  rateLimitPerMinute?: number;
  /** Whose X-Forwarded-Host/-Proto/-For are believed (default loopback: a proxy on the same machine). */
  trustProxy?: string[] | 'loopback';
  metrics?: EndpointMetrics;
  /** How long the reports' last sync times are kept between reads of the store (default 5000 ms; 0: every request). */
  lastSyncedTtlMs?: number;
}

function requestUrl(request: FastifyRequest): URL {
  return new URL(request.url, `${request.protocol}://${request.host || '127.0.0.1'}`);
}

export async function buildApp(options: AppOptions) {
  const now = options.now ?? (() => new Date());
  const lastSynced = memoLastSynced(options.lastSynced, options.lastSyncedTtlMs ?? 5000);
  const auth = options.auth ?? noSignIn();
  const metrics = options.metrics ?? createEndpointMetrics({ processMetrics: false });
  const app = Fastify({
    loggerInstance: options.log,
    genReqId: () => randomUUID(),
    // one line per request, ours (request-log.ts): viewer, report, status, time — never headers
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    // Fastify's refusals before routing (a malformed URL) in Graph's shape too
    frameworkErrors: (error, request, reply) => sendError(request, reply, error),
    // nextLinks must point at the address viewers used, which only a trusted proxy's X-Forwarded-Host tells
    trustProxy: options.trustProxy === undefined || options.trustProxy === 'loopback' ? 'loopback' : ['loopback', ...options.trustProxy],
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('request-id', request.id);
    reply.header('client-request-id', clientRequestId(request));
  });
  // refusals thrown by hooks (sign-in, rate limit) and Fastify's own errors, Graph-shaped
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  installRequestLog(app, metrics);
  await installWebSecurity(app, {
    corsOrigins: options.corsOrigins ?? [],
    corsCredentials: auth.mode === 'proxy',
    rateLimitPerMinute: options.rateLimitPerMinute ?? 600,
  });
  installViewerSignIn(app, auth);
  installProbes(app, {
    db: options.db,
    metrics,
    now,
    lastSynced,
    status: options.status,
    maxAgeSeconds: options.maxAgeSeconds ?? 7200,
  });

  app.get('/*', async (request, reply) => {
    try {
      const prefer = String(request.headers.prefer ?? '').split(',').map((p) => p.trim().toLowerCase());
      const includeUnknownEnums = prefer.includes(PREFER_UNKNOWN_ENUMS);
      const answer = await answerGraph(requestUrl(request), {
        db: options.db,
        now: now(),
        includeUnknownEnums,
        publicUrl: options.publicUrl,
        pageSize: options.pageSize,
        lastSynced,
      });
      return sendJson(reply, 200, answer.body, {
        [LAST_SYNC_HEADER]: answer.lastSync,
        ...(includeUnknownEnums ? { 'preference-applied': PREFER_UNKNOWN_ENUMS } : {}),
      });
    } catch (error) {
      return sendError(request, reply, error);
    }
  });

  app.route({
    method: ['POST', 'PUT', 'PATCH', 'DELETE'],
    url: '/*',
    handler: async (request, reply) =>
      sendError(request, reply, new MockHttpError(405, 'MethodNotAllowed', `The HTTP method '${request.method}' is not allowed; the reports are read-only.`, { allow: 'GET' })),
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new MockHttpError(404, 'ResourceNotFound', `Nothing is served at '${request.url.split('?')[0]}'.`)));
  return app;
}

export type EndpointApp = Awaited<ReturnType<typeof buildApp>>;
