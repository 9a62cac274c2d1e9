/**
 * The orchestrator's probes and the operator's views:
 * - `GET /healthz` — the process answers (liveness: restart it when this fails);
 * - `GET /readyz` — the database answers and the sync works: the latest report read is younger than
 *   the limit (readiness: send viewers elsewhere when this fails), with the stale reports listed. One
 *   report that always fails (a permission not granted) does not take every replica out of service;
 *   a sync that stopped altogether does.
 * - `GET /metrics` — Prometheus text format;
 * - `GET /status` — each report's freshness and the latest sync runs (behind sign-in, like the reports).
 */
import type { EndpointFastify } from './fastify-app.js';
import type { EndpointMetrics } from '../metrics/endpoint-metrics.js';
import type { Db } from '../store/db.js';
import type { SyncSource } from '../sync/sources.js';
import { freshness } from './freshness.js';
import { sendError, sendJson } from './send.js';

export interface ProbeOptions {
  db: Db;
  metrics: EndpointMetrics;
  now: () => Date;
  lastSynced: () => Promise<Partial<Record<SyncSource, string>>>;
  status: () => Promise<Record<string, unknown>>;
  maxAgeSeconds: number;
}

export function installProbes(app: EndpointFastify, options: ProbeOptions): void {
  const dataFreshness = async () => freshness(await options.lastSynced(), options.now(), options.maxAgeSeconds);

  app.get('/healthz', async (_request, reply) => sendJson(reply, 200, { status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    let data;
    try {
      await options.db.query('SELECT 1');
      data = await dataFreshness();
    } catch {
      return sendJson(reply, 503, { status: 'unready', store: 'unreachable' }, { 'retry-after': '5' });
    }
    const ages = Object.values(data.ageSeconds);
    const ready = ages.length > 0 && Math.min(...ages) <= options.maxAgeSeconds;
    const body = { status: ready ? 'ready' : 'unready', store: 'ok', ...data };
    return sendJson(reply, ready ? 200 : 503, body);
  });

  app.get('/metrics', async (_request, reply) => {
    const text = await options.metrics.registry.metrics();
    return reply.code(200).headers({ 'content-type': options.metrics.registry.contentType, 'cache-control': 'no-store' }).send(text);
  });

  app.get('/status', async (request, reply) => {
    try {
      return sendJson(reply, 200, { ...(await dataFreshness()), ...(await options.status()) });
    } catch (error) {
      return sendError(request, reply, error);
    }
  });
}
