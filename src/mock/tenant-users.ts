/**
 * Generates the tenant's users as `userRegistrationDetails` rows with consistent flags:
 * isSsprCapable ⇔ isSsprRegistered ∧ isSsprEnabled, isMfaCapable ⇒ isMfaRegistered,
 * isPasswordlessCapable ⇒ a passwordless method is registered. Written for speed (500,000 users):
 * one pass, method arrays interned by bitmask, no per-user closures.
 */
import type { GraphUserRegistrationDetails } from '../graph/types.js';
import { flat } from './flat-string.js';
import { createRng, deriveSeed, type Rng } from './random.js';
import { FIRST_NAMES, GUEST_DOMAINS, LAST_NAMES, SPECIAL_USERS, upnSlug } from './tenant-names.js';
import { MFA_METHODS, PASSWORDLESS_METHODS, REGISTERED_METHODS, SSPR_METHODS } from './tenant-vocab.js';

/** The generated users plus role facts Graph does not expose per row. */
export interface UserPopulation {
  users: GraphUserRegistrationDetails[];
  /** Indices of users with `isAdmin` (in generation order). */
  adminIndices: number[];
  /** Per user index: 1 when the admin holds a privileged role (Global, Security, Helpdesk… admin). */
  privileged: Uint8Array;
}

export interface UserGenerationInput {
  seed: number;
  count: number;
  domain: string;
  nowMs: number;
}

const HOURS_36 = 36 * 3600 * 1000;
const FIRST_SLUGS = FIRST_NAMES.map(upnSlug);
const LAST_SLUGS = LAST_NAMES.map(upnSlug);
/** Every first × last combination, built once and shared by the users who get it. */
const DISPLAY_NAMES = FIRST_NAMES.flatMap((f) => LAST_NAMES.map((l) => `${f} ${l}`));
const UPN_LOCALS = FIRST_SLUGS.flatMap((f) => LAST_SLUGS.map((l) => `${f}.${l}`));
const METHOD_BIT = new Map<string, number>(REGISTERED_METHODS.map((m, i) => [m, 1 << i]));
const bit = (method: string): number => METHOD_BIT.get(method)!;
const maskOf = (set: ReadonlySet<string>): number => [...set].reduce((m, name) => m | (METHOD_BIT.get(name) ?? 0), 0);
const SSPR_MASK = maskOf(SSPR_METHODS);
const MFA_MASK = maskOf(MFA_METHODS);
const PASSWORDLESS_MASK = maskOf(PASSWORDLESS_METHODS);

/** Shared, frozen arrays: many users have the same method combination. */
const methodArrays: (string[] | undefined)[] = [];
function methodsFor(mask: number): string[] {
  let arr = methodArrays[mask];
  if (!arr) {
    arr = Object.freeze(REGISTERED_METHODS.filter((_, i) => mask & (1 << i))) as string[];
    methodArrays[mask] = arr;
  }
  return arr;
}
const SYSTEM_PREFERRED: Record<string, string[]> = Object.fromEntries(
  ['push', 'oath', 'sms', 'voiceAlternateMobile', 'voiceOffice'].map((v) => [v, Object.freeze([v]) as string[]]),
);
const NO_METHODS = Object.freeze([]) as unknown as string[];

/** Which method a user would be prompted for by system-preferred MFA (strongest first). */
function systemPreferredFor(mask: number): string[] {
  if (mask & bit('microsoftAuthenticatorPush')) return SYSTEM_PREFERRED.push!;
  if (mask & (bit('softwareOneTimePasscode') | bit('hardwareOneTimePasscode'))) return SYSTEM_PREFERRED.oath!;
  if (mask & bit('mobilePhone')) return SYSTEM_PREFERRED.sms!;
  if (mask & bit('alternateMobilePhone')) return SYSTEM_PREFERRED.voiceAlternateMobile!;
  if (mask & bit('officePhone')) return SYSTEM_PREFERRED.voiceOffice!;
  return NO_METHODS;
}

function userPreferredFor(rng: Rng, mask: number): string {
  const options: string[] = [];
  if (mask & bit('microsoftAuthenticatorPush')) options.push('push');
  if (mask & (bit('softwareOneTimePasscode') | bit('hardwareOneTimePasscode'))) options.push('oath');
  if (mask & bit('mobilePhone')) options.push('sms', 'voiceMobile');
  if (mask & bit('alternateMobilePhone')) options.push('voiceAlternateMobile');
  if (mask & bit('officePhone')) options.push('voiceOffice');
  return options.length ? rng.pick(options) : '';
}

/** Inclusion probabilities per method: [member, admin, guest]. Order matters for the rng stream. */
const METHOD_ODDS: readonly (readonly [number, number, number, number])[] = (
  [
    ['mobilePhone', 0.72, 0.72, 0.5],
    ['alternateMobilePhone', 0.06, 0.06, 0],
    ['officePhone', 0.08, 0.08, 0],
    ['email', 0.45, 0.45, 0.6],
    ['securityQuestion', 0.1, 0.1, 0],
    ['microsoftAuthenticatorPush', 0.62, 0.9, 0.3],
  ] as const
).map(([name, m, a, g]) => [bit(name), m, a, g] as const);
const PUSH = bit('microsoftAuthenticatorPush');

