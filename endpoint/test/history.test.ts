/**
 * The daily series (extensions) against a count done in JS from the same versions: users whose state
 * changed mid-period, users removed, users added.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTenant } from '../../src/mock/tenant.js';
import type { GraphUserRegistrationDetails } from '../../src/graph/types.js';
import { featureHistory } from '../src/serve/history/feature-history.js';
import { methodHistory } from '../src/serve/history/method-history.js';
import { openTestDb, testBackend, type TestDb } from './support/test-db.js';
import { MockHttpError } from '../../src/mock/http-error.js';
import { saveCheckpoint } from '../src/sync/checkpoint.js';

const DAY = 86_400_000;
const NOW = new Date('2026-11-30T15:00:00Z');
const day = (offset: number) => new Date(Date.parse('2026-11-30T00:00:00Z') + offset * DAY);

interface Version { id: string; from: Date; to?: Date; doc: GraphUserRegistrationDetails }

let db: TestDb;
const versions: Version[] = [];
before(async () => {
  db = await openTestDb();
  const users = createTenant({ users: 300, seed: 11, now: NOW }).users;
  const firstSeen = new Date(day(-5).getTime() + 10 * 3_600_000);
  for (const [i, u] of users.entries()) {
    if (i % 10 === 0) {
      // changed three days ago: registered a method, and SSPR-registered
      const changedAt = new Date(day(-3).getTime() + 3_600_000);
      versions.push({ id: u.id, from: firstSeen, to: changedAt, doc: u });
      versions.push({ id: u.id, from: changedAt, doc: { ...u, isSsprRegistered: true, methodsRegistered: [...new Set([...u.methodsRegistered, 'qrCode'])] } });
    } else if (i % 17 === 0) {
      versions.push({ id: u.id, from: firstSeen, to: new Date(day(-1).getTime() + 7_200_000), doc: u }); // removed yesterday
    } else {
      versions.push({ id: u.id, from: i % 23 === 0 ? new Date(day(-2).getTime() + 60_000) : firstSeen, doc: u }); // some new two days ago
    }
  }
  for (const v of versions) {
    await db.query('INSERT INTO user_versions (user_id, valid_from, valid_to, content_hash, doc) VALUES ($1, $2, $3, $4, $5::jsonb)', [
      v.id, v.from.toISOString(), v.to?.toISOString() ?? null, 'h', JSON.stringify(v.doc),
    ]);
  }
});
after(() => db.close());

/** The versions in effect at the end of a UTC day, as the series defines it. */
const atEndOf = (d: Date) => versions.filter((v) => v.from.getTime() < d.getTime() + DAY && (!v.to || v.to.getTime() >= d.getTime() + DAY));

test(`the feature counts of each day equal a count of the versions in effect at its end (${testBackend()})`, async () => {
  const series = await featureHistory(db, 'd7', 'all', 'all', NOW);
  assert.deepEqual(series.map((d) => d.date), [-5, -4, -3, -2, -1, 0].map((o) => day(o).toISOString().slice(0, 10)), 'from the first day seen; none before it');
  for (const entry of series) {
    const live = atEndOf(new Date(`${entry.date}T00:00:00Z`));
    assert.equal(entry.totalUserCount, live.length, entry.date);
    const counts = Object.fromEntries(entry.userRegistrationFeatureCounts.map((c) => [c.feature, c.userCount]));
    assert.equal(counts.ssprRegistered, live.filter((v) => v.doc.isSsprRegistered).length, `${entry.date} registered`);
    assert.equal(counts.ssprCapable, live.filter((v) => v.doc.isSsprCapable).length, `${entry.date} capable`);
    assert.equal(counts.mfaCapable, live.filter((v) => v.doc.isMfaCapable).length, `${entry.date} mfa`);
  }
  assert.notEqual(series[0]!.totalUserCount, series.at(-1)!.totalUserCount, 'the data changes over the week');
  const members = await featureHistory(db, 'd7', 'member', 'admin', NOW);
  const lastLive = atEndOf(day(0)).filter((v) => v.doc.userType === 'member' && v.doc.isAdmin);
  assert.equal(members.at(-1)!.totalUserCount, lastLive.length, 'scoped');
  assert.deepEqual((await featureHistory(db, 'd1', 'all', 'all', NOW)).map((d) => d.date), ['2026-11-30']);
});

test(`the users per method of each day equal a count of the versions in effect at its end (${testBackend()})`, async () => {
  const series = await methodHistory(db, 'd30', 'all', 'all', NOW);
  assert.equal(series.length, 6);
  for (const entry of series) {
    const live = atEndOf(new Date(`${entry.date}T00:00:00Z`));
    const counts = Object.fromEntries(entry.userRegistrationMethodCounts.map((c) => [c.authenticationMethod, c.userCount]));
    assert.equal(counts.password, live.length);
    for (const method of ['email', 'mobilePhone', 'qrCode']) {
      assert.equal(counts[method] ?? 0, live.filter((v) => v.doc.methodsRegistered.includes(method)).length, `${entry.date} ${method}`);
    }
    assert.equal(entry.userRegistrationMethodCounts[0]!.authenticationMethod, 'password', 'the summary order');
  }
  assert.equal(Object.fromEntries(series[0]!.userRegistrationMethodCounts.map((c) => [c.authenticationMethod, c.userCount])).qrCode, 0, 'qrCode arrived later');
});

test('privilegedAdmin: the synced members only, and a 503 before their first read', async () => {
  await assert.rejects(featureHistory(db, 'd7', 'all', 'privilegedAdmin', NOW), (e: unknown) => e instanceof MockHttpError && e.status === 503);
  await assert.rejects(methodHistory(db, 'd7', 'all', 'privilegedAdmin', NOW), (e: unknown) => e instanceof MockHttpError && e.status === 503);
  const chosen = new Set(versions.filter((_, i) => i % 7 === 0).map((v) => v.id));
  for (const id of chosen) await db.query("INSERT INTO privileged_members VALUES ($1, '62e90394-69f5-4237-9190-012177145e10') ON CONFLICT DO NOTHING", [id]);
  await saveCheckpoint(db, 'privilegedRoleMembers', { state: {} }, NOW, NOW);
  const features = await featureHistory(db, 'd7', 'all', 'privilegedAdmin', NOW);
  const methods = await methodHistory(db, 'd7', 'all', 'privilegedAdmin', NOW);
  assert.equal(features.length, 6);
  for (const [i, entry] of features.entries()) {
    const live = atEndOf(new Date(`${entry.date}T00:00:00Z`)).filter((v) => chosen.has(v.id));
    assert.equal(entry.totalUserCount, live.length, entry.date);
    const registered = entry.userRegistrationFeatureCounts.find((c) => c.feature === 'ssprRegistered')!.userCount;
    assert.equal(registered, live.filter((v) => v.doc.isSsprRegistered).length, `${entry.date} registered`);
    assert.equal(methods[i]!.totalUserCount, live.length, `${entry.date} methods`);
  }
  await db.query('DELETE FROM privileged_members');
  await db.query("DELETE FROM sync_checkpoints WHERE source = 'privilegedRoleMembers'");
});
