/** The computed summaries' cache: what it keeps, for how long, and that the app serves from it. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTenant } from '../../src/mock/tenant.js';
import { SummaryCache } from '../src/serve/summary-cache.js';
import type { Db } from '../src/store/db.js';
import { ALL_SYNCED, startTestApp } from './support/endpoint-app.js';
import { loadTenant } from './support/load-tenant.js';
import { MOCK_NOW } from './support/mock-graph.js';
import { openTestDb, testBackend, type TestDb } from './support/test-db.js';

const SYNC_1 = '2026-11-30T11:00:00.000Z';
const SYNC_2 = '2026-11-30T12:00:00.000Z';

/** A computation that counts its runs. */
function computation<T>(value: T) {
  let runs = 0;
  return {
    get runs() {
      return runs;
    },
    run: async () => {
      runs++;
      return value;
    },
  };
}

describe('SummaryCache', () => {
  test('computes once per key and sync; callers arriving meanwhile share the computation', async () => {
    const cache = new SummaryCache();
    const c = computation({ total: 3 });
    const [a, b] = await Promise.all([cache.get('k', SYNC_1, c.run), cache.get('k', SYNC_1, c.run)]);
    assert.equal(c.runs, 1);
    assert.equal(a, b);
    assert.equal(await cache.get('k', SYNC_1, c.run), a);
    assert.equal(c.runs, 1);
    await cache.get('other', SYNC_1, c.run);
    assert.equal(c.runs, 2, 'another key is another answer');
  });

  test('a new version of the data (a sync) computes again, and the old answer is not served after it', async () => {
    const cache = new SummaryCache();
    assert.equal(await cache.get('k', SYNC_1, async () => 'before'), 'before');
    assert.equal(await cache.get('k', SYNC_2, async () => 'after'), 'after');
    assert.equal(await cache.get('k', SYNC_2, async () => 'again'), 'after');
  });

  test('a computation that fails (or throws at once) is not kept: the next request computes again', async () => {
    const cache = new SummaryCache();
    await assert.rejects(cache.get('k', SYNC_1, async () => Promise.reject(new Error('database gone'))), /database gone/);
    await assert.rejects(
      cache.get('k', SYNC_1, () => {
        throw new Error('bad parameter');
      }),
      /bad parameter/,
    );
    assert.equal(cache.size, 0);
    assert.equal(await cache.get('k', SYNC_1, async () => 'recovered'), 'recovered');
  });

  test('an answer that depends on the clock is kept maxAgeMs at most', async () => {
    let now = 1_000_000;
    const cache = new SummaryCache({ now: () => now });
    const c = computation('window');
    await cache.get('k', SYNC_1, c.run, 60_000);
    now += 59_999;
    await cache.get('k', SYNC_1, c.run, 60_000);
    assert.equal(c.runs, 1);
    now += 1;
    await cache.get('k', SYNC_1, c.run, 60_000);
    assert.equal(c.runs, 2, 'computed again once the age is reached');
  });

  test('keeps maxEntries answers, dropping the least recently used', async () => {
    const cache = new SummaryCache({ maxEntries: 2 });
    const c = computation('x');
    await cache.get('a', SYNC_1, c.run);
    await cache.get('b', SYNC_1, c.run);
    await cache.get('a', SYNC_1, c.run); // a is now the most recent
    await cache.get('c', SYNC_1, c.run); // drops b
    assert.equal(cache.size, 2);
    assert.equal(c.runs, 3);
    await cache.get('a', SYNC_1, c.run);
    assert.equal(c.runs, 3, 'a was kept');
    await cache.get('b', SYNC_1, c.run);
    assert.equal(c.runs, 4, 'b was dropped');
  });
});

describe(`the app's summaries from the cache (${testBackend()})`, () => {
  let db: TestDb;
  before(async () => {
    db = await openTestDb();
    await loadTenant(db, createTenant({ users: 300, seed: 5, now: MOCK_NOW }));
  });
  after(() => db.close());

  test('a repeated view costs no query until the source syncs again', async () => {
    const synced = { ...ALL_SYNCED };
    let summaryQueries = 0;
    const counting: Db = {
      ...db,
      query: (sql, params) => {
        if (/FROM user_versions|FROM events/.test(sql)) summaryQueries++;
        return db.query(sql, params);
      },
    };
    const app = await startTestApp(counting, MOCK_NOW, synced);
    const feature = `${app.url}/v1.0/reports/authenticationMethods/usersRegisteredByFeature(includedUserTypes='all',includedUserRoles='all')`;
    const mfaCapable = async (url: string) => {
      const response = await fetch(url);
      assert.equal(response.status, 200);
      const body = (await response.json()) as { userRegistrationFeatureCounts: { feature: string; userCount: number }[] };
      return body.userRegistrationFeatureCounts.find((c) => c.feature === 'mfaCapable')!.userCount;
    };
    try {
      const before = await mfaCapable(feature);
      const queries = summaryQueries;
      assert.ok(queries > 0);
      assert.equal(await mfaCapable(feature), before);
      assert.equal(await mfaCapable(`${feature}?_=cache-buster`), before, 'a parameter the route ignores is the same answer');
      assert.equal(summaryQueries, queries, 'answered without a query');
      assert.equal((await fetch(`${feature}?$top=1`)).status, 400, 'a refused option is refused every time');
      assert.equal((await fetch(`${feature}?$top=1`)).status, 400);

      // a sync that changed a user: a new last-sync time, and the next view counts again
      await db.query(
        `UPDATE user_versions SET doc = jsonb_set(doc, '{isMfaCapable}', 'true')
         WHERE user_id = (SELECT user_id FROM user_versions WHERE valid_to IS NULL AND doc ->> 'isMfaCapable' = 'false' ORDER BY user_id LIMIT 1)`,
      );
      assert.equal(await mfaCapable(feature), before, 'no sync yet: the answer of the last one');
      synced.userRegistrationDetails = SYNC_2;
      assert.equal(await mfaCapable(feature), before + 1);
      assert.ok(summaryQueries > queries);
    } finally {
      await app.close();
    }
  });
});
