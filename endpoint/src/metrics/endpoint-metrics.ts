/**
 * The endpoint's Prometheus metrics (prom-client): HTTP requests and their latency by report, sync
 * runs, rows read, Graph requests and Graph's 429s, plus the process's own (memory, CPU, event loop).
 * One registry per app, so two apps in one process (tests) never share counts.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SyncResult } from '../sync/types.js';

export interface EndpointMetrics {
  registry: Registry;
  httpRequests: Counter<'report' | 'status'>;
  httpDuration: Histogram<'report'>;
  syncRuns: Counter<'status'>;
  syncRows: Counter<'source'>;
  graphRequests: Counter;
  graphThrottled: Counter;
  /** Counts a finished sync run (runs and rows; Graph requests are counted as they go). */
  recordRun(result: SyncResult): void;
  /** fetch, counting every Graph request and every 429 it gets. */
  countingGraphFetch(inner?: typeof fetch): typeof fetch;
}

export function createEndpointMetrics(options: { processMetrics?: boolean } = {}): EndpointMetrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'sspr_' });
  const registers = [registry];
  const httpRequests = new Counter({
    name: 'sspr_http_requests_total',
    help: 'HTTP requests answered, by report (or probe) and status code',
    labelNames: ['report', 'status'] as const,
    registers,
  });
  const httpDuration = new Histogram({
    name: 'sspr_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by report (or probe)',
    labelNames: ['report'] as const,
    // the goal is p99 under 50 ms: buckets are dense below it
    buckets: [0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const syncRuns = new Counter({ name: 'sspr_sync_runs_total', help: 'Sync runs ended, by status', labelNames: ['status'] as const, registers });
  const syncRows = new Counter({ name: 'sspr_sync_rows_read_total', help: 'Rows read from Microsoft Graph by the sync, by report', labelNames: ['source'] as const, registers });
  const graphRequests = new Counter({ name: 'sspr_graph_requests_total', help: 'Requests sent to Microsoft Graph', registers });
  const graphThrottled = new Counter({ name: 'sspr_graph_throttled_total', help: 'Microsoft Graph answers with status 429 (throttled)', registers });

  return {
    registry,
    httpRequests,
    httpDuration,
    syncRuns,
    syncRows,
    graphRequests,
    graphThrottled,
    recordRun(result) {
      syncRuns.inc({ status: result.status });
      for (const [source, report] of Object.entries(result.sources)) if (report?.read) syncRows.inc({ source }, report.read);
    },
    countingGraphFetch(inner = globalThis.fetch.bind(globalThis)) {
      return async (input, init) => {
        graphRequests.inc();
        const response = await inner(input, init);
        if (response.status === 429) graphThrottled.inc();
        return response;
      };
    },
  };
}
