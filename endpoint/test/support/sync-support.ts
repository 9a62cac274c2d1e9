/**
 * What the sync tests share: options for a fast run against the mock, a fetch that records what was
 * asked and when, tenants altered between runs, and the check that the store holds exactly the rows
 * the mock tenant serves.
 */
import assert from 'node:assert/strict';
import type { Tenant } from '../../../src/mock/tenant.js';
import { contentHash } from '../../src/store/content-hash.js';
import type { Queryable } from '../../src/store/db.js';
import type { SyncOptions } from '../../src/sync/run-sync.js';
import type { MockGraph } from './mock-graph.js';
import type { TestDb } from './test-db.js';

/** The first run's time; each later run of a test is an hour on. */
export const RUN_AT = new Date('2026-11-30T12:30:00Z');

/** A clock the test moves between runs. */
export function runClock(start = RUN_AT): { now: () => Date; advance(ms?: number): Date } {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance(ms = 3_600_000) {
      t += ms;
      return new Date(t);
    },
  };
}

/** Small waits and no budget, so a test spends its time on what it checks. */
export function fastSync(db: TestDb, mock: MockGraph, more: Partial<SyncOptions> = {}): SyncOptions {
  return { db, graphUrl: mock.url, budget: false, retry: { maxRetries: 4, baseDelayMs: 5, maxDelayMs: 20 }, maxWaitMs: 2000, ...more };
}

export interface RecordedRequest {
  url: string;
  at: number;
}

/** fetch that records every request's URL and start time. */
export function recordingFetch(inner: typeof fetch = fetch): { fetch: typeof fetch; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  return {
    requests,
    fetch: (input, init) => {
      requests.push({ url: String(input instanceof Request ? input.url : input), at: Date.now() });
      return inner(input, init);
    },
  };
}

/** The tenant with some of its rows replaced (the mock serves whatever the tenant object holds). */
export function alteredTenant(
  tenant: Tenant,
  changes: { users?: Tenant['users']; events?: Tenant['events']; audits?: Tenant['audits']; resets?: ReturnType<Tenant['resetsAndChanges']> },
): Tenant {
  const resets = changes.resets;
  return {
    ...tenant,
    users: changes.users ?? tenant.users,
    events: changes.events ?? tenant.events,
    audits: changes.audits ?? tenant.audits,
    resetsAndChanges: resets ? () => resets.map((r) => ({ ...r })) : () => tenant.resetsAndChanges(),
  };
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const byHash = (docs: readonly object[]) =>
  docs.map((d) => plain(d) as Record<string, unknown>).sort((a, b) => (contentHash(a) < contentHash(b) ? -1 : 1));

export async function count(db: Queryable, table: string, where = ''): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} ${where}`);
  return rows[0]!.n;
}

/** The store's current rows are the tenant's, each exactly once. */
export async function assertStoreMatches(db: Queryable, tenant: Tenant): Promise<void> {
  const users = await db.query<{ user_id: string; doc: Record<string, unknown> }>('SELECT user_id, doc FROM user_versions WHERE valid_to IS NULL ORDER BY user_id COLLATE "C"');
  const expectedUsers = [...tenant.users].sort((a, b) => (a.id < b.id ? -1 : 1));
  assert.equal(users.rows.length, expectedUsers.length, 'one current version per user');
  assert.deepEqual(users.rows.map((r) => r.doc), plain(expectedUsers), 'current versions are the users Graph serves');

  const events = await db.query<{ doc: Record<string, unknown> }>('SELECT doc FROM events');
  assert.equal(events.rows.length, tenant.events.length, 'every event once');
  assert.deepEqual(byHash(events.rows.map((r) => r.doc)), byHash(tenant.events), 'the events Graph serves');

  const audits = await db.query<{ audit_id: string; doc: Record<string, unknown> }>('SELECT audit_id, doc FROM audits ORDER BY audit_id COLLATE "C"');
  const expectedAudits = [...tenant.audits].sort((a, b) => (a.id < b.id ? -1 : 1));
  assert.equal(audits.rows.length, expectedAudits.length, 'every audit entry once');
  assert.deepEqual(audits.rows.map((r) => r.doc), plain(expectedAudits), 'the audit entries Graph serves');

  const days = await db.query<{ day: string; doc: Record<string, unknown> }>("SELECT to_char(day, 'YYYY-MM-DD') AS day, doc FROM daily_resets ORDER BY day");
  const expectedDays = tenant.resetsAndChanges().sort((a, b) => (a.aggregatedDateTime < b.aggregatedDateTime ? -1 : 1));
  assert.deepEqual(days.rows.map((r) => r.day), expectedDays.map((d) => d.aggregatedDateTime.slice(0, 10)), 'one row per day');
  assert.deepEqual(days.rows.map((r) => r.doc), plain(expectedDays), "each day's latest counts");
}

/** The checkpoint's next link of a source (undefined: no read in progress). */
export async function nextLinkOf(db: Queryable, source: string): Promise<string | undefined> {
  const { rows } = await db.query<{ next_link: string | null }>('SELECT next_link FROM sync_checkpoints WHERE source = $1', [source]);
  return rows[0]?.next_link ?? undefined;
}
