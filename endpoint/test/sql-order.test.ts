import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { decodePageToken, encodePageToken } from '../src/serve/sql/index.js';
import { loadFixture, sqlFor, viaMock, viaSql, type Query, type SqlFixture, type SqlRoute } from './sql-fixture.js';
import { openTestDb, type TestDb } from './support/test-db.js';

let db: TestDb;
let fx: SqlFixture;
before(async () => {
  db = await openTestDb();
  fx = await loadFixture(db);
});
after(() => db.close());

async function agree(route: SqlRoute, q: Query): Promise<void> {
  const expected = viaMock(route, q);
  assert.deepEqual(await viaSql(db, route, q), expected, `${route.name} ${JSON.stringify(q)}`);
  if ('rows' in expected && q.orderby !== undefined) {
    // not a vacuous order: the first term takes more than one value
    assert.ok(new Set(expected.keys.map((k) => JSON.stringify(JSON.parse(k)[0]))).size > 1, `${route.name} ${q.orderby}: one key value only`);
  }
}

async function agreeError(route: SqlRoute, q: Query, message: string): Promise<void> {
  const expected = viaMock(route, q);
  assert.deepEqual(await viaSql(db, route, q), expected);
  assert.ok('error' in expected && expected.error.includes(message), `${JSON.stringify(q)}: ${JSON.stringify(expected).slice(0, 200)}`);
}

test('documented orders give the mock\'s sequence of sort keys, with and without a filter', async () => {
  const { userRegistrationDetails: users, userEventsSummary: events, directoryAudits: audits } = fx.routes;
  for (const orderby of ['userDisplayName', 'userDisplayName desc', 'userPrincipalName asc', 'userPrincipalName desc', 'userDisplayName desc, userPrincipalName', 'userDisplayName,userDisplayName desc']) {
    await agree(users, { orderby });
    await agree(users, { orderby, filter: "isMfaCapable eq true and startswith(userPrincipalName, 's')" });
    await agree(events, { orderby });
    await agree(events, { orderby, filter: "feature eq 'reset'" });
  }
  for (const orderby of ['activityDateTime', 'activityDateTime desc', 'activityDateTime asc']) {
    await agree(audits, { orderby });
    await agree(audits, { orderby, filter: "startswith(activityDisplayName, 'reset')" });
  }
});

test('undocumented or bad orders are the mock\'s 400s, and a bad filter is reported before a bad order', async () => {
  const { userRegistrationDetails: users, directoryAudits: audits, userPasswordResetsAndChangesSummary: days } = fx.routes;
  await agreeError(users, { orderby: 'isAdmin' }, "ordering by 'isAdmin' is not supported by this report (supported: userDisplayName, userPrincipalName)");
  await agreeError(users, { orderby: 'lastUpdatedDateTime desc' }, 'is not supported by this report');
  await agreeError(users, { orderby: 'methodsRegistered' }, "'methodsRegistered' is not a sortable property");
  await agreeError(users, { orderby: 'userDisplayName up' }, "',' or end expected at position 16");
  await agreeError(users, { orderby: '' }, 'property name expected at position 0');
  await agreeError(users, { orderby: 'nope' }, "Could not find a property named 'nope'");
  await agreeError(users, { orderby: 'userDisplayName,' }, 'property name expected');
  await agreeError(users, { orderby: 'nope', filter: 'isAdmin' }, "filtering on 'isAdmin'");
  await agreeError(audits, { orderby: 'initiatedBy/user/displayName' }, '(supported: activityDateTime)');
  await agreeError(audits, { orderby: 'initiatedBy desc' }, "'initiatedBy' is not a sortable property");
  await agreeError(days, { orderby: 'aggregatedDateTime' }, "ordering by 'aggregatedDateTime' is not supported by this report");
});

/** Orders outside the documented ones: nulls, missing properties, booleans, numbers, dates in the document, nested paths. */
const GENERAL: [keyof SqlFixture['routes'], string, string?][] = [
  ['userRegistrationDetails', 'userDisplayName'],
  ['userRegistrationDetails', 'userDisplayName desc'],
  ['userRegistrationDetails', 'lastUpdatedDateTime desc'],
  ['userRegistrationDetails', 'lastUpdatedDateTime'],
  ['userRegistrationDetails', 'isAdmin, userDisplayName desc'],
  ['userRegistrationDetails', 'isMfaCapable desc, userPrincipalName'],
  ['userRegistrationDetails', 'isSsprEnabled, isMfaCapable desc, userDisplayName'],
  ['userRegistrationDetails', 'userPreferredMethodForSecondaryAuthentication desc, userType, userPrincipalName desc'],
  ['userEventsSummary', 'eventDateTime desc'],
  ['userEventsSummary', 'eventDateTime'],
  ['userEventsSummary', 'isSuccess desc, eventDateTime', "feature eq 'reset'"],
  ['userEventsSummary', 'failureReason desc, userDisplayName'],
  ['userEventsSummary', 'authMethod, userDisplayName desc'],
  ['directoryAudits', 'initiatedBy/user/displayName, activityDateTime desc'],
  ['directoryAudits', 'initiatedBy/app/displayName desc, activityDateTime'],
  ['directoryAudits', 'initiatedBy/app/displayName, initiatedBy/user/userPrincipalName desc'],
  ['directoryAudits', 'result, activityDisplayName desc', "loggedByService eq 'Self-service Password Management'"],
  ['userPasswordResetsAndChangesSummary', 'passwordResetsByAdminCount desc, aggregatedDateTime'],
  ['userPasswordResetsAndChangesSummary', 'passwordResetsByAdminCount, aggregatedDateTime desc'],
  ['userPasswordResetsAndChangesSummary', 'changePasswordSelfServiceCount'],
  ['userPasswordResetsAndChangesSummary', 'aggregatedDateTime desc'],
];

