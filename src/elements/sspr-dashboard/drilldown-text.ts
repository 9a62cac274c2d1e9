import type { DrilldownDetail } from '../shared/events.js';
import { formatList } from '../../i18n/format.js';
import { msg, str } from '../../i18n/msg.js';
import { methodLabel } from '../../reports/methods.js';
import { activityLabel, reasonLabel } from '../../reports/labels.js';

type Report = DrilldownDetail['report'];

/** The details heading's name of a report: "Users", "Registration and reset events", … */
function reportTitle(report: string): string {
  if (report === 'users') return msg('Users');
  if (report === 'events') return msg('Registration and reset events');
  if (report === 'audit') return msg('Audit log entries');
  return report;
}

/** The reports the dashboard offers, in order. */
export const REPORTS: readonly Report[] = ['events', 'users', 'audit'];

/** A report's short name on the dashboard's report buttons. */
export function reportName(report: Report): string {
  if (report === 'users') return msg('Users');
  if (report === 'audit') return msg('Audit log');
  return msg('Events');
}

/** A flag's value, whether a drill-down sent `true` or a filter attribute sent `"true"`. */
const on = (v: string | boolean) => v === true || v === 'true';

const FILTER_TEXT: Record<string, (v: string | boolean) => string> = {
  isSsprRegistered: (v) => (on(v) ? msg('registered for SSPR') : msg('not registered for SSPR')),
  isSsprEnabled: (v) => (on(v) ? msg('enabled for SSPR') : msg('not enabled for SSPR')),
  isSsprCapable: (v) => (on(v) ? msg('capable of SSPR') : msg('not capable of SSPR')),
  isMfaCapable: (v) => (on(v) ? msg('MFA capable', { id: 'filter-mfa-capable', desc: 'inside a list of filters, after other lowercase items' }) : msg('not MFA capable')),
  isPasswordlessCapable: (v) => (on(v) ? msg('passwordless capable') : msg('not passwordless capable')),
  isAdmin: (v) => (on(v) ? msg('admins') : msg('non-admins')),
  userType: (v) => (v === 'guest' ? msg('guest accounts') : v === 'member' ? msg('member accounts') : msg(str`${String(v)} accounts`)),
  feature: (v) => (v === 'reset' ? msg('password resets') : v === 'registration' ? msg('registrations') : String(v)),
  method: (v) => msg(str`method: ${methodLabel(String(v))}`),
  methodsRegistered: (v) => msg(str`method registered: ${methodLabel(String(v))}`),
  failureReason: (v) => msg(str`failure reason: ${reasonLabel(String(v)) || String(v)}`),
  activity: (v) => activityLabel(String(v)),
  status: (v) => (v === 'failure' ? msg('failed') : v === 'success' ? msg('succeeded') : String(v)),
};

/**
 * "Users: registered for SSPR, guest accounts" — the drill-down (or the table's own filters and search)
 * in words, for the details heading.
 */
export function describeDrilldown(detail: DrilldownDetail & { search?: string }): string {
  const parts = Object.entries(detail.filter)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => FILTER_TEXT[key]?.(value) ?? `${key}: ${String(value)}`);
  const search = detail.search?.trim();
  if (search) parts.push(msg(str`matching “${search}”`));
  const title = reportTitle(detail.report);
  return parts.length ? msg(str`${title}: ${formatList(parts, 'short')}`) : title;
}
