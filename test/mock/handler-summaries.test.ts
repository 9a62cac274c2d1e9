import { expect } from '@open-wc/testing';
import type {
  GraphPage, GraphUserPasswordResetsAndChangesSummary, GraphUserRegistrationMethodSummary,
} from '../../src/graph/types.js';
import { ROUTES } from '../../src/graph/types.js';
import { REGISTERED_METHODS } from '../../src/mock/tenant-vocab.js';
import { filter, get, handler, NOW, tenant, type ErrorShape } from './helpers.js';

const DAY = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const METHODS = ROUTES.usersRegisteredByMethod;
const DAILY = ROUTES.userPasswordResetsAndChangesSummary;

describe('mock usersRegisteredByMethod', () => {
  const h = handler();

  it('one object in Graph\'s shape: password first, then every method in a fixed order, zero rows kept', async () => {
    const r = await get<GraphUserRegistrationMethodSummary>(h, `${METHODS}(includedUserTypes='all',includedUserRoles='all')`);
    expect(r.status).to.equal(200);
    expect(r.body).not.to.have.property('@odata.context');
    expect(r.body).to.include({ '@odata.type': '#microsoft.graph.userRegistrationMethodSummary', userTypes: 'all', userRoles: 'all' });
    expect(r.body.totalUserCount).to.equal(tenant().users.length);
    const names = r.body.userRegistrationMethodCounts.map((c) => c.authenticationMethod);
    expect(names).to.deep.equal(['password', ...REGISTERED_METHODS]);
    expect(r.body.userRegistrationMethodCounts[0]!.userCount).to.equal(tenant().users.length);
    expect(r.body).to.deep.equal(tenant().methodSummary('all', 'all'));
    // the parameterless form and the parameters in either order
    expect((await get(h, METHODS)).body).to.deep.equal(r.body);
    const swapped = await get<GraphUserRegistrationMethodSummary>(h, `${METHODS}(includedUserRoles='admin',includedUserTypes='member')`);
    expect(swapped.body).to.include({ userTypes: 'member', userRoles: 'admin' });
    expect(swapped.body.totalUserCount).to.equal(tenant().users.filter((u) => u.isAdmin).length);
  });

  it('counts each method from the users\' methodsRegistered, for every scope', () => {
    const t = tenant();
    const scopes = [
      ['all', 'all', () => true],
      ['guest', 'all', (u) => u.userType === 'guest'],
      ['member', 'user', (u) => u.userType === 'member' && !u.isAdmin],
      ['all', 'admin', (u) => u.isAdmin],
      ['member', 'privilegedAdmin', (u) => t.privilegedAdminIds.has(u.id)],
    ] as const satisfies readonly [string, string, (u: (typeof t.users)[number]) => boolean][];
    for (const [types, roles, keep] of scopes) {
      const users = t.users.filter(keep);
      const summary = t.methodSummary(types, roles);
      expect(summary.totalUserCount, `${types}/${roles}`).to.equal(users.length);
      for (const { authenticationMethod: m, userCount } of summary.userRegistrationMethodCounts) {
        const expected = m === 'password' ? users.length : users.filter((u) => u.methodsRegistered.includes(m)).length;
        expect(userCount, `${types}/${roles} ${m}`).to.equal(expected);
      }
    }
    expect(t.methodSummary('guest', 'all').userRegistrationMethodCounts.find((c) => c.authenticationMethod === 'windowsHelloForBusiness')?.userCount)
      .to.equal(0); // guests never have Windows Hello: the zero row stays
  });

  it('validates the function parameters and documents no query options', async () => {
    for (const bad of ["(includedUserTypes='everyone')", "(includedUserRoles='root')", "(period='d1')", '(includedUserTypes=all)',
      "(includedUserTypes='all',includedUserTypes='all')"]) {
      const r = await get<ErrorShape>(h, METHODS + bad);
      expect(r.status, bad).to.equal(400);
      expect(r.body.error.code).to.equal('BadRequest');
    }
    for (const option of ['$top=1', `${filter("authenticationMethod eq 'email'")}`, '$select=userTypes', '$orderby=userTypes', '$skiptoken=x']) {
      const r = await get<ErrorShape>(h, `${METHODS}(includedUserTypes='all',includedUserRoles='all')?${option}`);
      expect(r.status, option).to.equal(400);
      expect(r.body.error.message, option).to.contain(option.split('=')[0]);
    }
    expect((await get(h, `${METHODS}?cachebust=1`)).status, 'parameters without $ are ignored').to.equal(200);
  });
});

