/**
 * Authentication-method vocabulary: Graph's machine names (usageAuthMethod, methodsRegistered, the
 * deprecated registrationAuthMethod) → the labels the Entra portal shows. The set is open: Graph adds
 * members over time, so an unknown name is shown as itself — never dropped, never a crash.
 */
const LABELS: Record<string, string> = {
  // usageAuthMethod, base members
  email: 'Email',
  mobileSMS: 'SMS',
  mobileCall: 'Phone call',
  officePhone: 'Office phone',
  securityQuestion: 'Security questions',
  appNotification: 'App notification',
  appCode: 'App code',
  alternateMobileCall: 'Alternate mobile call',
  fido: 'FIDO security key',
  appPassword: 'App password',
  unknownFutureValue: 'Other (newer method)',
  // members returned with Prefer: include-unknown-enum-members
  externalAuthMethod: 'External authentication method',
  hardwareOneTimePasscode: 'Hardware OATH token',
  windowsHelloForBusiness: 'Windows Hello for Business',
  microsoftAuthenticatorPasswordless: 'Microsoft Authenticator passwordless',
  temporaryAccessPass: 'Temporary Access Pass',
  macOsSecureEnclaveKey: 'macOS Secure Enclave key',
  passKeyDeviceBound: 'Passkey (device-bound)',
  passKeyDeviceBoundAuthenticator: 'Passkey in Microsoft Authenticator',
  passKeyDeviceBoundWindowsHello: 'Passkey in Windows Hello',
  softwareOneTimePasscode: 'Software OATH token',
  microsoftAuthenticatorPush: 'Microsoft Authenticator app',
  mobilePhone: 'Mobile phone',
  sms: 'SMS',
  alternateMobilePhone: 'Alternate mobile phone',
  fido2SecurityKey: 'FIDO2 security key',
  oneTimePasscode: 'One-time passcode',
  passKeySynced: 'Passkey (synced)',
  qrCode: 'QR code',
  // methodsRegistered / registrationAuthMethod spellings
  fido2: 'FIDO2 security key',
  passKey: 'Passkey',
  password: 'Password',
  certificateBasedAuthentication: 'Certificate-based authentication',
  microsoftAuthenticatorPasswordlessPhoneSignIn: 'Microsoft passwordless phone sign-in',
};

/** The portal label for a Graph method name; an unknown (or empty) name comes back as itself. */
export function methodLabel(name: string): string {
  return Object.hasOwn(LABELS, name) ? LABELS[name] : name;
}

/** True when the vocabulary knows this name. */
export function isKnownMethod(name: string): boolean {
  return Object.hasOwn(LABELS, name);
}

/** Every known Graph method name, in vocabulary order. */
export const KNOWN_METHODS: readonly string[] = Object.freeze(Object.keys(LABELS));
