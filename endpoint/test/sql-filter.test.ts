import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadFixture, sqlFor, viaMock, viaSql, type Outcome, type Query, type SqlFixture, type SqlRoute } from './sql-fixture.js';
import { openTestDb, type TestDb } from './support/test-db.js';

let db: TestDb;
let fx: SqlFixture;
before(async () => {
  db = await openTestDb();
  fx = await loadFixture(db);
});
after(() => db.close());

/** What a query must give, besides agreeing with the mock: rows (some, none, all) or a 400 whose message contains the text. */
type Expect = 'some' | 'none' | 'all' | { error: string };

async function agree(route: SqlRoute, q: Query, expect: Expect): Promise<Outcome> {
  const expected = viaMock(route, q);
  const actual = await viaSql(db, route, q);
  const what = `${route.name} ${JSON.stringify(q)}`;
  assert.deepEqual(actual, expected, what);
  if (typeof expect === 'object') {
    assert.ok('error' in expected && expected.error.includes(expect.error), `${what}: expected a 400 with "${expect.error}", got ${JSON.stringify(expected).slice(0, 200)}`);
  } else {
    assert.ok('rows' in expected, `${what}: ${JSON.stringify(expected)}`);
    const n = expected.rows.length;
    const total = route.rows.length;
    if (expect === 'none') assert.equal(n, 0, what);
    if (expect === 'all') assert.equal(n, total, what);
    if (expect === 'some') assert.ok(n > 0 && n < total, `${what}: ${n} of ${total} rows`);
  }
  return expected;
}

async function battery(route: SqlRoute, cases: [string, Expect][], policy?: Query['policy']) {
  for (const [filter, expect] of cases) await agree(route, { filter, policy }, expect);
}

const NOT_SUPPORTED = { error: 'by this report' };

test('userRegistrationDetails: every documented filter, on the documented policy', async () => {
  const route = fx.routes.userRegistrationDetails;
  const flags = Object.keys(route.documented).filter((p) => p.startsWith('is'));
  assert.ok(flags.length >= 7);
  for (const flag of flags) {
    await battery(route, [[`${flag} eq true`, 'some'], [`${flag} eq false`, 'some'], [flag, 'some'], [`true eq ${flag}`, 'some']]);
  }
  await battery(route, [
    ["methodsRegistered/any(m: m eq 'email')", 'some'],
    ["methodsRegistered/any(m: m eq 'MOBILEPHONE')", 'some'],
    ["methodsRegistered/any(x:x eq microsoft.graph.registrationAuthMethod'fido2SecurityKey')", 'some'],
    ["systemPreferredAuthenticationMethods/any(m: m eq 'push')", 'some'],
    ["methodsRegistered/any(m: m eq 'nothing')", 'none'],
    ["userPreferredMethodForSecondaryAuthentication eq 'push'", 'some'],
    ["userPreferredMethodForSecondaryAuthentication eq ''", 'some'],
    ['userPreferredMethodForSecondaryAuthentication eq null', 'some'],
    ["userDisplayName eq 'Siobhán O''Brien'", 'some'],
    ["userDisplayName eq 'SIOBHÁN O''BRIEN'", 'some'],
    ["userDisplayName eq 'åsa öberg'", 'some'],
    ["userDisplayName eq 'Eve <img src=x onerror=alert(1)>'", 'some'],
    ['userDisplayName eq null', 'some'],
    ["userPrincipalName eq 'asa.oberg@contoso.example'", 'some'],
    ["userPrincipalName eq 'zoe.angstrom@contoso.example'", 'some'],
    ["startswith(userDisplayName, 'zoë')", 'some'],
    ["startswith(userDisplayName, 'ZOË Å')", 'some'],
    ["startswith(userDisplayName, 'Åsa')", 'some'],
    ["startswith(userDisplayName, 'ωMEGA σ')", 'some'],
    ["startswith(userPrincipalName, 'SIOBHAN.O''B')", 'some'],
    ["startswith(userPrincipalName, 'a')", 'some'],
    ["startswith(userPrincipalName, '')", 'all'],
    // LIKE's own characters match themselves only
    ["startswith(userDisplayName, '100%')", 'some'],
    ["startswith(userDisplayName, '100% jane_doe\\ b')", 'some'],
    ["startswith(userDisplayName, '1_0')", 'none'],
    ["startswith(userDisplayName, '%')", 'none'],
    ["startswith(userDisplayName, '_')", 'none'],
    ["startswith(userDisplayName, '\\')", 'none'],
    ["startswith(userPrincipalName, 'jane_doe%100\\x@')", 'some'],
    ["startswith(userPrincipalName, 'jane_doe%100\\\\')", 'none'],
    ["startswith(userPrincipalName, 'jane%')", 'none'],
    ["startswith(userDisplayName, 'o''brien_%')", 'some'],
    ["startswith(userDisplayName, 'o''brien__')", 'none'],
    ["StartsWith(userDisplayName, 'a')", 'some'],
    // and / or / parentheses
    ["isSsprEnabled eq true and isSsprRegistered eq false", 'some'],
    ["isMfaCapable eq true or methodsRegistered/any(m: m eq 'email')", 'some'],
    ["(isMfaCapable eq true or isPasswordlessCapable eq true) and startswith(userPrincipalName, 'm')", 'some'],
    ["isMfaCapable eq true or isPasswordlessCapable eq true and startswith(userPrincipalName, 'm')", 'some'],
    ["isSsprCapable and isSsprEnabled eq false", 'none'],
    ['isMfaCapable eq false', 'some'],
  ]);
});

