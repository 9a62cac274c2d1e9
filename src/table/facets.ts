import { featureLabel, resultLabel, userTypeLabel, yesNo } from '../reports/labels.js';
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
  label: string;
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
const adminLabel = (v: string) => ({ true: 'Yes', false: 'No', unknown: 'Checking…' })[v] ?? 'Unknown (the admins could not be read)';

const bool = <Row>(key: string, label: string, get: (r: Row) => boolean): Facet<Row> => ({ key, label, value: (r) => String(get(r)), valueLabel: yesNo });

export const EVENT_FACETS: Facet<EventRow>[] = [
  { key: 'feature', label: 'Feature', value: (r) => r.feature, valueLabel: featureLabel },
  { key: 'method', label: 'Method', value: (r) => r.method, valueLabel: methodLabel },
  { key: 'status', label: 'Status', value: (r) => (r.succeeded ? 'success' : 'failure'), valueLabel: (v) => (v === 'success' ? 'Success' : 'Failure') },
  { key: 'failureReason', label: 'Failure reason', value: (r) => r.failureReason || NONE },
  { key: 'isAdmin', label: 'Admin', value: (r, c) => adminValue(r.upn, c), valueLabel: adminLabel, contextual: true },
];

export const USER_FACETS: Facet<UserRow>[] = [
  bool('isSsprRegistered', 'SSPR registered', (r) => r.ssprRegistered),
  bool('isSsprEnabled', 'SSPR enabled', (r) => r.ssprEnabled),
  bool('isSsprCapable', 'SSPR capable', (r) => r.ssprCapable),
  bool('isMfaCapable', 'MFA capable', (r) => r.mfaCapable),
  bool('isPasswordlessCapable', 'Passwordless capable', (r) => r.passwordlessCapable),
  bool('isAdmin', 'Admin', (r) => r.isAdmin),
  { key: 'userType', label: 'User type', value: (r) => r.userType, valueLabel: userTypeLabel },
  { key: 'methodsRegistered', label: 'Method registered', value: (r) => r.methods, valueLabel: methodLabel },
];

export const AUDIT_FACETS: Facet<AuditRow>[] = [
  { key: 'activity', label: 'Activity', value: (r) => r.activity },
  { key: 'service', label: 'Logged by', value: (r) => r.service },
  { key: 'status', label: 'Status', value: (r) => r.status, valueLabel: resultLabel },
  { key: 'reason', label: 'Status reason', value: (r) => r.reason || NONE },
  { key: 'selfService', label: 'Initiated by', value: (r) => (r.initiatedByUpn && r.initiatedByUpn === r.targetUpn ? 'self' : 'other'), valueLabel: (v) => (v === 'self' ? 'The user themselves' : 'Someone else') },
  { key: 'isAdmin', label: 'Initiated by an admin', value: (r, c) => adminValue(r.initiatedByUpn, c), valueLabel: adminLabel, contextual: true },
];