describe('mock userPasswordResetsAndChangesSummary', () => {
  const h = handler();
  const rows = () => tenant().resetsAndChanges();

  it('one row per UTC day the 30-day window touches, newest first, each day at 00:00:00Z with a stable id', async () => {
    const r = await get<GraphPage<GraphUserPasswordResetsAndChangesSummary>>(h, DAILY);
    expect(r.status).to.equal(200);
    expect(r.body['@odata.context']).to.equal('https://graph.microsoft.com/beta/$metadata#reports/authenticationMethods/userPasswordResetsAndChangesSummary');
    expect(r.body).not.to.have.property('@odata.nextLink');
    expect(r.body.value).to.deep.equal(rows());
    const days = r.body.value.map((row) => Date.parse(row.aggregatedDateTime));
    expect(days).to.have.length(31); // NOW is noon: 30 × 24 h touch 31 days, the oldest and today in part
    expect(days[0]).to.equal(Date.UTC(2025, 6, 20));
    expect(days.at(-1)).to.equal(Date.UTC(2025, 5, 20));
    days.forEach((d, i) => i && expect(days[i - 1]! - d).to.equal(DAY));
    for (const row of r.body.value) {
      expect(row['@odata.type']).to.equal('#microsoft.graph.userPasswordResetsAndChangesSummary');
      expect(row.aggregatedDateTime).to.match(/^\d{4}-\d\d-\d\dT00:00:00Z$/);
      expect(row.id).to.match(UUID);
    }
    expect(new Set(r.body.value.map((row) => row.id)).size).to.equal(31);
    // ids derive from the seed and the day: another "now" keeps the shared days' ids
    const { createTenant } = await import('../../src/mock/tenant.js');
    const later = createTenant({ seed: 7, users: 400, events: 600, now: new Date(NOW.getTime() + 2 * DAY) }).resetsAndChanges();
    const idOf = (list: GraphUserPasswordResetsAndChangesSummary[], day: string) => list.find((x) => x.aggregatedDateTime === day)?.id;
    expect(idOf(later, '2025-07-10T00:00:00Z')).to.equal(idOf(rows(), '2025-07-10T00:00:00Z'));
  });

  it('counts each day\'s successful self-service resets, admin resets and successful self-service changes', () => {
    const t = tenant();
    const dayOf = (iso: string) => `${iso.slice(0, 10)}T00:00:00Z`;
    const tally = (items: { day: string }[]) => {
      const m = new Map<string, number>();
      for (const { day } of items) m.set(day, (m.get(day) ?? 0) + 1);
      return m;
    };
    const selfService = tally(t.events.filter((e) => e.feature === 'reset' && e.isSuccess).map((e) => ({ day: dayOf(e.eventDateTime) })));
    const byAdmin = tally(t.audits.filter((a) => a.activityDisplayName === 'Reset password (by admin)').map((a) => ({ day: dayOf(a.activityDateTime) })));
    const changes = tally(t.audits.filter((a) => a.activityDisplayName === 'Change password (self-service)' && a.result === 'success')
      .map((a) => ({ day: dayOf(a.activityDateTime) })));
    for (const row of rows()) {
      expect(row.passwordResetsSelfServiceCount, row.aggregatedDateTime).to.equal(selfService.get(row.aggregatedDateTime) ?? 0);
      expect(row.passwordResetsByAdminCount, row.aggregatedDateTime).to.equal(byAdmin.get(row.aggregatedDateTime) ?? 0);
      expect(row.changePasswordSelfServiceCount, row.aggregatedDateTime).to.equal(changes.get(row.aggregatedDateTime) ?? 0);
    }
    const sum = (k: keyof GraphUserPasswordResetsAndChangesSummary) => rows().reduce((n, r) => n + (r[k] as number), 0);
    expect(sum('passwordResetsSelfServiceCount')).to.equal(t.events.filter((e) => e.feature === 'reset' && e.isSuccess).length);
    expect(sum('passwordResetsByAdminCount')).to.be.greaterThan(0);
    expect(sum('changePasswordSelfServiceCount')).to.be.greaterThan(0);
  });

  it('$filter gt on each of the three counts, as documented', async () => {
    for (const field of ['passwordResetsSelfServiceCount', 'passwordResetsByAdminCount', 'changePasswordSelfServiceCount'] as const) {
      const r = await get<GraphPage<GraphUserPasswordResetsAndChangesSummary>>(h, `${DAILY}?${filter(`${field} gt 1`)}`);
      expect(r.status, field).to.equal(200);
      const expected = rows().filter((row) => row[field] > 1);
      expect(r.body.value.map((row) => row.id), field).to.deep.equal(expected.map((row) => row.id));
    }
    const both = await get<GraphPage<GraphUserPasswordResetsAndChangesSummary>>(
      h, `${DAILY}?${filter('passwordResetsSelfServiceCount gt 10 or passwordResetsByAdminCount gt 0')}`,
    );
    expect(both.body.value.length).to.equal(rows().filter((r) => r.passwordResetsSelfServiceCount > 10 || r.passwordResetsByAdminCount > 0).length);
    expect(both.body.value.length).to.be.within(1, 30);
  });

  it('answers 400 to whatever the list page does not document', async () => {
    for (const [query, named] of [
      ['$top=5', '$top'],
      ['$orderby=aggregatedDateTime desc', '$orderby'],
      ['$select=id', '$select'],
      ['$count=true', '$count'],
      [filter('aggregatedDateTime ge 2025-07-01T00:00:00Z'), 'aggregatedDateTime'],
      [filter('passwordResetsSelfServiceCount eq 3'), "'eq'"],
      [filter('passwordResetsSelfServiceCount lt 3'), "'lt'"],
      [filter("id eq 'x'"), 'id'],
    ] as const) {
      const r = await get<ErrorShape>(h, `${DAILY}?${query}`);
      expect(r.status, query).to.equal(400);
      expect(r.body.error.code).to.equal('BadRequest');
      expect(r.body.error.message, query).to.contain(named);
    }
    expect((await get(h, `v1.0/reports/authenticationMethods/userPasswordResetsAndChangesSummary`)).status, 'beta only').to.equal(404);
  });

  it('pages with nextLinks when a page size is forced, every day once', async () => {
    const small = handler({ pageSize: 7 });
    const seen: string[] = [];
    let url: string | undefined = DAILY;
    let pages = 0;
    while (url) {
      const r: { body: GraphPage<GraphUserPasswordResetsAndChangesSummary> } = await get(small, url);
      seen.push(...r.body.value.map((row) => row.id));
      url = r.body['@odata.nextLink'];
      pages++;
    }
    expect(pages).to.equal(5);
    expect(seen).to.deep.equal(rows().map((r) => r.id));
  });
});
