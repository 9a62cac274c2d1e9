import type { MethodCounts } from '../reports/method-counts.js';
import type { FeatureSummary, AuditRow, EventRow, Period } from '../reports/types.js';

/** What the insights are computed from; a source that is missing (not loaded, or failed) is undefined. */
export interface InsightsData {
  period: Period;
  /** The reports' "now" (epoch ms): the period ends here. */
  now: number;
  features?: FeatureSummary;
  methods?: MethodCounts;
  /** userEventsSummary rows (Graph keeps 30 days). */
  events?: EventRow[];
  /** The period's "Blocked from self-service password reset" audit entries. */
  blocked?: AuditRow[];
  /** Lower-cased UPNs of the users who hold an admin role. */
  admins?: ReadonlySet<string>;
}

/** The rules' thresholds, each an attribute of `<sspr-insights>`. */
export interface RuleThresholds {
  /** Failed resets by one user within `burstWindowMs` that count as a burst (default 5). */
  burstCount: number;
  burstWindowMs: number;
  /** A reset this soon after a new method was registered, for the same user (default 24 h). */
  takeoverWindowMs: number;
  /** A day whose resets exceed this multiple of the median of the period's other days (default 3). */
  spikeFactor: number;
  /** Self-service resets by one admin in the period that count as frequent (default 2). */
  frequentAdminResets: number;
}

export const DEFAULT_THRESHOLDS: Readonly<RuleThresholds> = {
  burstCount: 5,
  burstWindowMs: 3_600_000,
  takeoverWindowMs: 86_400_000,
  spikeFactor: 3,
  frequentAdminResets: 2,
};
