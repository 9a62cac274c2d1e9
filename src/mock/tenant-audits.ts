/**
 * Derives the SSPR directory audit log from the events and users, newest first, logged by two services
 * as Graph logs them: under 'Self-service Password Management' each reset becomes a 'Reset password
 * (self-service)' row plus one or two flow-progress rows, each blocked user a 'Blocked…' row, with admin
 * resets, password changes, unlocks and two policy changes on top; a registration is, as a rule,
 * combined security-info registration under 'Authentication Methods' ('User registered security
 * info', then often 'User registered all required security info'), and only sometimes the older
 * 'User registered for self-service password reset' under the SSPR service.
 */
import type { GraphDirectoryAudit, GraphTargetResource, GraphUserRegistrationDetails } from '../graph/types.js';
import { AUTH_METHODS_AUDIT_SERVICE, SSPR_AUDIT_SERVICE } from '../graph/types.js';
import { flat } from './flat-string.js';
import { createRng, deriveSeed, hashString, weightedTable, type Rng } from './random.js';
import { DAY_MS, type EventLog } from './tenant-events.js';
import type { UserPopulation } from './tenant-users.js';
import { AUDIT_ACTIVITY, ON_PREMISES_AGENTS, SMS_METHODS } from './tenant-vocab.js';

const AGENT_WEIGHTS = weightedTable<string>(ON_PREMISES_AGENTS.map((a, i) => [a, [50, 35, 15][i]!] as const));
const PROGRESS_DONE = ['User completed all verification steps required', 'User successfully reset password'];
const CANCELLED = 'User cancelled before passing the required authentication methods';

/** A stable documentation-range IP per user (RFC 5737: 203.0.113.0/24 and 198.51.100.0/24). */
function ipFor(user: GraphUserRegistrationDetails): string {
  const h = hashString(user.id);
  return flat(`${h & 1 ? '203.0.113' : '198.51.100'}.${1 + ((h >>> 1) % 254)}`);
}

function userTarget(user: GraphUserRegistrationDetails): GraphTargetResource {
  return {
    id: user.id,
    displayName: user.userDisplayName,
    type: 'User',
    userPrincipalName: user.userPrincipalName,
    groupType: null,
    modifiedProperties: [],
  };
}

function startedStep(method: string): string {
  if (SMS_METHODS.has(method)) return 'User started the mobile SMS verification';
  if (method === 'microsoftAuthenticatorPush' || method === 'oneTimePasscode') {
    return 'User started the mobile app code verification';
  }
  return 'User was presented with verification options';
}

interface Row {
  key: number; // epoch ms including the sub-millisecond fraction, for sorting
  audit: GraphDirectoryAudit;
}

