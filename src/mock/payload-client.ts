import { ReportClient } from '../client/report-client.js';

/**
 * A client whose every request is answered with one fixed Graph payload — how a payload copied from the
 * Graph documentation (or a crafted one, such as HTML in a method name) reaches an element in stories
 * and tests. Everything after `fetch` is the real client.
 */
export function payloadClient(payload: unknown): ReportClient {
  return new ReportClient({
    endpoint: '/payload',
    budget: false,
    cacheTtlMs: 0,
    fetch: async () => new Response(JSON.stringify(payload), { headers: { 'content-type': 'application/json' } }),
  });
}

/** A userRegistrationActivity body built from [feature, method, succeeded, failed] tuples. */
export const activityPayload = (rows: [feature: string, method: string, succeeded: number, failed: number][]) => ({
  value: rows.map(([feature, authMethod, successfulActivityCount, failureActivityCount], i) => ({
    id: `row-${i}`,
    feature,
    authMethod,
    successfulActivityCount,
    failureActivityCount,
  })),
});
