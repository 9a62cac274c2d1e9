/**
 * One log line and one metrics sample per answered request: who (the viewer's id), which report,
 * the status and the time taken. Never the token, the query string (it may hold a searched UPN) or
 * any header.
 */
import type { EndpointFastify } from './fastify-app.js';
import type { EndpointMetrics } from '../metrics/endpoint-metrics.js';
import { reportLabel } from './report-label.js';

export function installRequestLog(app: EndpointFastify, metrics: EndpointMetrics): void {
  app.addHook('onResponse', async (request, reply) => {
    const report = reportLabel(request.url);
    const ms = reply.elapsedTime;
    metrics.httpRequests.inc({ report, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ report }, ms / 1000);
    if (report === 'healthz' || report === 'readyz' || report === 'metrics') return; // probes every few seconds would drown the log
    request.log.info(
      { viewer: request.viewer?.id ?? null, via: request.viewer?.via, method: request.method, report, path: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(ms * 10) / 10 },
      'request',
    );
  });
}
