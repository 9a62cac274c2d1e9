/**
 * Authentication-method vocabulary: Graph's machine names (usageAuthMethod, methodsRegistered, the
 * deprecated registrationAuthMethod) → the labels the Entra portal shows. The set is open: Graph adds
 * members over time, so an unknown name is shown as itself — never dropped, never a crash.
 */
import { msg } from '../i18n/msg.js';

// Each label is a function, so it is looked up in the language in effect when it is shown.
const LABELS: Record<string, () => string> = {
  // usageAuthMethod, base members
  email: () => msg('Email'),
  mobileSMS: () => msg('SMS'),
  mobileCall: () => msg('Phone call'),
  officePhone: () => msg('Office phone'),
  securityQuestion: () => msg('Security questions'),
  appNotification: () => msg('App notification'),
  appCode: () => msg('App code'),
  alternateMobileCall: () => msg('Alternate mobile call'),
  fido: () => msg('FIDO security key'),
  appPassword: () => msg('App password'),
  unknownFutureValue: () => msg('Other (newer method)'),
  // members returned with Prefer: include-unknown-enum-members
  externalAuthMethod: () => msg('External authentication method'),
  hardwareOneTimePasscode: () => msg('Hardware OATH token'),
  windowsHelloForBusiness: () => msg('Windows Hello for Business'),
  microsoftAuthenticatorPasswordless: () => msg('Microsoft Authenticator passwordless'),
  temporaryAccessPass: () => msg('Temporary Access Pass'),
  macOsSecureEnclaveKey: () => msg('macOS Secure Enclave key'),
  passKeyDeviceBound: () => msg('Passkey (device-bound)'),
  passKeyDeviceBoundAuthenticator: () => msg('Passkey in Microsoft Authenticator'),
  passKeyDeviceBoundWindowsHello: () => msg('Passkey in Windows Hello'),
  softwareOneTimePasscode: () => msg('Software OATH token'),
  microsoftAuthenticatorPush: () => msg('Microsoft Authenticator app'),
  mobilePhone: () => msg('Mobile phone'),
  sms: () => msg('SMS'),
  alternateMobilePhone: () => msg('Alternate mobile phone'),
  fido2SecurityKey: () => msg('FIDO2 security key'),
  oneTimePasscode: () => msg('One-time passcode'),
  passKeySynced: () => msg('Passkey (synced)'),
  qrCode: () => msg('QR code'),
  // methodsRegistered / registrationAuthMethod spellings
  fido2: () => msg('FIDO2 security key'),
  passKey: () => msg('Passkey'),
  password: () => msg('Password'),
  certificateBasedAuthentication: () => msg('Certificate-based authentication'),
  microsoftAuthenticatorPasswordlessPhoneSignIn: () => msg('Microsoft passwordless phone sign-in'),
};

/** The portal label for a Graph method name; an unknown (or empty) name comes back as itself. */
export function methodLabel(name: string): string {
  return Object.hasOwn(LABELS, name) ? LABELS[name]!() : name;
}

/** True when the vocabulary knows this name. */
export function isKnownMethod(name: string): boolean {
  return Object.hasOwn(LABELS, name);
}

/** Every known Graph method name, in vocabulary order. */
export const KNOWN_METHODS: readonly string[] = Object.freeze(Object.keys(LABELS));
