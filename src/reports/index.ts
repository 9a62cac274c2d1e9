export * from './types.js';
export * from './odata.js';
export { methodLabel, isKnownMethod, KNOWN_METHODS } from './methods.js';
export { fetchFeatureSummary, parseFeatureSummary, featureSummaryPath, type FeatureSummaryOptions } from './feature-summary.js';
export { fetchMethodCounts, parseMethodCounts, methodCountsPath, type MethodCounts, type MethodCountsOptions } from './method-counts.js';
export {
  fetchResetsAndChanges, parseResetsAndChanges, parseDailyResets, type DailyResets, type ResetsAndChangesOptions,
} from './resets-and-changes.js';
export { fetchRegistrationActivity, parseRegistrationActivity, registrationActivityPath } from './registration-activity.js';
export { pageEvents, parseEvent, EVENTS_MAX_TOP } from './events.js';
export { pageUsers, parseUser } from './users.js';
export { pageAudits, parseAudit, type AuditOptions } from './audits.js';
export type { PagedReportOptions } from './paged.js';
