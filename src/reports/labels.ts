/**
 * How the table, the facets and the drill-down text name Graph's values, in the reader's language. The
 * wording follows the admin center's (the product documentation in ../shared/reference/seeds is the
 * glossary). Graph's vocabularies are open, so an unknown value reads as itself — never dropped.
 */
import { msg } from '../i18n/msg.js';

/** `reset` → "Reset". */
export function featureLabel(feature: string): string {
  if (feature === 'registration') return msg('Registration');
  if (feature === 'reset') return msg('Reset');
  return feature;
}

/** `true` / `'true'` → "Yes"; `false` / `'false'` → "No". */
export function yesNo(value: boolean | string): string {
  if (value === true || value === 'true') return msg('Yes');
  if (value === false || value === 'false') return msg('No');
  return value;
}

/** An event's outcome: "Success" or "Failure". */
export const statusLabel = (succeeded: boolean): string => (succeeded ? msg('Success') : msg('Failure'));

/** An audit `result` (`success`, `failure`, `timeout`) → "Success", … */
export function resultLabel(result: string): string {
  if (result === 'success') return msg('Success');
  if (result === 'failure') return msg('Failure');
  if (result === 'timeout') return msg('Timeout');
  return result;
}

/** `member` → "Member", `guest` → "Guest". */
export function userTypeLabel(userType: string): string {
  if (userType === 'member') return msg('Member');
  if (userType === 'guest') return msg('Guest');
  return userType;
}

/** The audit services: 'Self-service Password Management', 'Authentication Methods'. */
export function serviceLabel(service: string): string {
  if (service === 'Self-service Password Management') return msg('Self-service Password Management');
  if (service === 'Authentication Methods') return msg('Authentication Methods');
  return service;
}

// Keyed by Graph's English text; each a function so the message is looked up in the language in effect.
const ACTIVITIES: Record<string, () => string> = {
  'Reset password (self-service)': () => msg('Reset password (self-service)'),
  'Self-service password reset flow activity progress': () => msg('Self-service password reset flow activity progress'),
  'User registered for self-service password reset': () => msg('User registered for self-service password reset'),
  'Blocked from self-service password reset': () => msg('Blocked from self-service password reset'),
  'Reset password (by admin)': () => msg('Reset password (by admin)'),
  'Change password (self-service)': () => msg('Change password (self-service)'),
  'Unlock user account (self-service)': () => msg('Unlock user account (self-service)'),
  'Self-service password reset policy changes': () => msg('Self-service password reset policy changes'),
  'User registered security info': () => msg('User registered security info'),
  'User registered all required security info': () => msg('User registered all required security info'),
};

/** An audit activity's name as the admin center shows it in the reader's language. */
export const activityLabel = (activity: string): string => (Object.hasOwn(ACTIVITIES, activity) ? ACTIVITIES[activity]!() : activity);

const REASONS: Record<string, () => string> = {
  '(none)': () => msg('(none)'),
  // userEventsSummary failure reasons
  "User didn't complete the verification": () => msg("User didn't complete the verification"),
  'Verification code was incorrect': () => msg('Verification code was incorrect'),
  'User cancelled': () => msg('User cancelled'),
  'SMS not delivered': () => msg('SMS not delivered'),
  'Security question answers were incorrect': () => msg('Security question answers were incorrect'),
  'Account is locked': () => msg('Account is locked'),
  "Password doesn't meet complexity requirements": () => msg("Password doesn't meet complexity requirements"),
  // directoryAudits result reasons
  'User submitted their user ID': () => msg('User submitted their user ID'),
  'User was presented with verification options': () => msg('User was presented with verification options'),
  'User started the mobile SMS verification': () => msg('User started the mobile SMS verification'),
  'User started the mobile app code verification': () => msg('User started the mobile app code verification'),
  'User completed all verification steps required': () => msg('User completed all verification steps required'),
  'Successfully completed reset.': () => msg('Successfully completed reset.'),
  // the product documentation's failure details
  'User successfully reset password': () => msg('User successfully reset password'),
  'User abandoned after entering their user ID': () => msg('User abandoned after entering their user ID'),
  'User abandoned before selecting a new password': () => msg('User abandoned before selecting a new password'),
  'User abandoned while selecting a new password': () => msg('User abandoned while selecting a new password'),
  'User cancelled before passing the required authentication methods': () => msg('User cancelled before passing the required authentication methods'),
  'User cancelled before submitting a new password': () => msg('User cancelled before submitting a new password'),
  'User entered too many invalid SMS verification codes and is blocked for 24 hours': () => msg('User entered too many invalid SMS verification codes and is blocked for 24 hours'),
  'User tried to verify a phone number too many times and is blocked for 24 hours': () => msg('User tried to verify a phone number too many times and is blocked for 24 hours'),
  'User tried to answer security questions too many times and is blocked for 24 hours': () => msg('User tried to answer security questions too many times and is blocked for 24 hours'),
  'Password reset is not enabled for this user. Enable password reset under the configure tab to resolve this': () => msg('Password reset is not enabled for this user. Enable password reset under the configure tab to resolve this'),
  'User does not have a license. You can add a license to the user to resolve this': () => msg('User does not have a license. You can add a license to the user to resolve this'),
  "User's account has insufficient authentication methods defined. Add authentication info to resolve this": () => msg("User's account has insufficient authentication methods defined. Add authentication info to resolve this"),
  "User's password is managed on-premises. You can enable Password Writeback to resolve this": () => msg("User's password is managed on-premises. You can enable Password Writeback to resolve this"),
  "We could not reach your on-premises password reset service. Check your sync machine's event log": () => msg("We could not reach your on-premises password reset service. Check your sync machine's event log"),
};

/** A failure or status reason as the reader's language words it; `(none)` for an empty one. */
export function reasonLabel(reason: string): string {
  if (!reason) return '';
  return Object.hasOwn(REASONS, reason) ? REASONS[reason]!() : reason;
}