test('userRegistrationDetails: undocumented and bad filters are the mock\'s 400s, word for word', async () => {
  const route = fx.routes.userRegistrationDetails;
  await battery(route, [
    ['isAdmin eq true', NOT_SUPPORTED],
    ["userType eq 'guest'", NOT_SUPPORTED],
    ["userDisplayName ne 'x'", { error: "operator 'ne' is not supported on 'userDisplayName' by this report (supported: eq, startswith)" }],
    ["userDisplayName gt 'x'", NOT_SUPPORTED],
    ['not isMfaCapable', { error: "the 'not' operator" }],
    ["methodsRegistered/all(m: m eq 'email')", NOT_SUPPORTED],
    ['methodsRegistered/any()', NOT_SUPPORTED],
    ["methodsRegistered/any(m: startswith(m, 'e'))", NOT_SUPPORTED],
    ["methodsRegistered eq 'email'", NOT_SUPPORTED],
    ["startswith(userType, 'm')", NOT_SUPPORTED],
    ['userDisplayName eq 5', { error: "'userDisplayName' is string and cannot be compared with a number literal" }],
    ['isMfaCapable eq 1', { error: 'is boolean and cannot be compared' }],
    ['nope eq 1', { error: "Could not find a property named 'nope'" }],
    ["length(userDisplayName) eq 5", { error: "function 'length' is not supported" }],
    ["userDisplayName eq 'a' add 1", { error: "operator 'add' is not supported" }],
    ["'a' eq 'b'", { error: 'a literal cannot be compared with a literal' }],
    ['userDisplayName eq userPrincipalName', { error: 'a property on one side and a literal on the other' }],
    ["userDisplayName eq 'unterminated", { error: 'Unterminated string literal' }],
    ['userDisplayName eq', { error: 'expression expected at the end' }],
    ['', { error: 'empty expression' }],
    ['(isMfaCapable eq true', { error: "expected ')'" }],
    ['isMfaCapable eq true)', { error: 'unexpected token' }],
    ["startswith(userDisplayName)", { error: "startswith expects (property, 'text')" }],
    ['userDisplayName eq #', { error: "character '#'" }],
    ['lastUpdatedDateTime ge 2026-11-01T00:00:00Z', NOT_SUPPORTED],
  ]);
});

