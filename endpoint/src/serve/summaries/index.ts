/**
 * The three delegated-only reports (Graph serves them to signed-in users only), computed from the
 * stored rows with the mock's semantics.
 */
export { featureSummary } from './feature-summary.js';
export { methodSummary } from './method-summary.js';
export { activitySummary } from './activity-summary.js';
export { ENDPOINT_PERIODS, type EndpointPeriod } from './periods.js';
