/**
 * Graph vocabularies the synthetic tenant draws from (graph-contract §1.3, §3.1, §4.5).
 * Kept apart from the generators so tests and the handler can import the lists without the code.
 */
import { weightedTable } from './random.js';

/** `methodsRegistered` values, in the order a user's array lists them. */
export const REGISTERED_METHODS = [
  'mobilePhone', 'alternateMobilePhone', 'officePhone', 'email', 'securityQuestion',
  'microsoftAuthenticatorPush', 'microsoftAuthenticatorPasswordless', 'softwareOneTimePasscode',
  'hardwareOneTimePasscode', 'temporaryAccessPass', 'fido2SecurityKey', 'windowsHelloForBusiness',
  'passKeyDeviceBound',
] as const;

/** Methods SSPR accepts as proof; one of them makes a user `isSsprRegistered`. */
export const SSPR_METHODS: ReadonlySet<string> = new Set([
  'mobilePhone', 'alternateMobilePhone', 'officePhone', 'email', 'securityQuestion',
  'microsoftAuthenticatorPush', 'softwareOneTimePasscode',
]);

/** Methods that count as a second factor (email and security questions do not). */
export const MFA_METHODS: ReadonlySet<string> = new Set([
  'mobilePhone', 'alternateMobilePhone', 'officePhone', 'microsoftAuthenticatorPush',
  'microsoftAuthenticatorPasswordless', 'softwareOneTimePasscode', 'hardwareOneTimePasscode',
  'fido2SecurityKey', 'windowsHelloForBusiness', 'passKeyDeviceBound',
]);

/** Methods that make a user passwordless-capable (when the policy allows them). */
export const PASSWORDLESS_METHODS: ReadonlySet<string> = new Set([
  'fido2SecurityKey', 'windowsHelloForBusiness', 'microsoftAuthenticatorPasswordless', 'passKeyDeviceBound',
]);

/** The 17 registration methods of the userRegistrationActivity example, in its order. */
export const ACTIVITY_REGISTRATION_METHODS = [
  'windowsHelloForBusiness', 'microsoftAuthenticatorPush', 'email', 'mobilePhone', 'officePhone',
  'alternateMobilePhone', 'securityQuestion', 'softwareOneTimePasscode', 'hardwareOneTimePasscode',
  'fido2SecurityKey', 'temporaryAccessPass', 'microsoftAuthenticatorPasswordless', 'macOsSecureEnclaveKey',
  'passKeyDeviceBound', 'passKeyDeviceBoundAuthenticator', 'passKeyDeviceBoundWindowsHello', 'externalAuthMethod',
] as const;

/** The 8 reset methods of the userRegistrationActivity example, in its order. */
export const ACTIVITY_RESET_METHODS = [
  'email', 'mobilePhone', 'officePhone', 'alternateMobilePhone', 'securityQuestion',
  'microsoftAuthenticatorPush', 'sms', 'oneTimePasscode',
] as const;

/**
 * `usageAuthMethod` members declared after the `unknownFutureValue` sentinel: Graph returns them only
 * to callers that send `Prefer: include-unknown-enum-members` (graph-contract §3.1).
 */
export const USAGE_AUTH_METHODS_AFTER_SENTINEL: ReadonlySet<string> = new Set([
  'externalAuthMethod', 'hardwareOneTimePasscode', 'windowsHelloForBusiness', 'microsoftAuthenticatorPasswordless',
  'temporaryAccessPass', 'macOsSecureEnclaveKey', 'passKeyDeviceBound', 'passKeyDeviceBoundAuthenticator',
  'passKeyDeviceBoundWindowsHello', 'softwareOneTimePasscode', 'microsoftAuthenticatorPush', 'mobilePhone', 'sms',
  'alternateMobilePhone', 'fido2SecurityKey', 'oneTimePasscode', 'passKeySynced', 'qrCode',
]);

/** Registration methods weighted by how often real tenants use them. */
export const REGISTRATION_METHOD_WEIGHTS = weightedTable<string>([
  ['microsoftAuthenticatorPush', 30], ['mobilePhone', 24], ['email', 14], ['softwareOneTimePasscode', 6],
  ['windowsHelloForBusiness', 5], ['securityQuestion', 4], ['officePhone', 3], ['alternateMobilePhone', 3],
  ['fido2SecurityKey', 2], ['passKeyDeviceBound', 2], ['temporaryAccessPass', 2],
  ['microsoftAuthenticatorPasswordless', 2], ['hardwareOneTimePasscode', 1], ['passKeyDeviceBoundAuthenticator', 1],
  ['macOsSecureEnclaveKey', 0.5], ['passKeyDeviceBoundWindowsHello', 0.5], ['externalAuthMethod', 0.3],
]);

/** Reset (verification) methods weighted the same way. */
export const RESET_METHOD_WEIGHTS = weightedTable<string>([
  ['microsoftAuthenticatorPush', 30], ['sms', 25], ['email', 18], ['mobilePhone', 14], ['oneTimePasscode', 6],
  ['securityQuestion', 4], ['officePhone', 2], ['alternateMobilePhone', 1],
]);

/** Failure reasons any method can produce. */
export const GENERIC_FAILURE_REASONS = [
  "User didn't complete the verification", 'Verification code was incorrect', 'User cancelled',
] as const;

/** Failure reasons tied to one kind of method or to the reset step. */
export const SMS_FAILURE_REASON = 'SMS not delivered';
export const SECURITY_QUESTION_FAILURE_REASON = 'Security question answers were incorrect';
export const RESET_ONLY_FAILURE_REASONS = ['Account is locked', "Password doesn't meet complexity requirements"] as const;

/** Methods whose failures can be an undelivered text message. */
export const SMS_METHODS: ReadonlySet<string> = new Set(['sms', 'mobilePhone', 'alternateMobilePhone']);

/** Directory audit activity names under 'Self-service Password Management' (graph-contract §4.5). */
export const AUDIT_ACTIVITY = {
  reset: 'Reset password (self-service)',
  progress: 'Self-service password reset flow activity progress',
  registered: 'User registered for self-service password reset',
  blocked: 'Blocked from self-service password reset',
  adminReset: 'Reset password (by admin)',
  change: 'Change password (self-service)',
  unlock: 'Unlock user account (self-service)',
  policy: 'Self-service password reset policy changes',
  // Combined registration, logged by 'Authentication Methods'
  securityInfo: 'User registered security info',
  allSecurityInfo: 'User registered all required security info',
} as const;

/** `OnPremisesAgent` values on admin resets. */
export const ON_PREMISES_AGENTS = ['None', 'Microsoft Entra Connect', 'CloudSync'] as const;
