import type { ReportClient } from '../client/index.js';
import { count, isRecord, str } from './coerce.js';
import { malformed } from './malformed.js';
import type { ScopedReportOptions } from './scoped-call.js';
import { scopedCall } from './scoped-call.js';
import { ALL_PERIODS, type Period } from './types.js';

/** The reporting endpoint's extension (not a Graph route): usersRegisteredByFeature at the end of each day of a period. */
export const FEATURE_HISTORY_ROUTE = 'v1.0/reports/authenticationMethods/usersRegisteredByFeatureHistory';

export interface FeatureCountsOnDay {
  /** The UTC day (epoch ms at 00:00Z). */
  day: number;
  total: number;
  /** Feature name → users. */
  counts: Record<string, number>;
}

/** `…History(period='d7',includedUserTypes='all',includedUserRoles='all')`: scope checked as for the summary. */
export function featureHistoryPath(period: Period, options: Pick<ScopedReportOptions, 'userTypes' | 'userRoles'> = {}): string {
  if (!ALL_PERIODS.includes(period)) throw new TypeError(`period must be one of ${ALL_PERIODS.join(', ')}`);
  return scopedCall(FEATURE_HISTORY_ROUTE, options.userTypes, options.userRoles).replace('(', `(period='${period}',`);
}

export function parseFeatureHistory(raw: unknown): FeatureCountsOnDay[] {
  if (!isRecord(raw) || !Array.isArray(raw.value)) throw malformed('feature history', 'no value');
  return raw.value.filter(isRecord).flatMap((row) => {
    const day = Date.parse(`${str(row.date)}T00:00:00Z`);
    if (Number.isNaN(day)) return [];
    const counts: Record<string, number> = {};
    for (const item of Array.isArray(row.userRegistrationFeatureCounts) ? row.userRegistrationFeatureCounts : []) {
      if (isRecord(item)) counts[str(item.feature)] = count(item.userCount);
    }
    return [{ day, total: count(row.totalUserCount), counts }];
  }).sort((a, b) => a.day - b.day);
}

/**
 * The feature counts day by day over `period`, from a reporting endpoint that keeps history (plain
 * Graph has no such route: ask only an endpoint that says it has history).
 */
export async function fetchFeatureHistory(client: ReportClient, period: Period, options: ScopedReportOptions = {}): Promise<FeatureCountsOnDay[]> {
  const { userTypes, userRoles, ...request } = options;
  return parseFeatureHistory(await client.get(featureHistoryPath(period, { userTypes, userRoles }), request));
}