test('userRegistrationDetails: the whole language without a policy (not, ne, ranges, null, all, nested tests)', async () => {
  const route = fx.routes.userRegistrationDetails;
  const sample = fx.routes.userRegistrationDetails.rows[42]! as { lastUpdatedDateTime: string; id: string };
  await battery(route, [
    ['not isAdmin', 'some'],
    // over missing properties: SQL's NULL must not leak through not
    ['not isSsprEnabled', 'some'],
    ["not (userDisplayName eq 'x')", 'all'],
    ["not startswith(userDisplayName, 'a')", 'some'],
    ['not (lastUpdatedDateTime lt 2026-11-30)', 'some'],
    ["not (methodsRegistered/all(m: startswith(m, 'e')))", 'some'],
    ["not (not (userDisplayName eq 'åsa öberg'))", 'some'],
    ["not (userType eq 'guest' or isAdmin)", 'some'],
    ['isAdmin ne true', 'some'],
    ['isMfaCapable ne false', 'some'],
    ["userType ne 'guest'", 'some'],
    ["userPreferredMethodForSecondaryAuthentication ne 'push'", 'some'],
    ['userPreferredMethodForSecondaryAuthentication ne null', 'some'],
    ["userDisplayName gt 'm'", 'some'],
    ["userDisplayName le 'B'", 'some'],
    ["'m' lt userDisplayName", 'some'],
    ["userDisplayName ge 'ångström'", 'some'],
    ["userPrincipalName lt 'b'", 'some'],
    ['lastUpdatedDateTime gt 2026-11-29T12:00:00Z', 'some'],
    ["lastUpdatedDateTime le '2026-11-29T12:00:00Z'", 'some'],
    ['lastUpdatedDateTime lt 2026-11-30', 'some'],
    ['lastUpdatedDateTime lt 2026-11-28', 'none'],
    [`lastUpdatedDateTime eq ${sample.lastUpdatedDateTime}`, 'some'],
    [`lastUpdatedDateTime eq '${sample.lastUpdatedDateTime.slice(0, 23)}Z'`, 'some'],
    [`lastUpdatedDateTime ne ${sample.lastUpdatedDateTime}`, 'some'],
    ['lastUpdatedDateTime eq 2026-11-29T23:59:59.999Z', 'some'],
    ['lastUpdatedDateTime gt 2026-11-29T23:59:59.998Z', 'some'],
    ['lastUpdatedDateTime gt 2026-11-30T12:00:00.9999999Z', 'none'],
    ["lastUpdatedDateTime lt 'July 1, 2030'", 'some'],
    ["lastUpdatedDateTime lt '+200000-01-01T00:00:00Z'", 'some'],
    ["lastUpdatedDateTime gt '-100000-01-01T00:00:00Z'", 'some'],
    ['lastUpdatedDateTime eq null', 'some'],
    ["lastUpdatedDateTime eq 'yesterday'", { error: "'lastUpdatedDateTime' is date and cannot be compared with a string literal" }],
    ["methodsRegistered/all(m: m ne 'email')", 'some'],
    ["methodsRegistered/all(m: startswith(m, 'm'))", 'some'],
    ['methodsRegistered/any()', 'some'],
    ['not methodsRegistered/any()', 'some'],
    ['methodsRegistered/any(m: m eq null)', 'some'],
    ['methodsRegistered/all(m: m ne null)', 'some'],
    ['methodsRegistered eq null', 'some'],
    ['systemPreferredAuthenticationMethods eq null', 'some'],
    ['methodsRegistered ne null', 'some'],
    ["methodsRegistered/any(m: not (m eq 'email'))", 'some'],
    ["methodsRegistered/any(m: m eq 'email' and isAdmin)", 'some'],
    ['(isAdmin eq true) eq false', 'some'],
    ["startswith(userDisplayName, 'a') eq true", 'some'],
    ["startswith(userDisplayName, 'a') ne true", 'some'],
    ["(userType eq 'guest') ne null", 'all'],
    ["(userType eq 'guest') eq null", 'none'],
    ['isMfaCapable eq null', 'some'],
    ['isSsprEnabled ne null', 'some'],
    ['true', 'all'],
    ['false', 'none'],
    ['not true', 'none'],
    ['true and isAdmin', 'some'],
    [`id eq '${sample.id}'`, 'some'],
    ["methodsRegistered gt 'a'", { error: "use methodsRegistered/any(x: x gt …)" }],
    ["methodsRegistered/any(userType: userType eq 'x')", { error: "lambda variable 'userType' hides a property" }],
    ["methodsRegistered/any(m: m/x eq 'x')", { error: "cannot be read from a string value" }],
    ["userDisplayName/any(m: m eq 'x')", { error: "'userDisplayName' is not a collection" }],
    ['isAdmin gt true', { error: "operator 'gt' is not supported on boolean 'isAdmin'" }],
    ['userDisplayName gt null', { error: "operator 'gt' cannot be used with null" }],
    ["userDisplayName", { error: "'userDisplayName' is not a boolean expression" }],
    ["'x'", { error: 'a literal is not a boolean expression' }],
  ], null);
});

