import { expect } from '@open-wc/testing';
import { describeDrilldown } from '../../src/elements/sspr-dashboard/drilldown-text.js';

describe('drill-down in words', () => {
  it('reads tile and bar drill-downs', () => {
    expect(describeDrilldown({ report: 'users', filter: { isSsprCapable: true, userType: 'guest' } })).to.equal('Users: capable of SSPR, guest accounts');
    expect(describeDrilldown({ report: 'events', filter: { feature: 'reset', method: 'sms', status: 'failure' } })).to.equal(
      'Registration and reset events: password resets, method: SMS, failed',
    );
  });

  it('reads "false" from a filter attribute as false, and unknown keys as they are', () => {
    expect(describeDrilldown({ report: 'users', filter: { isAdmin: 'false', isMfaCapable: 'true' } })).to.equal('Users: non-admins, MFA capable');
    expect(describeDrilldown({ report: 'audit', filter: { activity: 'Blocked from self-service password reset' } })).to.equal(
      'Audit log entries: Blocked from self-service password reset',
    );
    expect(describeDrilldown({ report: 'audit', filter: {} })).to.equal('Audit log entries');
  });
});
