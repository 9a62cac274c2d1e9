import { msg } from '../i18n/msg.js';
import { activityLabel, featureLabel, reasonLabel, resultLabel, serviceLabel, statusLabel, userTypeLabel, yesNo } from '../reports/labels.js';
import { methodLabel } from '../reports/methods.js';
import type { AuditRow, EventRow, UserRow } from '../reports/types.js';

/**
 * A filter with counts. Keys are the names drill-downs use (`isSsprCapable`, `method`, `status`…), so a
 * tile's or a bar's `filter` lands on the same facets a user would pick.
 */
/** What some facets need besides the row: the tenant's admins (loaded after the rows). */
export interface FacetContext {
  /** Lower-cased UPNs of the users who hold an admin role; undefined until known. */
  admins?: ReadonlySet<string>;
  /** Reading the admins failed. */
  adminsFailed?: boolean;
}

export interface Facet<Row> {
  key: string;
  /** The filter's name, in the language in effect when read. */
  readonly label: string;
  /** The row's value(s) for this facet; a user with several methods has several. */
  value: (row: Row, context: FacetContext) => string | readonly string[];
  /** Its values depend on the context, so they are worked out again when the context changes. */
  contextual?: boolean;
  /** How a value reads in the menu. */
  valueLabel?: (value: string) => string;
}

/** The facet value of an empty text (a success has no failure reason): '' would read as "no filter". */
export const NONE = '(none)';

/** Whether `upn` belongs to an admin: 'true' / 'false', or 'unknown' until the admins are known. */
function adminValue(upn: string, context: FacetContext): string {
  if (context.adminsFailed) return 'unavailable';
  if (!context.admins) return 'unknown';
  return String(context.admins.has(upn.toLowerCase()));
}
function adminLabel(v: string): string {
  if (v === 'true' || v === 'false') return yesNo(v);
  return v === 'unknown' ? msg('Checking…') : msg('Unknown (the admins could not be read)');
}

// Labels are read when the menu renders, so each table shows them in its own language.
const facet = <Row>(key: string, label: () => string, rest: Omit<Facet<Row>, 'key' | 'label'>): Facet<Row> => ({ key, get label() { return label(); }, ...rest });
const bool = <Row>(key: string, label: () => string, get: (r: Row) => boolean): Facet<Row> => facet(key, label, { value: (r) => String(get(r)), valueLabel: yesNo });

export const EVENT_FACETS: Facet<EventRow>[] = [
  facet('feature', () => msg('Feature'), { value: (r) => r.feature, valueLabel: featureLabel }),
  facet('method', () => msg('Method'), { value: (r) => r.method, valueLabel: methodLabel }),
  facet('status', () => msg('Status'), { value: (r) => (r.succeeded ? 'success' : 'failure'), valueLabel: (v) => statusLabel(v === 'success') }),
  facet('failureReason', () => msg('Failure reason'), { value: (r) => r.failureReason || NONE, valueLabel: reasonLabel }),
  facet('isAdmin', () => msg('Admin'), { value: (r, c) => adminValue(r.upn, c), valueLabel: adminLabel, contextual: true }),
];

export const USER_FACETS: Facet<UserRow>[] = [
  bool('isSsprRegistered', () => msg('SSPR registered'), (r) => r.ssprRegistered),
  bool('isSsprEnabled', () => msg('SSPR enabled'), (r) => r.ssprEnabled),
  bool('isSsprCapable', () => msg('SSPR capable'), (r) => r.ssprCapable),
  bool('isMfaCapable', () => msg('MFA capable'), (r) => r.mfaCapable),
  bool('isPasswordlessCapable', () => msg('Passwordless capable'), (r) => r.passwordlessCapable),
  bool('isAdmin', () => msg('Admin'), (r) => r.isAdmin),
  facet('userType', () => msg('User type'), { value: (r) => r.userType, valueLabel: userTypeLabel }),
  facet('methodsRegistered', () => msg('Method registered'), { value: (r) => r.methods, valueLabel: methodLabel }),
];

export const AUDIT_FACETS: Facet<AuditRow>[] = [
  facet('activity', () => msg('Activity'), { value: (r) => r.activity, valueLabel: activityLabel }),
  facet('service', () => msg('Logged by'), { value: (r) => r.service, valueLabel: serviceLabel }),
  facet('status', () => msg('Status'), { value: (r) => r.status, valueLabel: resultLabel }),
  facet('reason', () => msg('Status reason'), { value: (r) => r.reason || NONE, valueLabel: reasonLabel }),
  facet('selfService', () => msg('Initiated by'), {
    value: (r) => (r.initiatedByUpn && r.initiatedByUpn === r.targetUpn ? 'self' : 'other'),
    valueLabel: (v) => (v === 'self' ? msg('The user themselves') : msg('Someone else')),
  }),
  facet('isAdmin', () => msg('Initiated by an admin'), { value: (r, c) => adminValue(r.initiatedByUpn, c), valueLabel: adminLabel, contextual: true }),
];
