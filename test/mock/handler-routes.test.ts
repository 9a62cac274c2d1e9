import { expect } from '@open-wc/testing';
import type {
  GraphPage, GraphUserEventsSummary, GraphUserRegistrationActivitySummary, GraphUserRegistrationFeatureSummary,
} from '../../src/graph/types.js';
import { DOCUMENTED_QUERIES } from '../../src/graph/documented-queries.js';
import { ROUTES } from '../../src/graph/types.js';
import { filter, get, handler, tenant, type ErrorShape } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PREFER = { headers: { Prefer: 'include-unknown-enum-members' } };

describe('mock handler routes', () => {
  const h = handler();

  it('usersRegisteredByFeature: one object, parameters in any order, with or without parentheses', async () => {
    const plain = await get<GraphUserRegistrationFeatureSummary>(h, ROUTES.usersRegisteredByFeature);
    expect(plain.status).to.equal(200);
    expect(plain.body).to.deep.equal(tenant().featureSummary('all', 'all'));
    expect(plain.body['@odata.type']).to.equal('#microsoft.graph.userRegistrationFeatureSummary');
    expect(plain.body).not.to.have.property('@odata.context');
    const swapped = await get<GraphUserRegistrationFeatureSummary>(h, `${ROUTES.usersRegisteredByFeature}(includedUserRoles='privilegedAdmin',includedUserTypes='member')`);
    expect(swapped.body.totalUserCount).to.equal(tenant().privilegedAdminIds.size);
    expect(swapped.body).to.include({ userTypes: 'member', userRoles: 'privilegedAdmin' });
    for (const bad of ["(includedUserTypes='everyone')", "(includedUserRoles='root')", "(period='d1')", "(includedUserTypes=all)"]) {
      const r = await get<ErrorShape>(h, ROUTES.usersRegisteredByFeature + bad);
      expect(r.status, bad).to.equal(400);
      expect(r.body.error.code).to.equal('BadRequest');
    }
    expect((await get(h, `${ROUTES.usersRegisteredByFeature}?$filter=x eq 1`)).status).to.equal(400);
  });

  it('userRegistrationActivity: 25 rows without nextLink or context; period required and validated', async () => {
    const r = await get<GraphPage<GraphUserRegistrationActivitySummary>>(h, `${ROUTES.userRegistrationActivity}(period='d7')`, PREFER);
    expect(r.status).to.equal(200);
    expect(Object.keys(r.body)).to.deep.equal(['value']);
    expect(r.body.value).to.deep.equal(tenant().activity('d7'));
    for (const bad of ['', '()', "(period='D7')", "(period='d2')"]) {
      const e = await get<ErrorShape>(h, ROUTES.userRegistrationActivity + bad);
      expect(e.status, bad).to.equal(400);
    }
    const resets = await get<GraphPage<GraphUserRegistrationActivitySummary>>(
      h, `${ROUTES.userRegistrationActivity}(period='d30')?${filter("feature eq 'reset' and successfulActivityCount gt 0")}`, PREFER,
    );
    const expected = tenant().activity('d30').filter((a) => a.feature === 'reset' && a.successfulActivityCount > 0);
    expect(resets.body.value.map((a) => a.id)).to.deep.equal(expected.map((a) => a.id));
    expect(expected.length).to.be.greaterThan(2);
  });

  it('userEventsSummary: context, default page of up to 1000, $top, $orderby, $filter', async () => {
    const all = await get<GraphPage<GraphUserEventsSummary>>(h, ROUTES.userEventsSummary, PREFER);
    expect(all.body['@odata.context']).to.equal('https://graph.microsoft.com/beta/$metadata#reports/authenticationMethods/userEventsSummary');
    expect(all.body.value).to.deep.equal(tenant().events);
    expect(all.body).not.to.have.property('@odata.nextLink');
    const top = await get<GraphPage<GraphUserEventsSummary>>(h, `${ROUTES.userEventsSummary}?$top=5`, PREFER);
    expect(top.body.value.map((e) => e.id)).to.deep.equal(tenant().events.slice(0, 5).map((e) => e.id));
    expect(top.body['@odata.nextLink']).to.be.a('string');
    const desc = await get<GraphPage<GraphUserEventsSummary>>(h, `${ROUTES.userEventsSummary}?$top=5&$orderby=${encodeURIComponent('userDisplayName desc')}`);
    const names = desc.body.value.map((e) => e.userDisplayName.toLowerCase());
    expect(names).to.deep.equal([...names].sort().reverse());
    const failed = await get<GraphPage<GraphUserEventsSummary>>(h, `${ROUTES.userEventsSummary}?${filter("isSuccess eq false and feature eq 'registration'")}`, PREFER);
    expect(failed.body.value.map((e) => e.id)).to.deep.equal(tenant().events.filter((e) => !e.isSuccess && e.feature === 'registration').map((e) => e.id));
    for (const bad of ['$top=1001', '$top=0', '$top=abc', '$top=5&$top=6']) {
      const e = await get<ErrorShape>(h, `${ROUTES.userEventsSummary}?${bad}`);
      expect(e.status, bad).to.equal(400);
      expect(e.body.error.code).to.equal('BadRequest');
    }
  });

  it('userRegistrationDetails: context, $filter on the documented flags and methods', async () => {
    const q = filter("isSsprCapable eq true and methodsRegistered/any(x:x eq 'email')");
    const r = await get<GraphPage<{ id: string }>>(h, `${ROUTES.userRegistrationDetails}?${q}`);
    expect(r.body['@odata.context']).to.equal('https://graph.microsoft.com/v1.0/$metadata#reports/authenticationMethods/userRegistrationDetails');
    const expected = tenant().users.filter((u) => u.isSsprCapable && u.methodsRegistered.includes('email'));
    expect(r.body.value.map((u) => u.id)).to.deep.equal(expected.map((u) => u.id));
    expect(expected.length).to.be.greaterThan(0);
  });

  describe('is as strict as Graph\'s reference: a 400 for whatever a route does not document', () => {
    const cases: [string, string, string][] = [
      // [route with query, what the message names, why]
      [`${ROUTES.userEventsSummary}?${filter('eventDateTime ge 2026-01-01T00:00:00Z')}`, 'eventDateTime', 'no date filter on events'],
      [`${ROUTES.userEventsSummary}?$orderby=eventDateTime desc`, 'eventDateTime', 'events order by the names only'],
      [`${ROUTES.userEventsSummary}?${filter("feature ne 'reset'")}`, "'ne'", 'eq only on feature'],
      [`${ROUTES.userEventsSummary}?$select=id`, '$select', 'no $select'],
      [`${ROUTES.userRegistrationDetails}?$top=999`, '$top', 'users document $filter and $orderby only'],
      [`${ROUTES.userRegistrationDetails}?${filter('isAdmin eq true')}`, 'isAdmin', 'isAdmin is not documented'],
      [`${ROUTES.userRegistrationDetails}?${filter("userType eq 'guest'")}`, 'userType', 'userType is not documented'],
      [`${ROUTES.userRegistrationDetails}?${filter('isSsprCapable ne true')}`, "'ne'", 'eq only on the flags'],
      [`${ROUTES.userRegistrationDetails}?${filter('not isSsprCapable')}`, "'not'", 'no not'],
      [`${ROUTES.userRegistrationDetails}?${filter("methodsRegistered/all(x:x eq 'email')")}`, 'all', 'any only'],
      [`${ROUTES.userRegistrationDetails}?$orderby=lastUpdatedDateTime`, 'lastUpdatedDateTime', 'names only'],
      [`${ROUTES.directoryAudits}?${filter("result eq 'failure'")}`, 'result', 'result is not filterable'],
      [`${ROUTES.directoryAudits}?${filter('activityDateTime gt 2026-01-01T00:00:00Z')}`, "'gt'", 'eq/ge/le on dates'],
      [`${ROUTES.directoryAudits}?$orderby=activityDisplayName`, 'activityDisplayName', 'order by date only'],
      [`${ROUTES.usersRegisteredByFeature}(includedUserTypes='all',includedUserRoles='all')?$top=1`, '$top', 'a function with no options'],
    ];
    for (const [path, named, why] of cases) {
      it(why, async () => {
        const r = await get<ErrorShape>(h, path);
        expect(r.status, path).to.equal(400);
        expect(r.body.error.code).to.equal('BadRequest');
        expect(r.body.error.message, path).to.contain(named);
      });
    }

    it('and accepts what the reference documents', async () => {
      for (const path of [
        `${ROUTES.userEventsSummary}?${filter("feature eq 'reset' and isSuccess eq false and authMethod eq 'sms' and startswith(userPrincipalName,'a')")}&$orderby=userDisplayName desc&$top=1000`,
        `${ROUTES.userRegistrationDetails}?${filter("isMfaRegistered eq true and (startswith(userDisplayName,'a') or userPrincipalName eq 'x@y')")}&$orderby=userPrincipalName`,
        `${ROUTES.directoryAudits}?${filter("loggedByService eq 'Authentication Methods' and activityDateTime le 2030-01-01T00:00:00Z and startswith(initiatedBy/user/userPrincipalName,'a') and targetResources/any(t:startswith(t/displayName,'A'))")}&$orderby=activityDateTime desc&$top=50`,
      ]) {
        expect((await get(h, path)).status, path).to.equal(200);
      }
    });
  });

  it('directoryAudits: default page of 100, the SSPR filter, dates, case-insensitive path', async () => {
    const since = new Date(Date.parse(tenant().now.toISOString()) - 7 * 86_400_000).toISOString();
    const q = filter(`loggedByService eq 'Self-service Password Management' and activityDateTime ge ${since}`);
    const r = await get<GraphPage<{ id: string; activityDateTime: string }>>(h, `v1.0/auditlogs/directoryaudits?${q}&$orderby=activityDateTime desc`);
    expect(r.status).to.equal(200);
    expect(r.body['@odata.context']).to.equal('https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits');
    expect(r.body.value).to.have.length(100);
    expect(r.body.value.every((a) => Date.parse(a.activityDateTime) >= Date.parse(since))).to.equal(true);
    expect(r.body['@odata.nextLink']).to.contain('$skiptoken=');
  });

  it('sends Graph headers and echoes client-request-id; errors carry the same request id', async () => {
    const ok = await get(h, ROUTES.userEventsSummary + '?$top=1', { headers: { 'client-request-id': 'my-id-1' } });
    expect(ok.headers.get('content-type')).to.equal('application/json; odata.metadata=minimal');
    expect(ok.headers.get('request-id')).to.match(UUID);
    expect(ok.headers.get('client-request-id')).to.equal('my-id-1');
    const bad = await get<ErrorShape>(h, `${ROUTES.userEventsSummary}?${filter("endswith(userDisplayName,'x')")}`);
    expect(bad.status).to.equal(400);
    expect(bad.body.error.code).to.equal('BadRequest');
    expect(bad.body.error.message).to.contain('endswith');
    expect(bad.body.error.innerError['request-id']).to.equal(bad.headers.get('request-id'));
    expect(bad.body.error.innerError.date).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(bad.headers.get('client-request-id')).to.match(UUID);
  });

  it('rejects unsupported query options with a Graph-shaped 400', async () => {
    for (const option of ['$search="x"', '$skip=10', '$count=true', '$expand=x', '$foo=1']) {
      const r = await get<ErrorShape>(h, `${ROUTES.userRegistrationDetails}?${option}`);
      expect(r.status, option).to.equal(400);
      expect(r.body.error.message).to.contain(option.split('=')[0]);
    }
    expect((await get(h, `${ROUTES.userRegistrationDetails}?cachebust=1`)).status).to.equal(200);
    expect(DOCUMENTED_QUERIES.userRegistrationDetails.doc, 'each route names its reference page').to.contain('api-reference/v1.0/');
  });

  it('answers 404 for unknown routes and 405 for other methods', async () => {
    const missing = await get<ErrorShape>(h, 'v1.0/reports/authenticationMethods/nothingHere');
    expect(missing.status).to.equal(404);
    expect(missing.body.error.code).to.equal('ResourceNotFound');
    expect(missing.body.error.message).to.contain('nothingHere');
    expect((await get(h, 'v1.0/reports/authenticationMethods/userEventsSummary')).status).to.equal(404); // beta only
    expect((await get(h, 'http://mock.test/no-version/here')).status).to.equal(404);
    const post = await get<ErrorShape>(h, ROUTES.userEventsSummary, { method: 'POST', body: '{}' });
    expect(post.status).to.equal(405);
    expect(post.headers.get('allow')).to.equal('GET');
    expect(post.body.error.innerError['request-id']).to.equal(post.headers.get('request-id'));
  });

  it('routes on the path after any prefix', async () => {
    const a = await get(h, `http://x.test/mock/users=50;seed=2/${ROUTES.usersRegisteredByFeature}`);
    const b = await get(h, `http://x.test/deep/er/prefix/${ROUTES.usersRegisteredByFeature}`);
    expect(a.status).to.equal(200);
    expect(a.body).to.deep.equal(b.body);
  });

  it('maps usageAuthMethod members after the sentinel to unknownFutureValue unless Prefer asks', async () => {
    const path = `${ROUTES.userEventsSummary}?${filter("authMethod eq 'sms' or authMethod eq 'email'")}`;
    const plain = await get<GraphPage<GraphUserEventsSummary>>(h, path);
    expect(plain.headers.has('preference-applied')).to.equal(false);
    const methods = new Set(plain.body.value.map((e) => e.authMethod));
    expect([...methods].sort()).to.deep.equal(['email', 'unknownFutureValue']);
    const preferred = await get<GraphPage<GraphUserEventsSummary>>(h, path, { headers: { Prefer: 'odata.maxpagesize=5, include-unknown-enum-members' } });
    expect(preferred.headers.get('preference-applied')).to.equal('include-unknown-enum-members');
    expect([...new Set(preferred.body.value.map((e) => e.authMethod))].sort()).to.deep.equal(['email', 'sms']);
    const activity = await get<GraphPage<GraphUserRegistrationActivitySummary>>(h, `${ROUTES.userRegistrationActivity}(period='d30')`);
    const unknown = activity.body.value.filter((a) => a.authMethod === 'unknownFutureValue');
    expect(unknown.length).to.equal(19); // 14 of the 17 registration methods and 5 of the 8 reset methods are newer members
  });
});
