import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTenant } from '../../src/mock/tenant.js';
import { loadTenant } from './support/load-tenant.js';
import { MOCK_NOW } from './support/mock-graph.js';
import { openTestDb, type TestDb } from './support/test-db.js';

let db: TestDb;
before(async () => {
  db = await openTestDb();
});
after(() => db.close());

test('the test loader stores every row of a tenant, each once', async () => {
  const tenant = createTenant({ users: 300, now: MOCK_NOW });
  await loadTenant(db, tenant);
  const count = async (table: string) => Number((await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
  assert.equal(await count('user_versions'), tenant.users.length);
  assert.equal(await count('events'), tenant.events.length);
  assert.equal(await count('audits'), tenant.audits.length);
  assert.equal(await count('daily_resets'), tenant.resetsAndChanges().length);
  const { rows } = await db.query<{ doc: unknown }>('SELECT doc FROM user_versions WHERE user_id = $1', [tenant.users[0]!.id]);
  assert.deepEqual(rows[0]!.doc, JSON.parse(JSON.stringify(tenant.users[0])));
});
