/**
 * What a reporting endpoint (endpoint/) answers, for stories: Graph's answers plus its annotations
 * (when the report was last synced, the longer periods it offers) and its daily feature series.
 */
import { ENDPOINT_REASON, ENDPOINT_REQUIRED } from '../src/client/errors.js';
import { ReportClient } from '../src/client/report-client.js';

const DAY = 86_400_000;
const SYNCED = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 20 * 60_000).toISOString();
const annotations = { '@sspr.lastSyncDateTime': SYNCED, '@sspr.periods': ['d1', 'd7', 'd30', 'd90', 'd180', 'd365'] };

/** A tenant of 2,000 users whose registrations grew over the last weeks. */
const counts = (daysAgo: number) => ({
  ssprRegistered: 1600 - daysAgo * 9,
  ssprEnabled: 1700 - daysAgo * 2,
  ssprCapable: 1400 - daysAgo * 8,
  mfaCapable: 1450 - daysAgo * 6,
  passwordlessCapable: 450 - daysAgo * 4,
});
const features = (c: Record<string, number>) => Object.entries(c).map(([feature, userCount]) => ({ feature, userCount }));

function answer(url: string): unknown {
  const period = /period='d(\d+)'/.exec(url)?.[1];
  if (url.includes('usersRegisteredByFeatureHistory')) {
    const days = Number(period ?? 30);
    const today = Math.floor(Date.now() / DAY) * DAY;
    return {
      ...annotations,
      value: Array.from({ length: days }, (_, i) => days - 1 - i).map((ago) => ({
        date: new Date(today - ago * DAY).toISOString().slice(0, 10),
        totalUserCount: 2000,
        userRegistrationFeatureCounts: features(counts(ago)),
      })),
    };
  }
  return { ...annotations, totalUserCount: 2000, userTypes: 'all', userRoles: 'all', userRegistrationFeatureCounts: features(counts(0)) };
}

/** A client whose endpoint is a reporting endpoint with history (the tiles' "Last updated" and trend lines). */
export const reportingEndpointClient = (): ReportClient =>
  new ReportClient({
    endpoint: '/reporting-endpoint',
    budget: false,
    cacheTtlMs: 0,
    fetch: async (input) => new Response(JSON.stringify(answer(decodeURIComponent(String(input)))), { headers: { 'content-type': 'application/json' } }),
  });

/**
 * A reporting endpoint that refuses the viewer as it does (endpoint/src/serve/send.ts): signed in
 * without its app role (403), or past its rate limit per viewer (429, Retry-After in seconds).
 */
export const refusingEndpointClient = (refusal: 'appRole' | 'rateLimit'): ReportClient =>
  new ReportClient({
    endpoint: '/reporting-endpoint',
    budget: false,
    cacheTtlMs: 0,
    fetch: async () => {
      const inner = { date: new Date().toISOString().slice(0, 19), 'request-id': 'c0a8f1e2-5b3d-4e6f-8a9b-0c1d2e3f4a5b', 'client-request-id': 'c0a8f1e2-5b3d-4e6f-8a9b-0c1d2e3f4a5b' };
      const [status, body, headers] =
        refusal === 'appRole'
          ? [403, { code: 'Authorization_RequestDenied', message: "Your account has no access to this reporting endpoint: it needs the app role 'SSPR.Insights.Read'.", innerError: { ...inner, [ENDPOINT_REASON]: 'appRoleRequired', [ENDPOINT_REQUIRED]: 'SSPR.Insights.Read' } }, {}]
          : [429, { code: 'TooManyRequests', message: 'Too many requests from this viewer. Try again in 40 s.', innerError: { ...inner, [ENDPOINT_REASON]: 'viewerRateLimit' } }, { 'retry-after': '40' }];
      return new Response(JSON.stringify({ error: body }), { status, headers: { 'content-type': 'application/json', ...headers } });
    },
  });
