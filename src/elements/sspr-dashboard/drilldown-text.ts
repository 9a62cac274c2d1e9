import type { DrilldownDetail } from '../shared/events.js';
import { methodLabel } from '../../reports/methods.js';

const REPORT = { users: 'Users', events: 'Registration and reset events', audit: 'Audit log entries' } as const;

const FILTER_TEXT: Record<string, (v: string | boolean) => string> = {
  isSsprRegistered: (v) => (v ? 'registered for SSPR' : 'not registered for SSPR'),
  isSsprEnabled: (v) => (v ? 'enabled for SSPR' : 'not enabled for SSPR'),
  isSsprCapable: (v) => (v ? 'capable of SSPR' : 'not capable of SSPR'),
  isMfaCapable: (v) => (v ? 'MFA capable' : 'not MFA capable'),
  isPasswordlessCapable: (v) => (v ? 'passwordless capable' : 'not passwordless capable'),
  isAdmin: (v) => (v ? 'admins' : 'non-admins'),
  userType: (v) => `${v} accounts`,
  feature: (v) => (v === 'reset' ? 'password resets' : v === 'registration' ? 'registrations' : String(v)),
  method: (v) => `method: ${methodLabel(String(v))}`,
  status: (v) => (v === 'failure' ? 'failed' : v === 'success' ? 'succeeded' : String(v)),
};

/** "Users: registered for SSPR, guest accounts" — the drill-down in words, for the details heading. */
export function describeDrilldown(detail: DrilldownDetail): string {
  const parts = Object.entries(detail.filter).map(([key, value]) => FILTER_TEXT[key]?.(value) ?? `${key}: ${String(value)}`);
  return parts.length ? `${REPORT[detail.report] ?? detail.report}: ${parts.join(', ')}` : REPORT[detail.report] ?? detail.report;
}