test('userEventsSummary: documented filters, the endpoint\'s date ranges, and its 400s', async () => {
  const route = fx.routes.userEventsSummary;
  const at = (route.rows[7] as { eventDateTime: string }).eventDateTime;
  await battery(route, [
    ["feature eq 'reset'", 'some'],
    ["feature eq 'REGISTRATION'", 'some'],
    ['isSuccess eq false', 'some'],
    ['isSuccess', 'some'],
    ["failureReason eq ''", 'some'],
    ["authMethod eq 'email'", 'some'],
    ["userDisplayName eq 'Siobhán O''Brien'", 'some'],
    ["startswith(userDisplayName, '100% jane_')", 'some'],
    ["startswith(userPrincipalName, 'jane_doe%')", 'some'],
    ["startswith(userPrincipalName, 's')", 'some'],
    ["feature eq 'reset' and (isSuccess eq false or authMethod eq 'email')", 'some'],
    ['eventDateTime ge 2026-11-20T00:00:00Z', NOT_SUPPORTED],
    ["id eq 'x'", NOT_SUPPORTED],
    ["failureReason ne ''", NOT_SUPPORTED],
  ]);
  await battery(route, [
    ['eventDateTime ge 2026-11-20T00:00:00Z', 'some'],
    ["eventDateTime lt '2026-11-20T00:00:00Z'", 'some'],
    ['eventDateTime le 2026-11-20', 'some'],
    ['eventDateTime gt 2026-11-20T10:00:00+02:00', 'some'],
    [`eventDateTime eq ${at}`, 'some'],
    [`eventDateTime eq '${at}'`, 'some'],
    [`eventDateTime ge ${at} and eventDateTime le ${at}`, 'some'],
    [`eventDateTime gt ${at} and eventDateTime lt ${at}`, 'none'],
    ["eventDateTime ge 2026-11-25T00:00:00Z and feature eq 'reset'", 'some'],
    ["eventDateTime eq 'garbage'", { error: "'eventDateTime' is date and cannot be compared with a string literal" }],
    ['eventDateTime eq 5', { error: 'cannot be compared with a number literal' }],
    ['eventDateTime ne 2026-11-20T00:00:00Z', { error: "operator 'ne' is not supported on 'eventDateTime'" }],
  ], route.endpoint);
  await battery(route, [
    ['not isSuccess', 'some'],
    ["not (failureReason eq '')", 'some'],
    ["not (authMethod eq 'email' or userDisplayName eq 'x')", 'some'],
    ['isSuccess ne false', 'some'],
    ['isSuccess eq null', 'some'],
    ["failureReason ne ''", 'some'],
    ['failureReason eq null', 'some'],
    ['authMethod eq null', 'some'],
    ["authMethod ne 'email'", 'some'],
    ['userDisplayName eq null', 'some'],
    [`eventDateTime ne ${at}`, 'some'],
    ['not (eventDateTime lt 2026-11-20T00:00:00Z)', 'some'],
  ], null);
});