export function generateAudits(population: UserPopulation, log: EventLog, seed: number, nowMs: number): GraphDirectoryAudit[] {
  const rng = createRng(deriveSeed(seed, 'audits'));
  const { users, adminIndices, privileged } = population;
  const oldest = nowMs - 30 * DAY_MS + 1000;
  const rows: Row[] = [];

  const push = (
    t: number, activity: string, actor: GraphUserRegistrationDetails, target: GraphTargetResource,
    result: 'success' | 'failure', resultReason: string,
    extra: { correlationId?: string; operationType?: string; details?: { key: string; value: string }[]; service?: string } = {},
  ) => {
    const at = Math.max(oldest, Math.min(nowMs, t));
    const fraction = rng.int(0, 9_999_999);
    rows.push({
      key: at + fraction / 10_000,
      audit: {
        id: flat(`SSPR_${rng.uuid()}`),
        category: 'UserManagement',
        correlationId: extra.correlationId ?? rng.uuid(),
        result,
        resultReason,
        activityDisplayName: activity,
        activityDateTime: flat(`${new Date(at).toISOString().slice(0, 19)}.${String(fraction).padStart(7, '0')}Z`),
        loggedByService: extra.service ?? SSPR_AUDIT_SERVICE,
        operationType: extra.operationType ?? 'Update',
        initiatedBy: {
          user: { id: actor.id, displayName: actor.userDisplayName, userPrincipalName: actor.userPrincipalName, ipAddress: ipFor(actor) },
          app: null,
        },
        targetResources: [target],
        additionalDetails: extra.details ?? [],
      },
    });
  };
  const self = (t: number, activity: string, user: GraphUserRegistrationDetails, ok: boolean, reason: string, extra = {}) =>
    push(t, activity, user, userTarget(user), ok ? 'success' : 'failure', reason, extra);
  const seconds = (r: Rng, min: number, max: number) => r.int(min, max) * 1000;

  log.events.forEach((event, i) => {
    const user = users[log.userIndex[i]!]!;
    const t = log.timeMs[i]!;
    if (event.feature === 'registration') {
      if (rng.chance(0.15)) {
        self(t, AUDIT_ACTIVITY.registered, user, event.isSuccess, event.failureReason, { operationType: 'Add' });
        return;
      }
      const combined = { operationType: 'Add', service: AUTH_METHODS_AUDIT_SERVICE, correlationId: rng.uuid() };
      self(t, AUDIT_ACTIVITY.securityInfo, user, event.isSuccess, event.failureReason, combined);
      if (event.isSuccess && rng.chance(0.6)) self(t + 1000, AUDIT_ACTIVITY.allSecurityInfo, user, true, '', combined);
      return;
    }
    const correlationId = rng.uuid();
    self(t - seconds(rng, 60, 240), AUDIT_ACTIVITY.progress, user, true, 'User submitted their user ID', { correlationId });
    if (rng.chance(0.6)) {
      const cancelled = !event.isSuccess && rng.chance(0.3);
      const reason = event.isSuccess ? rng.pick(PROGRESS_DONE) : cancelled ? CANCELLED : startedStep(event.authMethod);
      self(t - seconds(rng, 5, 50), AUDIT_ACTIVITY.progress, user, !cancelled, reason, { correlationId });
    }
    self(t, AUDIT_ACTIVITY.reset, user, event.isSuccess, event.failureReason, { correlationId });
  });

  for (const b of log.blocked) self(b.atMs + 1000, AUDIT_ACTIVITY.blocked, users[b.userIndex]!, true, '');

  const instant = () => nowMs - Math.floor(rng.next() * 30 * 86_400) * 1000;
  const anyUser = () => users[rng.int(0, users.length - 1)]!;
  const n = log.events.length;
  for (let k = Math.max(2, Math.round(n * 0.04)); k > 0; k--) {
    const adminIndex = rng.pick(adminIndices);
    let targetIndex = rng.int(0, users.length - 1);
    if (targetIndex === adminIndex) targetIndex = (targetIndex + 1) % users.length;
    push(instant(), AUDIT_ACTIVITY.adminReset, users[adminIndex]!, userTarget(users[targetIndex]!), 'success',
      'Successfully completed reset.', { details: [{ key: 'OnPremisesAgent', value: rng.weighted(AGENT_WEIGHTS) }] });
  }
  for (let k = Math.max(3, Math.round(n * 0.08)); k > 0; k--) {
    const failed = rng.chance(0.15);
    self(instant(), AUDIT_ACTIVITY.change, anyUser(), !failed, failed ? 'FuzzyPolicyViolationInvalidPassword' : '');
  }
  for (let k = Math.max(1, Math.round(n * 0.015)); k > 0; k--) self(instant(), AUDIT_ACTIVITY.unlock, anyUser(), true, '');

  const policyAdmins = adminIndices.filter((i) => privileged[i]);
  const changes = [['NumberOfAuthenticationMethodsRequired', '1', '2'], ['EnablementType', 'Selected', 'All']] as const;
  for (const [property, oldValue, newValue] of changes) {
    push(instant(), AUDIT_ACTIVITY.policy, users[rng.pick(policyAdmins)]!, {
      id: rng.uuid(),
      displayName: 'Self-service password reset policy',
      type: 'Policy',
      userPrincipalName: null,
      groupType: null,
      modifiedProperties: [{ displayName: property, oldValue: JSON.stringify(oldValue), newValue: JSON.stringify(newValue) }],
    }, 'success', '');
  }

  rows.sort((a, b) => b.key - a.key);
  return rows.map((r) => r.audit);
}
