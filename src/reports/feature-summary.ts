import type { ReportClient } from '../client/index.js';
import { ROUTES } from '../graph/types.js';
import { count, isRecord, str } from './coerce.js';
import { malformed } from './malformed.js';
import { scopedCall, type ScopedReportOptions } from './scoped-call.js';
import type { FeatureSummary, UserRoles, UserTypes } from './types.js';

export type FeatureSummaryOptions = ScopedReportOptions;

/** The function-call path, e.g. `…/usersRegisteredByFeature(includedUserTypes='all',includedUserRoles='all')`. */
export const featureSummaryPath = (userTypes?: UserTypes, userRoles?: UserRoles): string =>
  scopedCall(ROUTES.usersRegisteredByFeature, userTypes, userRoles);

/** The deprecated getCredentialUserRegistrationCount statuses, in today's feature names. */
const LEGACY_STATUS: Record<string, string> = {
  registered: 'ssprRegistered',
  enabled: 'ssprEnabled',
  capable: 'ssprCapable',
  mfaRegistered: 'mfaRegistered',
};

/** Reads the deprecated beta getCredentialUserRegistrationCount collection as a feature summary. */
function parseLegacyRegistrationCount(row: Record<string, unknown>): FeatureSummary {
  const counts: Record<string, number> = {};
  for (const item of Array.isArray(row.userRegistrationCounts) ? row.userRegistrationCounts : []) {
    if (!isRecord(item)) continue;
    const status = str(item.registrationStatus ?? item.userRegistrationStatus);
    const feature = LEGACY_STATUS[status] ?? (status || 'unknownFutureValue');
    counts[feature] = (counts[feature] ?? 0) + count(item.registrationCount ?? item.userRegistationCount);
  }
  return { total: count(row.totalUserCount), userTypes: 'all', userRoles: 'all', counts };
}

/** Reads a userRegistrationFeatureSummary; unknown features are kept, duplicates summed. */
export function parseFeatureSummary(raw: unknown): FeatureSummary {
  if (isRecord(raw) && Array.isArray(raw.value) && isRecord(raw.value[0]) && 'userRegistrationCounts' in raw.value[0]) {
    return parseLegacyRegistrationCount(raw.value[0]);
  }
  if (!isRecord(raw) || !Array.isArray(raw.userRegistrationFeatureCounts)) {
    throw malformed('users registered by feature', 'no userRegistrationFeatureCounts');
  }
  const counts: Record<string, number> = {};
  for (const item of raw.userRegistrationFeatureCounts) {
    if (!isRecord(item)) continue;
    const feature = str(item.feature) || 'unknownFutureValue';
    counts[feature] = (counts[feature] ?? 0) + count(item.userCount);
  }
  return { total: count(raw.totalUserCount), userTypes: str(raw.userTypes), userRoles: str(raw.userRoles), counts };
}

/** Users registered, enabled and capable for SSPR (and MFA / passwordless capable). */
export async function fetchFeatureSummary(client: ReportClient, options: FeatureSummaryOptions = {}): Promise<FeatureSummary> {
  const { userTypes, userRoles, ...request } = options;
  return parseFeatureSummary(await client.get(featureSummaryPath(userTypes, userRoles), request));
}