test('directoryAudits: documented filters, lambdas over objects, date literals and 400s', async () => {
  const route = fx.routes.directoryAudits;
  const audits = route.rows as unknown as { activityDateTime: string; initiatedBy: { user: { id: string } }; targetResources: { id: string }[] }[];
  // a row whose 7-digit fraction stays in its millisecond when stored with microseconds (see the report on rounding)
  const row = audits.slice(200).find((a) => Number(a.activityDateTime.slice(23, 27)) < 9995)!;
  const ms = `${row.activityDateTime.slice(0, 23)}Z`;
  await battery(route, [
    ["activityDisplayName eq 'Reset password (self-service)'", 'some'],
    ["startswith(activityDisplayName, 'reset')", 'some'],
    ["loggedByService eq 'Self-service Password Management'", 'some'],
    ["loggedByService eq 'authentication methods'", 'some'],
    [`initiatedBy/user/id eq '${row.initiatedBy.user.id}'`, 'some'],
    ["initiatedBy/user/displayName eq 'Siobhán O''Brien'", 'some'],
    ["initiatedBy/user/userPrincipalName eq 'ZOE.ANGSTROM@contoso.example'", 'some'],
    ["startswith(initiatedBy/user/userPrincipalName, 'm')", 'some'],
    ["initiatedBy/app/appId eq 'app-1'", 'some'],
    ["initiatedBy/app/displayName eq 'sync agent'", 'some'],
    [`targetResources/any(t: t/id eq '${row.targetResources[0]!.id}')`, 'some'],
    ["targetResources/any(t: t/displayName eq 'Self-service password reset policy')", 'some'],
    ["targetResources/any(t: startswith(t/displayName, 'åsa ö'))", 'some'],
    ["targetResources/any(t: startswith(t/displayName, 'zoë'))", 'some'],
    ["activityDisplayName eq 'Reset password (self-service)' and (initiatedBy/user/displayName eq 'Zoë Ångström' or targetResources/any(t: startswith(t/displayName, 's')))", 'some'],
    [`activityDateTime eq ${ms}`, 'some'],
    [`activityDateTime eq ${row.activityDateTime}`, 'some'],
    [`activityDateTime ge ${ms} and activityDateTime le ${ms}`, 'some'],
    ["activityDateTime ge 2026-11-20T00:00:00Z", 'some'],
    ["activityDateTime le '2026-11-20T00:00:00.5Z'", 'some'],
    ["targetResources/any(t: t/type eq 'User')", NOT_SUPPORTED],
    ["targetResources/all(t: t/id eq 'x')", NOT_SUPPORTED],
    ["initiatedBy/user/ipAddress eq 'x'", NOT_SUPPORTED],
    ["result eq 'success'", NOT_SUPPORTED],
    ['activityDateTime gt 2026-11-20T00:00:00Z', { error: "operator 'gt' is not supported on 'activityDateTime' by this report (supported: eq, ge, le)" }],
    ["initiatedBy/user eq 'x'", NOT_SUPPORTED],
    ["initiatedBy/nobody/id eq 'x'", { error: "Could not find a property named 'nobody' on type 'microsoft.graph.auditActivityInitiator'" }],
  ]);
  await battery(route, [
    ['activityDateTime gt 2026-11-20T00:00:00Z', 'some'],
    [`activityDateTime lt ${ms}`, 'some'],
    [`activityDateTime gt ${ms}`, 'some'],
  ], route.endpoint);
  await battery(route, [
    ['initiatedBy/app eq null', 'some'],
    ['initiatedBy/app ne null', 'some'],
    ['initiatedBy/user eq null', 'some'],
    ['initiatedBy eq null', 'some'],
    ["initiatedBy/user/ipAddress gt '200'", 'some'],
    ["targetResources/all(t: t/type eq 'User')", 'some'],
    ["targetResources/any(t: t/userPrincipalName eq null)", 'some'],
    ['targetResources/any(t: t eq null)', 'some'],
    ['targetResources/all(t: t ne null)', 'some'],
    ['targetResources eq null', 'some'],
    ["additionalDetails/any(d: d/key eq 'OnPremisesAgent' and d/value ne 'x')", 'some'],
    ["not targetResources/any(t: t/type eq 'Policy')", 'some'],
    ["not (initiatedBy/user/displayName eq 'x')", 'all'],
    ["targetResources/all(t: startswith(t/displayName, 'å'))", 'some'],
    ["targetResources/any(t: not (t/userPrincipalName eq 'x'))", 'some'],
    ['targetResources/any()', 'some'],
    ['not targetResources/any()', 'some'],
    ['additionalDetails/any()', 'some'],
    ["result ne 'success'", 'some'],
    // the mock lets a body-less any() through inside a lambda (it returns before its nesting check)
    ['targetResources/any(t: additionalDetails/any())', 'some'],
    ["targetResources/any(t: additionalDetails/any(d: d/key eq 'x'))", { error: 'nested lambda expressions are not supported' }],
    ["targetResources/any(t: t/x eq 1)", { error: "Could not find a property named 'x' on type 'microsoft.graph.targetResource'" }],
  ], null);
});

