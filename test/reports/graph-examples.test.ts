import { expect } from '@open-wc/testing';
import { graphExample } from '../fixtures/graph-examples.js';
import { errorFromResponse } from '../../src/client/errors.js';
import {
  parseAudit,
  parseEvent,
  parseFeatureSummary,
  parseMethodCounts,
  parseRegistrationActivity,
  parseResetsAndChanges,
  parseUser,
} from '../../src/reports/index.js';

const values = async (name: string) => ((await graphExample(name)) as { value: unknown[] }).value;

describe('reports read every Graph documentation payload', () => {
  it('usersRegisteredByFeature, including its count above the total', async () => {
    const summary = parseFeatureSummary(await graphExample('v1-usersRegisteredByFeature'));
    expect(summary.total).to.equal(23123);
    expect(summary.counts).to.deep.equal({
      ssprRegistered: 23423,
      ssprEnabled: 4234,
      ssprCapable: 4234,
      passwordlessCapable: 323,
      mfaCapable: 3345,
    });
    expect(summary.userTypes).to.equal('all');
  });

  it('the deprecated getCredentialUserRegistrationCount, as feature counts', async () => {
    const summary = parseFeatureSummary(await graphExample('beta-getCredentialUserRegistrationCount'));
    expect(summary.total).to.equal(23123);
    expect(summary.counts).to.deep.equal({ ssprRegistered: 23423, ssprEnabled: 4234, ssprCapable: 323, mfaRegistered: 33 });
  });

  it('rejects a body of another report as malformed', async () => {
    expect(() => parseFeatureSummary({ value: [] })).to.throw(/unexpected shape/);
    try {
      parseFeatureSummary(await graphExample('v1-usersRegisteredByMethod'));
      expect.fail('should throw');
    } catch (e) {
      expect((e as { kind: string }).kind).to.equal('malformed');
    }
  });

  it('usersRegisteredByMethod: busiest first, password kept, no totalUserCount in the example', async () => {
    const counts = parseMethodCounts(await graphExample('v1-usersRegisteredByMethod'));
    expect(counts).to.deep.equal({
      total: 0,
      userTypes: 'all',
      userRoles: 'all',
      methods: [
        { method: 'password', users: 12209 },
        { method: 'mobilePhone', users: 4234 },
        { method: 'windowsHelloForBusiness', users: 223 },
      ],
    });
    // the feature summary is not a method summary
    const feature = await graphExample('v1-usersRegisteredByFeature');
    try {
      parseMethodCounts(feature);
      expect.fail('should throw');
    } catch (e) {
      expect((e as { kind: string }).kind).to.equal('malformed');
    }
    expect(() => parseMethodCounts(null)).to.throw(/unexpected shape/);
  });

  it('usersRegisteredByMethod: unknown names kept as they come, duplicates summed, odd counts read as 0', () => {
    const counts = parseMethodCounts({
      totalUserCount: '40',
      userTypes: 'member',
      userRoles: 'admin',
      userRegistrationMethodCounts: [
        { authenticationMethod: 'email', userCount: 5 },
        { authenticationMethod: 'qrCode', userCount: 9 },
        { authenticationMethod: 'email', userCount: '7' },
        { authenticationMethod: 'sms', userCount: -3 },
        { userCount: 2 },
        null,
      ],
    });
    expect(counts.total).to.equal(40);
    expect(counts.methods).to.deep.equal([
      { method: 'email', users: 12 },
      { method: 'qrCode', users: 9 },
      { method: 'unknownFutureValue', users: 2 },
      { method: 'sms', users: 0 },
    ]);
  });

  it('userPasswordResetsAndChangesSummary: one row per day, oldest first, the time of day floored', async () => {
    const rows = parseResetsAndChanges(await graphExample('beta-userPasswordResetsAndChangesSummary-list'));
    expect(rows).to.deep.equal([
      { day: Date.UTC(2025, 6, 5), selfService: 0, byAdmin: 50, changes: 10 },
      { day: Date.UTC(2025, 6, 16), selfService: 75, byAdmin: 100, changes: 100 },
    ]);
    const other = await graphExample('v1-usersRegisteredByMethod');
    expect(() => parseResetsAndChanges(other)).to.throw(/unexpected shape/);
  });

  it('userPasswordResetsAndChangesSummary: a row without a parsable date is kept, last, with day NaN', () => {
    const rows = parseResetsAndChanges({
      value: [
        { aggregatedDateTime: 'yesterday', passwordResetsSelfServiceCount: 4 },
        { aggregatedDateTime: '2025-07-02T00:00:00Z', passwordResetsSelfServiceCount: '3', passwordResetsByAdminCount: null },
        { aggregatedDateTime: '2025-07-01T23:59:59.9999999Z', changePasswordSelfServiceCount: 2 },
      ],
    });
    expect(rows.map((r) => r.day)).to.deep.equal([Date.UTC(2025, 6, 1), Date.UTC(2025, 6, 2), NaN]);
    expect(rows[1]).to.deep.equal({ day: Date.UTC(2025, 6, 2), selfService: 3, byAdmin: 0, changes: 0 });
    expect(rows[2]!.selfService).to.equal(4);
  });

  it('userRegistrationActivity: all 25 rows, zero rows kept, both features', async () => {
    const rows = parseRegistrationActivity(await graphExample('beta-userRegistrationActivity-d1'));
    expect(rows).to.have.length(25);
    expect(rows.filter((r) => r.feature === 'registration')).to.have.length(17);
    expect(rows.filter((r) => r.feature === 'reset')).to.have.length(8);
    expect(rows[1]).to.deep.equal({
      id: '8998b7bb-ece5-4255-8df9-4317c8a738b8',
      feature: 'registration',
      method: 'microsoftAuthenticatorPush',
      succeeded: 83,
      failed: 214,
    });
  });

  it('the deprecated getCredentialUsageSummary has the same row shape', async () => {
    const rows = parseRegistrationActivity(await graphExample('beta-getCredentialUsageSummary-DEPRECATED'));
    expect(rows).to.deep.equal([{ id: 'id-value', feature: 'registration', method: 'email', succeeded: 12345, failed: 123 }]);
  });

  it('userEventsSummary and the deprecated userCredentialUsageDetails', async () => {
    const [event] = (await values('beta-userEventsSummary-list')).map(parseEvent);
    expect(event).to.deep.equal({
      id: '3604e35c-12f3-a86a-5ff4-97aecf6c526a',
      time: Date.UTC(2025, 6, 16, 16, 19, 18),
      userName: 'John Doe',
      upn: 'johndoe@contoso.net',
      feature: 'registration',
      method: 'microsoftAuthenticatorPush',
      succeeded: true,
      failureReason: '',
    });
    const [old] = (await values('beta-userCredentialUsageDetails-DEPRECATED')).map(parseEvent);
    expect(old.failureReason).to.equal('User contacted an admin after trying the email verification option');
    expect(old.time).to.equal(Date.UTC(2019, 3, 1));
  });

  it('userRegistrationDetails, with the guest row’s empty strings and arrays', async () => {
    const users = (await values('v1-userRegistrationDetails-list')).map(parseUser);
    expect(users).to.have.length(3);
    expect(users[0]).to.include({ name: 'Alex Wilber', upn: 'AlexW@Contoso.com', mfaCapable: true, ssprRegistered: false });
    expect(users[0].methods).to.deep.equal(['microsoftAuthenticatorPush', 'softwareOneTimePasscode']);
    expect(users[0].lastUpdated).to.equal(Date.parse('2023-03-13T19:15:41.6195833Z'));
    const guest = users.find((u) => u.userType === 'guest');
    expect(guest, 'the example has a guest').to.exist;
    expect(guest!.methods).to.deep.equal([]);
  });

  it('the deprecated credentialUserRegistrationDetails maps to the same flags', async () => {
    const [user] = (await values('beta-credentialUserRegistrationDetails-DEPRECATED')).map(parseUser);
    expect(user).to.include({ ssprRegistered: false, ssprEnabled: true, ssprCapable: false });
    expect(user.methods).to.deep.equal(['email', 'mobileSMS']);
  });

  it('directoryAudits: the SSPR page and both docs examples (capital-T Type, null names)', async () => {
    const sspr = (await values('ILLUSTRATIVE-v1-directoryAudits-sspr')).map(parseAudit);
    expect(sspr[0]).to.include({
      activity: 'Self-service password reset flow activity progress',
      status: 'success',
      reason: 'User successfully reset password',
      initiatedBy: 'Alex Wilber',
      target: 'Alex Wilber',
    });
    const [docs] = (await values('v1-directoryAudits-list')).map(parseAudit);
    expect(docs).to.include({ activity: 'Add member to group', initiatedBy: 'Audry Oliver', target: 'Example.com' });
    expect(docs.details).to.deep.equal([{ key: 'Additional Detail Name', value: 'Additional Detail Value' }]);
    const [anonymous] = (await values('v1-directoryAudits-list-filter-initiatedBy')).map(parseAudit);
    expect(anonymous.initiatedBy).to.equal('');
    expect(anonymous.target).to.equal('');
    expect(anonymous.time).to.equal(Date.parse('2024-12-27T10:01:19.5796748Z'));
  });

  it('the error examples become typed errors with their request ids', async () => {
    const role = errorFromResponse(new Response(null, { status: 403 }), JSON.stringify(await graphExample('error-403-unsupported-role')));
    expect(role.kind).to.equal('forbidden');
    expect(role.code).to.equal('Authentication_RequestFromUnsupportedUserRole');
    expect(role.requestId).to.equal('51017acd-3824-4dac-bbf1-0679e765a757');
    expect(role.message).to.match(/Reports Reader/);
    const throttled = errorFromResponse(
      new Response(null, { status: 429, headers: { 'Retry-After': '2.128' } }),
      JSON.stringify(await graphExample('error-429-throttled')),
    );
    expect(throttled.kind).to.equal('throttled');
    expect(throttled.retryAfterMs).to.equal(2128);
    expect(throttled.requestId).to.equal('94fb3b52-452a-4535-a601-69e0a90e3aa2');
    const generic = errorFromResponse(new Response(null, { status: 416 }), JSON.stringify(await graphExample('error-generic')));
    expect(generic.code).to.equal('invalidRange');
    expect(generic.graphMessage).to.equal('Uploaded fragment overlaps with existing data.');
  });
});
