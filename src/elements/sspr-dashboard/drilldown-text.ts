import type { DrilldownDetail } from '../shared/events.js';
import { methodLabel } from '../../reports/methods.js';

const REPORT = { users: 'Users', events: 'Registration and reset events', audit: 'Audit log entries' } as const;

/** The reports' short names, in the order the dashboard offers them. */
export const REPORT_NAMES = { events: 'Events', users: 'Users', audit: 'Audit log' } as const;

/** A flag's value, whether a drill-down sent `true` or a filter attribute sent `"true"`. */
const on = (v: string | boolean) => v === true || v === 'true';

const FILTER_TEXT: Record<string, (v: string | boolean) => string> = {
  isSsprRegistered: (v) => (on(v) ? 'registered for SSPR' : 'not registered for SSPR'),
  isSsprEnabled: (v) => (on(v) ? 'enabled for SSPR' : 'not enabled for SSPR'),
  isSsprCapable: (v) => (on(v) ? 'capable of SSPR' : 'not capable of SSPR'),
  isMfaCapable: (v) => (on(v) ? 'MFA capable' : 'not MFA capable'),
  isPasswordlessCapable: (v) => (on(v) ? 'passwordless capable' : 'not passwordless capable'),
  isAdmin: (v) => (on(v) ? 'admins' : 'non-admins'),
  userType: (v) => `${v} accounts`,
  feature: (v) => (v === 'reset' ? 'password resets' : v === 'registration' ? 'registrations' : String(v)),
  method: (v) => `method: ${methodLabel(String(v))}`,
  status: (v) => (v === 'failure' ? 'failed' : v === 'success' ? 'succeeded' : String(v)),
};

/**
 * "Users: registered for SSPR, guest accounts" — the drill-down (or the table's own filters and search)
 * in words, for the details heading.
 */
export function describeDrilldown(detail: DrilldownDetail & { search?: string }): string {
  const parts = Object.entries(detail.filter)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => FILTER_TEXT[key]?.(value) ?? `${key}: ${String(value)}`);
  if (detail.search?.trim()) parts.push(`matching “${detail.search.trim()}”`);
  return parts.length ? `${REPORT[detail.report] ?? detail.report}: ${parts.join(', ')}` : REPORT[detail.report] ?? detail.report;
}
