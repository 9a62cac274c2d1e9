/**
 * What a browser is told on every response, and who may call from another origin:
 * - security headers (@fastify/helmet) for a JSON API that is never a page: no content may load, no
 *   framing, no referrer, no MIME sniffing, HSTS when served over HTTPS;
 * - CORS (@fastify/cors) only for the configured origins — the pages that embed the elements — with
 *   the headers the elements send and read; none when no origin is configured (same-origin use);
 * - the rate limit per viewer (@fastify/rate-limit), so one script cannot exhaust the server.
 */
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { EndpointFastify } from './fastify-app.js';
import { LAST_SYNC_HEADER } from './graph-handler.js';
import { RateLimitedError } from './send.js';
import { PUBLIC_PATHS } from './viewer-hook.js';

export interface WebSecurityOptions {
  corsOrigins: string[];
  /** Cookies are sent cross-origin only where a sign-in proxy needs its session cookie. */
  corsCredentials: boolean;
  /** Requests per minute per viewer (0: no limit). */
  rateLimitPerMinute: number;
}

export async function installWebSecurity(app: EndpointFastify, options: WebSecurityOptions): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    // the reports are fetched by pages on other origins (with CORS): a same-origin CORP would block nothing CORS allows, but say so plainly
    crossOriginResourcePolicy: { policy: options.corsOrigins.length ? 'cross-origin' : 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  });
  if (options.corsOrigins.length) {
    await app.register(cors, {
      origin: options.corsOrigins,
      methods: ['GET', 'HEAD'],
      allowedHeaders: ['authorization', 'client-request-id', 'prefer', 'consistencylevel', 'accept', 'accept-language'],
      exposedHeaders: ['request-id', 'client-request-id', 'retry-after', 'preference-applied', LAST_SYNC_HEADER, 'www-authenticate'],
      credentials: options.corsCredentials,
      maxAge: 600,
      strictPreflight: true,
    });
  }
  if (options.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      // after sign-in (onRequest), so the key is the viewer, not a shared proxy's address
      hook: 'preHandler',
      max: options.rateLimitPerMinute,
      timeWindow: 60_000,
      // without sign-in, the client's address as a trusted proxy forwarded it (else every viewer behind a local proxy is one)
      keyGenerator: (request) => (request.viewer && request.viewer.via !== 'none' ? `${request.viewer.via}:${request.viewer.id}` : `ip:${request.ip}`),
      allowList: (request) => PUBLIC_PATHS.has(request.url.split('?')[0]!),
      errorResponseBuilder: (_request, context) => new RateLimitedError(Math.max(1, Math.ceil(context.ttl / 1000))),
      addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
      addHeaders: { 'x-ratelimit-limit': true, 'x-ratelimit-remaining': true, 'x-ratelimit-reset': true, 'retry-after': true },
    });
  }
}