test('userPasswordResetsAndChangesSummary: counts gt, the endpoint\'s day ranges, numbers without a policy', async () => {
  const route = fx.routes.userPasswordResetsAndChangesSummary;
  await battery(route, [
    ['passwordResetsByAdminCount gt 0', 'some'],
    ['passwordResetsSelfServiceCount gt 1', 'some'],
    ['changePasswordSelfServiceCount gt 2', 'some'],
    ['passwordResetsSelfServiceCount gt 0 and changePasswordSelfServiceCount gt 0', 'some'],
    ['passwordResetsSelfServiceCount gt 1000', 'none'],
    ['0 lt passwordResetsByAdminCount', 'some'],
    ['0 gt passwordResetsByAdminCount', { error: "operator 'lt' is not supported" }],
    ['passwordResetsByAdminCount eq 0', { error: "operator 'eq' is not supported on 'passwordResetsByAdminCount' by this report (supported: gt)" }],
    ["passwordResetsByAdminCount gt '1'", { error: 'is number and cannot be compared with a string literal' }],
    ['aggregatedDateTime ge 2026-11-15', NOT_SUPPORTED],
  ]);
  await battery(route, [
    ['aggregatedDateTime ge 2026-11-15', 'some'],
    ['aggregatedDateTime eq 2026-11-15T00:00:00Z', 'some'],
    ["aggregatedDateTime lt '2026-11-15T00:00:00.001Z'", 'some'],
    ['aggregatedDateTime gt 2026-11-14T23:59:59.999Z and aggregatedDateTime le 2026-11-15', 'some'],
  ], route.endpoint);
  await battery(route, [
    ['passwordResetsByAdminCount ge 1', 'some'],
    ['not (passwordResetsByAdminCount gt 0)', 'some'],
    ['passwordResetsByAdminCount eq null', 'some'],
    ['passwordResetsByAdminCount ne 0', 'some'],
    ['passwordResetsByAdminCount eq 0', 'some'],
    ['changePasswordSelfServiceCount ne 1', 'some'],
    ['changePasswordSelfServiceCount le 2', 'some'],
    ['changePasswordSelfServiceCount eq 2.5', 'some'],
    ['changePasswordSelfServiceCount lt 2.5e0', 'some'],
    ['passwordResetsSelfServiceCount lt -1', 'none'],
    ['passwordResetsSelfServiceCount lt 1e999', 'all'],
    ['2 lt passwordResetsSelfServiceCount', 'some'],
  ], null);
});

test('a filter that fails compiles nothing into the parameters', async () => {
  const { compileSqlFilter } = await import('../src/serve/sql/index.js');
  const route = fx.routes.userRegistrationDetails;
  const params: unknown[] = ['kept'];
  assert.throws(() => compileSqlFilter("startswith(userPrincipalName, 'a') and isAdmin", route.schema, route.documented, route.mapping, params));
  assert.deepEqual(params, ['kept']);
  const sql = compileSqlFilter("startswith(userPrincipalName, 'A_b') or userDisplayName eq 'X'", route.schema, route.documented, route.mapping, params);
  assert.deepEqual(params, ['kept', 'A\\_b%', 'X']);
  assert.match(sql, /lower\(doc ->> 'userPrincipalName'\) COLLATE "C" LIKE lower\(\$2::text\)/);
});

/**
 * The plan of `q`'s page (after `position`), with sequential scans — and, for `sorted`, sorts — priced
 * out: what the indexes can serve, whatever a table this small would make the planner prefer.
 */
async function plan(route: SqlRoute, q: Query, position?: unknown[], sorted = false): Promise<string> {
  const { sql, params } = sqlFor(route, q, (params, order) => (position ? [order.after(position, params)] : []));
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL enable_seqscan = off');
    if (sorted) await tx.query('SET LOCAL enable_sort = off');
    const { rows } = await tx.query(`EXPLAIN ${sql} LIMIT 100`, params);
    return rows.map((r) => Object.values(r)[0]).join('\n');
  });
}

test('UPN eq and startswith are written as the indexes are: lower(doc ->> …) COLLATE "C", a prefix range for startswith', async () => {
  const users = fx.routes.userRegistrationDetails;
  const eq = await plan(users, { filter: "userPrincipalName eq 'Zoe.Angstrom@CONTOSO.example'" });
  assert.match(eq, /user_versions_current_upn/, eq);
  assert.match(eq, /Index Cond: .*lower\(\(doc ->> 'userPrincipalName'::text\)\).* = 'zoe\.angstrom@contoso\.example'::text/, eq);
  const prefix = await plan(users, { filter: "startswith(userPrincipalName, 'Zoe.A_')" });
  assert.match(prefix, /user_versions_current_upn/, prefix);
  assert.match(prefix, /Index Cond: .*>= 'zoe\.a_'::text.*< 'zoe\.a`'::text/, prefix);
  const name = await plan(users, { filter: "startswith(userDisplayName, 'Zo')" });
  assert.match(name, /user_versions_current_name/, name);
  const events = await plan(fx.routes.userEventsSummary, { filter: "startswith(userPrincipalName, 'a')" });
  assert.match(events, /events_upn/, events);
  const audits = await plan(fx.routes.directoryAudits, { orderby: 'activityDateTime desc', filter: "activityDateTime ge 2026-11-20T00:00:00Z" },
    ['2026-11-25 10:00:00.123457+00', 'SSPR_x'], true);
  assert.match(audits, /Index Cond: .*activity_at <= /, audits);
  assert.match(audits, /Index Scan using audits_activity/, audits);
  assert.doesNotMatch(audits, /Sort/, audits); // typed columns order without NULLS clauses, as the index does
});
