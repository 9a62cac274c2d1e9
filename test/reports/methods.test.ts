import { expect } from '@open-wc/testing';
import { isKnownMethod, KNOWN_METHODS, methodLabel } from '../../src/reports/methods.js';

describe('authentication-method vocabulary', () => {
  it('labels the Graph names the portal shows', () => {
    expect(methodLabel('microsoftAuthenticatorPush')).to.equal('Microsoft Authenticator app');
    expect(methodLabel('sms')).to.equal('SMS');
    expect(methodLabel('fido2SecurityKey')).to.equal('FIDO2 security key');
    expect(methodLabel('securityQuestion')).to.equal('Security questions');
  });

  it('shows an unknown name as itself, never dropping it', () => {
    expect(methodLabel('quantumEntanglementKey')).to.equal('quantumEntanglementKey');
    expect(methodLabel('')).to.equal('');
    expect(methodLabel('toString')).to.equal('toString'); // not an inherited property
    expect(isKnownMethod('constructor')).to.equal(false);
  });

  it('covers every usageAuthMethod member in the Graph reference', () => {
    const usageAuthMethod = ['email', 'mobileSMS', 'mobileCall', 'officePhone', 'securityQuestion', 'appNotification', 'appCode',
      'alternateMobileCall', 'fido', 'appPassword', 'unknownFutureValue', 'externalAuthMethod', 'hardwareOneTimePasscode',
      'windowsHelloForBusiness', 'microsoftAuthenticatorPasswordless', 'temporaryAccessPass', 'macOsSecureEnclaveKey',
      'passKeyDeviceBound', 'passKeyDeviceBoundAuthenticator', 'passKeyDeviceBoundWindowsHello', 'softwareOneTimePasscode',
      'microsoftAuthenticatorPush', 'mobilePhone', 'sms', 'alternateMobilePhone', 'fido2SecurityKey', 'oneTimePasscode',
      'passKeySynced', 'qrCode'];
    const missing = usageAuthMethod.filter((m) => !KNOWN_METHODS.includes(m));
    expect(missing).to.deep.equal([]);
  });
});
