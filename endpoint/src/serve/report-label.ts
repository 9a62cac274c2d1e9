/**
 * The report a request asked for, as a metrics and log label: one of a fixed set (the served
 * reports, the probes, 'other'), never the raw path, so label values stay few and carry no user data.
 */
const REPORTS = [
  'userRegistrationDetails',
  'usersRegisteredByFeature',
  'usersRegisteredByMethod',
  'usersRegisteredByFeatureHistory',
  'usersRegisteredByMethodHistory',
  'userRegistrationActivity',
  'userEventsSummary',
  'userPasswordResetsAndChangesSummary',
  'directoryAudits',
] as const;
const BY_LOWER = new Map<string, string>(REPORTS.map((r) => [r.toLowerCase(), r]));
const PROBES = new Set(['/healthz', '/readyz', '/metrics', '/status']);

export function reportLabel(url: string): string {
  const path = url.split('?')[0]!;
  if (PROBES.has(path)) return path.slice(1);
  const m = /\/(?:reports\/authenticationMethods|auditLogs)\/([A-Za-z]+)(?:\(|\/?$)/.exec(path);
  return (m && BY_LOWER.get(m[1]!.toLowerCase())) ?? 'other';
}
