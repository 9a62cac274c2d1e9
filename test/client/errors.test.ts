import { expect } from '@open-wc/testing';
import { ReportError, errorFromResponse, isAbortError } from '../../src/client/errors.js';

// Bodies as in /work/shared/reference/graph-examples (error-403-unsupported-role.json, error-429-throttled.json).
const ROLE_403 = {
  error: {
    code: 'Authentication_RequestFromUnsupportedUserRole',
    message: 'User is not in the allowed roles',
    innerError: {
      date: '2020-11-17T09:55:30',
      'request-id': '51017acd-3824-4dac-bbf1-0679e765a757',
      'client-request-id': '51017acd-3824-4dac-bbf1-0679e765a757',
    },
  },
};
const THROTTLED_429 = {
  error: {
    code: 'TooManyRequests',
    innerError: { code: '429', date: '2020-08-18T12:51:51', message: 'Please retry after',
      'request-id': '94fb3b52-452a-4535-a601-69e0a90e3aa2', status: '429' },
    message: 'Please retry again later.',
  },
};
const graphError = (code: string, message: string): object => ({ error: { code, message, innerError: { 'request-id': 'rid-body' } } });

function fromResponse(status: number, body: object | string, headers: Record<string, string> = {}): ReportError {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return errorFromResponse(new Response(text, { status, headers }), text, 'https://example.test/graph/v1.0/x');
}