test('any scalar orders as sortRows does: strings ignoring case, nulls first ascending and last descending, false before true', async () => {
  for (const [name, orderby, filter] of GENERAL) {
    const route = fx.routes[name];
    await agree(route, { orderby, filter, policy: null, allowed: route.sortable });
  }
});

/** Walks `q` in pages of `size` through tokens and after(); returns the rows in the order served. */
async function walk(route: SqlRoute, q: Query, size: number): Promise<number[]> {
  const served: number[] = [];
  const signature = `${route.name}\u0000${q.filter ?? ''}\u0000${q.orderby ?? ''}`;
  let token: string | undefined;
  for (let pages = 0; ; pages++) {
    assert.ok(pages <= route.rows.length, 'the walk does not end');
    const { sql, params, order } = sqlFor(route, q, (params, order) =>
      token === undefined ? [] : [order.after(decodePageToken(token, signature, order.keys.length), params)]);
    const { rows } = await db.query<Record<string, unknown> & { doc: { _row: number } }>(`${sql} LIMIT ${size + 1}`, params);
    served.push(...rows.slice(0, size).map((r) => r.doc._row));
    if (rows.length <= size) return served;
    const last = rows[size - 1]!;
    token = encodePageToken(signature, order.keys.map((_, i) => last[`k${i}`]));
  }
}

async function full(route: SqlRoute, q: Query): Promise<number[]> {
  const { sql, params } = sqlFor(route, q);
  const { rows } = await db.query<{ doc: { _row: number } }>(sql, params);
  return rows.map((r) => r.doc._row);
}

test('a keyset walk of any page size serves the full ordered result: no duplicates, no gaps', async () => {
  const walks: [SqlRoute, Query][] = [
    [fx.routes.userRegistrationDetails, {}],
    [fx.routes.userRegistrationDetails, { orderby: 'userDisplayName' }],
    [fx.routes.userRegistrationDetails, { orderby: 'userPrincipalName desc', filter: "startswith(userPrincipalName, 'm') or isSsprCapable eq false" }],
    [fx.routes.directoryAudits, { orderby: 'activityDateTime desc' }],
    [fx.routes.userEventsSummary, { orderby: 'userDisplayName desc' }],
    ...GENERAL.map(([name, orderby, filter]): [SqlRoute, Query] => [fx.routes[name], { orderby, filter, policy: null, allowed: fx.routes[name].sortable }]),
  ];
  let walked = 0;
  for (const [route, q] of walks) {
    const expected = await full(route, q);
    assert.equal(new Set(expected).size, expected.length);
    for (const size of [7, 50, 1000]) {
      assert.deepEqual(await walk(route, q, size), expected, `${route.name} ${JSON.stringify(q)} in pages of ${size}`);
      walked++;
    }
  }
  assert.ok(walked > 60);
  // one row a page, where the edge rows sit among ties and nulls
  const days = fx.routes.userPasswordResetsAndChangesSummary;
  const q = { orderby: 'passwordResetsByAdminCount desc, changePasswordSelfServiceCount', policy: null, allowed: days.sortable };
  assert.deepEqual(await walk(days, q, 1), await full(days, q));
  const users = fx.routes.userRegistrationDetails;
  const q2 = { orderby: 'isMfaCapable desc, userDisplayName desc', filter: "startswith(userDisplayName, 'a') or userDisplayName eq null or isMfaCapable eq null", policy: null, allowed: users.sortable };
  assert.deepEqual(await walk(users, q2, 1), await full(users, q2));
});

test('the key may be an expression: days newest first by counting back from the far future', async () => {
  const days = fx.routes.userPasswordResetsAndChangesSummary;
  const route: SqlRoute = { ...days, mapping: { ...days.mapping, key: "(DATE '9999-12-31' - day)" } };
  const order = await full(route, {});
  const dates = order.map((i) => (days.rows[i] as { aggregatedDateTime: string }).aggregatedDateTime);
  assert.deepEqual(dates, [...dates].sort().reverse());
  for (const size of [1, 4]) assert.deepEqual(await walk(route, {}, size), order);
});

test('after() writes a leading bound on the first term, so an index can start at the position', async () => {
  const { compileSqlOrder } = await import('../src/serve/sql/index.js');
  const audits = fx.routes.directoryAudits;
  const order = compileSqlOrder('activityDateTime desc', audits.schema, audits.orderby, audits.mapping);
  assert.equal(order.orderBy, 'activity_at DESC, audit_id ASC');
  const params: unknown[] = [];
  assert.equal(order.after(['2026-11-20 10:00:00.123456+00', 'SSPR_x'], params),
    '(activity_at <= $1::timestamptz AND (activity_at <> $1::timestamptz OR audit_id > $2))');
  assert.deepEqual(params, ['2026-11-20 10:00:00.123456+00', 'SSPR_x']);
  const users = fx.routes.userRegistrationDetails;
  const byName = compileSqlOrder('userDisplayName desc', users.schema, users.orderby, users.mapping);
  assert.equal(byName.orderBy, `lower(doc ->> 'userDisplayName') COLLATE "C" DESC NULLS LAST, user_id ASC`);
  assert.equal(byName.after([null, 'u1'], []), "(((lower(doc ->> 'userDisplayName') COLLATE \"C\" IS NULL AND user_id > $1)))");
  assert.throws(() => byName.after(['x'], []), RangeError);
});
