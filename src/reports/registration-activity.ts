import type { ReportClient, RequestOptions } from '../client/index.js';
import { ROUTES } from '../graph/types.js';
import { count, isRecord, str } from './coerce.js';
import { malformed } from './malformed.js';
import { ALL_PERIODS, type ActivityRow, type Period } from './types.js';

export function registrationActivityPath(period: Period): string {
  if (!ALL_PERIODS.includes(period)) throw new TypeError(`period must be one of ${ALL_PERIODS.join(', ')}`);
  return `${ROUTES.userRegistrationActivity}(period='${period}')`;
}

export function parseActivityRow(raw: unknown, index: number): ActivityRow {
  const r = isRecord(raw) ? raw : {};
  return {
    id: str(r.id) || `row-${index}`,
    feature: str(r.feature) || 'unknownFutureValue',
    method: str(r.authMethod) || 'unknownFutureValue',
    succeeded: count(r.successfulActivityCount),
    failed: count(r.failureActivityCount),
  };
}

/** Reads a userRegistrationActivity collection (`{value: [...]}`). */
export function parseRegistrationActivity(raw: unknown): ActivityRow[] {
  if (!isRecord(raw) || !Array.isArray(raw.value)) throw malformed('registration activity', 'no value array');
  return raw.value.map(parseActivityRow);
}

/**
 * Successful and failed registrations and resets per method for the period — both charts' data.
 * One call serves both features; callers pick rows by `feature`.
 */
export async function fetchRegistrationActivity(
  client: ReportClient,
  period: Period,
  options: RequestOptions = {},
): Promise<ActivityRow[]> {
  return parseRegistrationActivity(await client.get(registrationActivityPath(period), options));
}