describe('errorFromResponse', () => {
  it("a reporting endpoint's own 403 names its app role, not Graph's permissions", () => {
    const body = { error: { code: 'Authorization_RequestDenied', message: 'No access.', innerError: { 'sspr-reason': 'appRoleRequired', 'sspr-required': 'SSPR.Insights.Read' } } };
    const e = fromResponse(403, body);
    expect(e.kind).to.equal('forbidden');
    expect(e.message).to.contain('app role SSPR.Insights.Read').and.contain('administrator');
    expect(e.message).not.to.contain('Reports.Read.All');
  });

  it("a reporting endpoint's own 429 says the viewer sent too many requests, not that Graph is throttling", () => {
    const body = { error: { code: 'TooManyRequests', message: 'Too many.', innerError: { 'sspr-reason': 'viewerRateLimit' } } };
    const e = fromResponse(429, body, { 'retry-after': '12' });
    expect(e.kind).to.equal('throttled');
    expect(e.retryAfterMs).to.equal(12_000);
    expect(e.message).to.contain('too many requests').and.not.contain('Microsoft Graph');
    expect(fromResponse(429, THROTTLED_429).message).to.contain('Microsoft Graph');
  });

  it('403 unsupported role → forbidden, naming the roles that can read the reports', () => {
    const e = fromResponse(403, ROLE_403);
    expect(e).to.be.instanceOf(ReportError).and.instanceOf(Error);
    expect(e.name).to.equal('ReportError');
    expect(e.kind).to.equal('forbidden');
    expect(e.status).to.equal(403);
    expect(e.code).to.equal('Authentication_RequestFromUnsupportedUserRole');
    expect(e.graphMessage).to.equal('User is not in the allowed roles');
    for (const role of ['Reports Reader', 'Security Reader', 'Security Administrator', 'Global Reader']) {
      expect(e.message).to.contain(role);
    }
    expect(e.requestId).to.equal('51017acd-3824-4dac-bbf1-0679e765a757');
    expect(e.date).to.equal('2020-11-17T09:55:30');
    expect(e.url).to.equal('https://example.test/graph/v1.0/x');
  });

  it('a 403 names the permissions and roles of the report it was for', () => {
    const at = (route: string, body: object) => {
      const text = JSON.stringify(body);
      return errorFromResponse(new Response(text, { status: 403 }), text, `https://example.test/graph/${route}?$top=5`);
    };
    const denied = graphError('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
    const audits = at('v1.0/auditLogs/directoryAudits', denied);
    expect(audits.message).to.contain('the audit log').and.contain('AuditLog.Read.All and Directory.Read.All permissions (delegated or application)');
    const counts = at("v1.0/reports/authenticationMethods/usersRegisteredByFeature(includedUserTypes='all',includedUserRoles='all')", denied);
    expect(counts.message).to.contain('the registration counts').and.contain('delegated only: app-only tokens are not supported');
    const activity = at("beta/reports/authenticationMethods/userRegistrationActivity(period='d7')", denied);
    expect(activity.message).to.contain('delegated only');
    const events = at('beta/reports/authenticationMethods/userEventsSummary', denied);
    expect(events.message).to.contain('AuditLog.Read.All permission (delegated or application)');
    expect(events.message).to.contain('Reports Reader, Security Reader, Security Administrator, or Global Reader');
    const role = at('v1.0/reports/authenticationMethods/userRegistrationDetails', ROLE_403);
    expect(role.message).to.equal("Your account is not allowed to read the users' registration details. It needs one of these roles: Reports Reader, Security Reader, Security Administrator, or Global Reader.");
  });

  it('403 non-premium tenant → license (P1 or P2)', () => {
    const e = fromResponse(403, graphError('Authentication_RequestFromNonPremiumTenantOrB2CTenant', 'Neither tenant is B2C or tenant doesn\'t have premium license'));
    expect(e.kind).to.equal('license');
    expect(e.message).to.match(/P1 or P2/);
    expect(e.code).to.equal('Authentication_RequestFromNonPremiumTenantOrB2CTenant');
  });

  it('other 403 → forbidden with Graph\'s code kept and shown', () => {
    const e = fromResponse(403, graphError('accessDenied', 'Insufficient privileges'));
    expect(e.kind).to.equal('forbidden');
    expect(e.code).to.equal('accessDenied');
    expect(e.message).to.contain('accessDenied');
    expect(e.message, 'an unknown route: no guess at its permissions').not.to.contain('Reports Reader');
  });

  it('429 → throttled with Retry-After in ms and the body\'s request-id', () => {
    const e = fromResponse(429, THROTTLED_429, { 'Retry-After': '2.128' });
    expect(e.kind).to.equal('throttled');
    expect(e.retryAfterMs).to.equal(2128);
    expect(e.code).to.equal('TooManyRequests');
    expect(e.graphMessage).to.equal('Please retry again later.');
    expect(e.requestId).to.equal('94fb3b52-452a-4535-a601-69e0a90e3aa2');
    expect(e.message).to.contain('3 seconds');
  });

  it('prefers the request-id response header over the body', () => {
    expect(fromResponse(500, graphError('generalException', 'boom'), { 'request-id': 'rid-header' }).requestId).to.equal('rid-header');
    expect(fromResponse(500, graphError('generalException', 'boom')).requestId).to.equal('rid-body');
  });

  it('maps 401, 400, 404 and 5xx', () => {
    expect(fromResponse(401, graphError('InvalidAuthenticationToken', 'Access token has expired')).kind).to.equal('unauthenticated');
    const bad = fromResponse(400, graphError('BadRequest', 'Invalid filter clause'));
    expect(bad.kind).to.equal('bad-request');
    expect(bad.graphMessage).to.equal('Invalid filter clause');
    expect(bad.message).to.contain('Invalid filter clause');
    expect(fromResponse(404, graphError('ResourceNotFound', 'Resource not found')).kind).to.equal('not-found');
    for (const status of [500, 502, 503, 504]) {
      const e = fromResponse(status, graphError('generalException', 'x'));
      expect(e.kind, String(status)).to.equal('server');
      expect(e.message).to.contain(String(status));
    }
  });

  it('survives a body that is not Graph\'s error JSON', () => {
    const e = fromResponse(502, '<html>Bad gateway</html>', { date: 'Wed, 16 Jul 2025 12:00:00 GMT' });
    expect(e.kind).to.equal('server');
    expect(e.code).to.equal(undefined);
    expect(e.graphMessage).to.equal(undefined);
    expect(e.date).to.equal('Wed, 16 Jul 2025 12:00:00 GMT');
    expect(fromResponse(403, '').kind).to.equal('forbidden');
    expect(fromResponse(403, 'null').code).to.equal(undefined);
  });
});

describe('isAbortError', () => {
  it('recognises our aborted error and the platform\'s AbortError', () => {
    expect(isAbortError(new ReportError('aborted', 'x'))).to.equal(true);
    expect(isAbortError(new DOMException('stop', 'AbortError'))).to.equal(true);
    expect(isAbortError(new ReportError('timeout', 'x'))).to.equal(false);
    expect(isAbortError(new TypeError('Failed to fetch'))).to.equal(false);
    expect(isAbortError(undefined)).to.equal(false);
  });
});
