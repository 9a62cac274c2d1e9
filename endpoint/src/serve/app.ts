/**
 * The endpoint's HTTP server (Fastify): the Graph routes under any prefix (`/graph/v1.0/…`,
 * `/v1.0/…`), `GET /healthz` and `GET /status`, Graph-shaped errors with Graph's headers on everything.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { errorBody, JSON_CONTENT_TYPE, PREFER_UNKNOWN_ENUMS } from '../../../src/mock/handler/responses.js';
import { MockHttpError } from '../../../src/mock/http-error.js';
import type { Logger } from '../log.js';
import type { Db } from '../store/db.js';
import type { SyncSource } from '../sync/sources.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { freshness } from './freshness.js';
import { answerGraph, LAST_SYNC_HEADER } from './graph-handler.js';

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
  /** Data older than this is not fresh (default two hours: twice the default sync interval). */
  maxAgeSeconds?: number;
}

/** Seconds a client should wait when the database does not answer. */
const DATABASE_RETRY_AFTER = 5;

function requestUrl(request: FastifyRequest): URL {
  return new URL(request.url, `${request.protocol}://${request.host || '127.0.0.1'}`);
}

function sendJson(reply: FastifyReply, status: number, body: unknown, headers: Record<string, string> = {}): FastifyReply {
  return reply.code(status).headers({ 'content-type': JSON_CONTENT_TYPE, 'cache-control': 'no-cache', ...headers }).send(JSON.stringify(body));
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const ctx = { requestId: request.id, clientRequestId: clientRequestId(request), includeUnknownEnums: false };
  if (error instanceof MockHttpError) {
    return sendJson(reply, error.status, errorBody(error.code, error.message, ctx, error.innerError), error.headers);
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    const body = errorBody('serviceNotAvailable', 'The report store is not reachable right now. Try again shortly.', ctx);
    return sendJson(reply, 503, body, { 'retry-after': String(DATABASE_RETRY_AFTER) });
  }
  request.log.error({ err: error }, 'request failed');
  return sendJson(reply, 500, errorBody('generalException', 'The endpoint could not answer this request.', ctx));
}

const clientRequestId = (request: FastifyRequest) => {
  const given = request.headers['client-request-id'];
  return (typeof given === 'string' && given.trim()) || request.id;
};

export async function buildApp(options: AppOptions) {
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    loggerInstance: options.log,
    genReqId: () => randomUUID(),
    return503OnClosing: true,
    // the endpoint listens on loopback only, behind a proxy on the same machine: its X-Forwarded-Host
    // and -Proto are the address viewers used, which nextLinks must point at
    trustProxy: 'loopback',
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('request-id', request.id);
    reply.header('client-request-id', clientRequestId(request));
  });

  const maxAge = options.maxAgeSeconds ?? 7200;
  const dataFreshness = async () => freshness(await options.lastSynced(), now(), maxAge);
  // the process answers; whether the data is fresh is said, not a reason to fail (stale data beats none)
  app.get('/healthz', async (_request, reply) => {
    const data = await dataFreshness().catch(() => undefined);
    return sendJson(reply, 200, { status: 'ok', ...(data ? { fresh: data.fresh, stale: data.stale } : { fresh: false, store: 'unreachable' }) });
  });
  app.get('/status', async (request, reply) => {
    try {
      return sendJson(reply, 200, { ...(await dataFreshness()), ...(await options.status()) });
    } catch (error) {
      return sendError(request, reply, error);
    }
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
        lastSynced: options.lastSynced,
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
