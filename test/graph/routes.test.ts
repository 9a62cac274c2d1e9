import { expect } from '@open-wc/testing';
import { DOCUMENTED_QUERIES } from '../../src/graph/documented-queries.js';
import { ROUTE_PERMISSIONS, REPORT_READER_ROLES, routeOf } from '../../src/graph/permissions.js';
import { ROUTES } from '../../src/graph/types.js';

describe('the Graph route tables', () => {
  it('every route has its documented queries and its permissions', () => {
    const names = Object.keys(ROUTES).sort();
    expect(Object.keys(DOCUMENTED_QUERIES).sort()).to.deep.equal(names);
    expect(Object.keys(ROUTE_PERMISSIONS).sort()).to.deep.equal(names);
    for (const name of names) {
      const p = ROUTE_PERMISSIONS[name as keyof typeof ROUTE_PERMISSIONS];
      expect(p.roles, name).to.deep.equal(REPORT_READER_ROLES);
      expect(p.report, name).to.be.a('string').and.not.equal('');
    }
  });

  it('the two newer reports as the reference documents them', () => {
    expect(ROUTES.usersRegisteredByMethod).to.equal('v1.0/reports/authenticationMethods/usersRegisteredByMethod');
    expect(ROUTES.userPasswordResetsAndChangesSummary).to.equal('beta/reports/authenticationMethods/userPasswordResetsAndChangesSummary');
    expect(DOCUMENTED_QUERIES.usersRegisteredByMethod.options).to.deep.equal([]);
    expect(DOCUMENTED_QUERIES.userPasswordResetsAndChangesSummary.filter).to.deep.equal({
      passwordResetsByAdminCount: ['gt'], passwordResetsSelfServiceCount: ['gt'], changePasswordSelfServiceCount: ['gt'],
    });
    expect(ROUTE_PERMISSIONS.usersRegisteredByMethod).to.deep.include({ delegated: ['AuditLog.Read.All'], application: null });
    expect(ROUTE_PERMISSIONS.usersRegisteredByMethod.report).to.equal('the users registered per method');
    expect(ROUTE_PERMISSIONS.userPasswordResetsAndChangesSummary).to.deep.include({ delegated: ['AuditLog.Read.All'], application: ['AuditLog.Read.All'] });
    expect(ROUTE_PERMISSIONS.userPasswordResetsAndChangesSummary.report).to.equal('the daily password resets and changes');
  });

  it('routeOf names the route by its whole path segment, function calls and encodings included', () => {
    const at = (path: string) => routeOf(`https://graph.microsoft.com/${path}`);
    expect(at("v1.0/reports/authenticationMethods/usersRegisteredByMethod(includedUserTypes='all',includedUserRoles='all')")).to.equal('usersRegisteredByMethod');
    expect(at('v1.0/reports/authenticationMethods/usersRegisteredByMethod%28includedUserTypes=%27all%27%29')).to.equal('usersRegisteredByMethod');
    expect(at('v1.0/reports/authenticationMethods/usersRegisteredByFeature')).to.equal('usersRegisteredByFeature');
    expect(at("beta/reports/authenticationMethods/userRegistrationActivity(period='d7')")).to.equal('userRegistrationActivity');
    expect(at('v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=x')).to.equal('userRegistrationDetails');
    expect(at('v1.0/reports/authenticationMethods/userRegistrationDetails/c8096958')).to.equal('userRegistrationDetails');
    expect(at('beta/reports/authenticationMethods/userPasswordResetsAndChangesSummary?$skiptoken=a')).to.equal('userPasswordResetsAndChangesSummary');
    expect(routeOf('/mock/users=50/beta/reports/authenticationMethods/USEREVENTSSUMMARY')).to.equal('userEventsSummary');
    expect(at('v1.0/reports/authenticationMethods/usersRegisteredByMethodology')).to.equal(undefined);
    expect(at('v1.0/reports/authenticationMethods/userRegistration')).to.equal(undefined);
    expect(routeOf(undefined)).to.equal(undefined);
  });
});
