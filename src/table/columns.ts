import { featureLabel, resultLabel, userTypeLabel, yesNo } from '../reports/labels.js';
import { methodLabel } from '../reports/methods.js';
import type { AuditRow, EventRow, UserRow } from '../reports/types.js';

export type TableReport = 'events' | 'users' | 'audit';
export type TableRow = EventRow | UserRow | AuditRow;

/** How one column shows, sorts and exports a row. */
export interface Column<Row> {
  key: string;
  label: string;
  /** Text shown in the cell (always rendered as text, never as HTML). */
  text: (row: Row) => string;
  /** Value to sort by: numbers sort numerically, strings case- and accent-insensitively. */
  sortValue: (row: Row) => number | string;
  /** The value as Graph wrote it (flags as true/false, method ids, `;`-joined lists), for a raw CSV. */
  raw: (row: Row) => string;
  /** CSS grid track, e.g. `minmax(10rem, 2fr)`. */
  width: string;
  /** Graph property to $orderby in server mode (only where Graph documents it). */
  orderBy?: string;
  /** A date (epoch ms in `sortValue`): shown in the reader's locale, exported as ISO 8601 UTC. */
  date?: boolean;
  /** Hidden until the user shows it from the Columns menu. */
  hiddenByDefault?: boolean;
}

const iso = (t: number) => (Number.isFinite(t) ? new Date(t).toISOString() : '');

function dateColumn<Row extends { time: number }>(label = 'Date'): Column<Row> {
  return { key: 'time', label, text: (r) => iso(r.time), sortValue: (r) => r.time, raw: (r) => iso(r.time), width: 'minmax(12.5rem, 1.2fr)', date: true };
}

function textColumn<Row>(key: string, label: string, get: (row: Row) => string, width = 'minmax(8rem, 1fr)', extra: Partial<Column<Row>> = {}): Column<Row> {
  return { key, label, text: get, sortValue: get, raw: get, width, ...extra };
}

function flagColumn<Row>(key: string, label: string, get: (row: Row) => boolean): Column<Row> {
  return { key, label, text: (r) => yesNo(get(r)), sortValue: (r) => (get(r) ? 1 : 0), raw: (r) => String(get(r)), width: 'minmax(6rem, 0.7fr)' };
}

export const EVENT_COLUMNS: Column<EventRow>[] = [
  dateColumn<EventRow>(),
  textColumn<EventRow>('userName', 'User', (r) => r.userName, 'minmax(9rem, 1.2fr)', { orderBy: 'userDisplayName' }),
  textColumn<EventRow>('upn', 'User principal name', (r) => r.upn, 'minmax(12rem, 1.6fr)', { orderBy: 'userPrincipalName' }),
  textColumn<EventRow>('feature', 'Feature', (r) => featureLabel(r.feature), 'minmax(7rem, 0.8fr)', { raw: (r) => r.feature }),
  textColumn<EventRow>('method', 'Method', (r) => methodLabel(r.method), 'minmax(9rem, 1.2fr)', { raw: (r) => r.method }),
  textColumn<EventRow>('status', 'Status', (r) => (r.succeeded ? 'Success' : 'Failure'), 'minmax(6rem, 0.7fr)', { raw: (r) => String(r.succeeded) }),
  textColumn<EventRow>('failureReason', 'Failure reason', (r) => r.failureReason, 'minmax(12rem, 2fr)'),
];

export const USER_COLUMNS: Column<UserRow>[] = [
  textColumn<UserRow>('name', 'Name', (r) => r.name, 'minmax(9rem, 1.2fr)', { orderBy: 'userDisplayName' }),
  textColumn<UserRow>('upn', 'User principal name', (r) => r.upn, 'minmax(12rem, 1.6fr)', { orderBy: 'userPrincipalName' }),
  flagColumn<UserRow>('ssprRegistered', 'SSPR registered', (r) => r.ssprRegistered),
  flagColumn<UserRow>('ssprEnabled', 'SSPR enabled', (r) => r.ssprEnabled),
  flagColumn<UserRow>('ssprCapable', 'SSPR capable', (r) => r.ssprCapable),
  flagColumn<UserRow>('mfaCapable', 'MFA capable', (r) => r.mfaCapable),
  flagColumn<UserRow>('passwordlessCapable', 'Passwordless capable', (r) => r.passwordlessCapable),
  flagColumn<UserRow>('isAdmin', 'Admin', (r) => r.isAdmin),
  textColumn<UserRow>('methods', 'Methods registered', (r) => r.methods.map(methodLabel).join(', '), 'minmax(14rem, 2fr)', { raw: (r) => r.methods.join(';') }),
  textColumn<UserRow>('userType', 'User type', (r) => userTypeLabel(r.userType), 'minmax(6rem, 0.7fr)', { hiddenByDefault: true, raw: (r) => r.userType }),
  { key: 'lastUpdated', label: 'Last updated', text: (r) => iso(r.lastUpdated), sortValue: (r) => r.lastUpdated, raw: (r) => iso(r.lastUpdated), width: 'minmax(12.5rem, 1.2fr)', date: true },
];

export const AUDIT_COLUMNS: Column<AuditRow>[] = [
  dateColumn<AuditRow>(),
  textColumn<AuditRow>('activity', 'Activity', (r) => r.activity, 'minmax(14rem, 2fr)'),
  textColumn<AuditRow>('status', 'Status', (r) => resultLabel(r.status), 'minmax(6rem, 0.7fr)', { raw: (r) => r.status }),
  textColumn<AuditRow>('reason', 'Status reason', (r) => r.reason, 'minmax(12rem, 2fr)'),
  textColumn<AuditRow>('initiatedBy', 'Initiated by', (r) => r.initiatedBy, 'minmax(9rem, 1.2fr)'),
  textColumn<AuditRow>('target', 'Target', (r) => r.target, 'minmax(9rem, 1.2fr)'),
  textColumn<AuditRow>('initiatedByUpn', 'Initiated by (UPN)', (r) => r.initiatedByUpn, 'minmax(12rem, 1.6fr)', { hiddenByDefault: true }),
  textColumn<AuditRow>('targetUpn', 'Target (UPN)', (r) => r.targetUpn, 'minmax(12rem, 1.6fr)', { hiddenByDefault: true }),
  textColumn<AuditRow>('service', 'Logged by', (r) => r.service, 'minmax(12rem, 1.4fr)', { hiddenByDefault: true }),
];