/** Draws the registered-method bitmask for one user (no closures: this runs 500,000 times). */
function drawMethods(rng: Rng, guest: boolean, admin: boolean): number {
  if (!rng.chance(guest ? 0.35 : admin ? 0.98 : 0.85)) return 0;
  let m = 0;
  const col = guest ? 3 : admin ? 2 : 1;
  for (const odds of METHOD_ODDS) if (rng.next() < odds[col]!) m |= odds[0];
  const push = (m & PUSH) !== 0;
  if (push && rng.chance(0.12)) m |= bit('microsoftAuthenticatorPasswordless');
  if (rng.chance(push ? 0.45 : 0.05)) m |= bit('softwareOneTimePasscode');
  if (rng.chance(admin ? 0.08 : 0.015)) m |= bit('hardwareOneTimePasscode');
  if (rng.chance(0.02)) m |= bit('temporaryAccessPass');
  if (rng.chance(admin ? 0.35 : 0.03)) m |= bit('fido2SecurityKey');
  if (!guest && rng.chance(0.18)) m |= bit('windowsHelloForBusiness');
  if (rng.chance(admin ? 0.2 : 0.05)) m |= bit('passKeyDeviceBound');
  return m === 0 ? bit('email') : m;
}

/** ISO 8601 with 7 fractional digits, like Graph's report timestamps; the date part is cached per minute. */
const minutePrefixes = new Map<number, string>();
function reportTimestamp(rng: Rng, ms: number): string {
  const minute = Math.floor(ms / 60_000);
  let prefix = minutePrefixes.get(minute);
  if (prefix === undefined) {
    if (minutePrefixes.size > 10_000) minutePrefixes.clear();
    minutePrefixes.set(minute, (prefix = new Date(minute * 60_000).toISOString().slice(0, 17)));
  }
  const seconds = Math.floor(ms / 1000) % 60;
  return flat(`${prefix}${seconds < 10 ? '0' : ''}${seconds}.${String(rng.int(0, 9_999_999)).padStart(7, '0')}Z`);
}

/** Picks `count` distinct entries of `pool` (partial Fisher–Yates on a copy), in pool order. */
function sample(rng: Rng, pool: Int32Array, count: number): number[] {
  const a = pool.slice();
  const n = Math.min(count, a.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng.next() * (a.length - i));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return Array.from(a.subarray(0, n)).sort((x, y) => x - y);
}

export function generateUsers({ seed, count, domain, nowMs }: UserGenerationInput): UserPopulation {
  const rng = createRng(deriveSeed(seed, 'users'));
  // Pass 1: who is a guest, then which members are admins (both shape the methods drawn below).
  const guest = new Uint8Array(count);
  const members: number[] = [];
  for (let i = 0; i < count; i++) {
    guest[i] = i >= SPECIAL_USERS.length && rng.chance(0.08) ? 1 : 0;
    if (!guest[i]) members.push(i);
  }
  const adminIndices = sample(rng, Int32Array.from(members), Math.max(2, Math.round(count * 0.03)));
  const admin = new Uint8Array(count);
  const privileged = new Uint8Array(count);
  for (const i of adminIndices) {
    admin[i] = 1;
    privileged[i] = rng.chance(1 / 3) ? 1 : 0;
  }
  if (!adminIndices.some((i) => privileged[i])) privileged[adminIndices[0]!] = 1;

  // Pass 2: the rows.
  const upnCounts = new Map<string, number>();
  const users: GraphUserRegistrationDetails[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const isGuest = guest[i] === 1;
    const isAdmin = admin[i] === 1;
    let displayName: string;
    let local: string;
    if (i < SPECIAL_USERS.length) {
      ({ displayName, upnLocal: local } = SPECIAL_USERS[i]!);
    } else {
      const pair = rng.int(0, FIRST_NAMES.length - 1) * LAST_NAMES.length + rng.int(0, LAST_NAMES.length - 1);
      displayName = DISPLAY_NAMES[pair]!;
      local = UPN_LOCALS[pair]!;
    }
    const guestDomain = isGuest ? rng.pick(GUEST_DOMAINS) : '';
    const key = isGuest ? `${local}_${guestDomain}` : local;
    const n = (upnCounts.get(key) ?? 0) + 1;
    upnCounts.set(key, n);
    const unique = n === 1 ? local : `${local}${n}`;
    const userPrincipalName = flat(isGuest ? `${unique}_${guestDomain}#EXT#@${domain}` : `${unique}@${domain}`);

    const mask = drawMethods(rng, isGuest, isAdmin);
    const isSsprRegistered = (mask & SSPR_MASK) !== 0;
    // Admins are always in scope of SSPR (Entra's admin policy); guests reset in their home tenant.
    const isSsprEnabled = isAdmin || (!isGuest && rng.chance(0.88));
    const isMfaRegistered = (mask & MFA_MASK) !== 0;
    const isMfaCapable = isMfaRegistered && rng.chance(0.96);
    const isPasswordlessCapable = (mask & PASSWORDLESS_MASK) !== 0 && rng.chance(0.92);
    const systemPreferredEnabled = rng.chance(0.75);
    users[i] = {
      id: rng.uuid(),
      userPrincipalName,
      userDisplayName: displayName,
      userType: isGuest ? 'guest' : 'member',
      isAdmin,
      isSsprRegistered,
      isSsprEnabled,
      isSsprCapable: isSsprRegistered && isSsprEnabled,
      isMfaRegistered,
      isMfaCapable,
      isPasswordlessCapable,
      isSystemPreferredAuthenticationMethodEnabled: systemPreferredEnabled,
      methodsRegistered: methodsFor(mask),
      systemPreferredAuthenticationMethods: systemPreferredEnabled ? systemPreferredFor(mask) : NO_METHODS,
      userPreferredMethodForSecondaryAuthentication: userPreferredFor(rng, mask & MFA_MASK),
      lastUpdatedDateTime: reportTimestamp(rng, nowMs - rng.int(0, HOURS_36)),
    };
  }
  return { users, adminIndices, privileged };
}
