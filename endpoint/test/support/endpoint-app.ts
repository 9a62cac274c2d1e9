/**
 * The endpoint's HTTP app on loopback over a test database, with the clock pinned and the sync's
 * freshness given by the test, so served answers can be compared with the mock Graph's.
 */
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../src/log.js';
import { buildApp, type AppOptions } from '../../src/serve/app.js';
import type { Db } from '../../src/store/db.js';
import type { SyncSource } from '../../src/sync/sources.js';

export const ALL_SYNCED: Record<SyncSource, string> = {
  userRegistrationDetails: '2026-11-30T11:00:00.000Z',
  userEventsSummary: '2026-11-30T11:00:00.000Z',
  directoryAudits: '2026-11-30T11:00:00.000Z',
  userPasswordResetsAndChangesSummary: '2026-11-30T11:00:00.000Z',
  privilegedRoleMembers: '2026-11-30T11:00:00.000Z',
};

export interface TestApp {
  /** e.g. http://127.0.0.1:40123/graph — the elements' `endpoint`. */
  url: string;
  close(): Promise<void>;
}

export async function startTestApp(
  db: Db,
  now: Date,
  synced: Partial<Record<SyncSource, string>> = ALL_SYNCED,
  publicUrl?: string,
  pageSize?: number,
  /** Sign-in, CORS, rate limit, a logger of the test's own… */
  extra: Partial<AppOptions> = {},
): Promise<TestApp> {
  const app = await buildApp({
    db,
    log: createLogger('silent'),
    now: () => now,
    publicUrl,
    pageSize,
    lastSynced: async () => synced,
    status: async () => ({ synced }),
    // tests page through whole reports quickly from one address: the limit is tested on its own
    rateLimitPerMinute: 0,
    ...extra,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graph`, close: () => app.close() };
}

/** Every row of a collection, following nextLinks (`rebase` moves a link onto the server that answers it). */
export async function fetchAllPages(url: string, rebase: (link: string) => string = (l) => l, headers: Record<string, string> = {}): Promise<{ rows: Record<string, unknown>[]; pages: number; first: Record<string, unknown> }> {
  const rows: Record<string, unknown>[] = [];
  let next: string | undefined = url;
  let pages = 0;
  let first: Record<string, unknown> | undefined;
  while (next) {
    const response = await fetch(next, { headers: { accept: 'application/json', ...headers } });
    const body = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw Object.assign(new Error(`${response.status} for ${next}: ${JSON.stringify(body)}`), { status: response.status, body });
    first ??= body;
    pages++;
    rows.push(...(body.value as Record<string, unknown>[]));
    const link = body['@odata.nextLink'];
    next = typeof link === 'string' ? rebase(link) : undefined;
    if (pages > 10_000) throw new Error('paging does not end');
  }
  return { rows, pages, first: first! };
}
