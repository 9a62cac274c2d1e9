import { msg } from '../i18n/msg.js';
import { activityLabel, featureLabel, reasonLabel, resultLabel, serviceLabel, statusLabel, userTypeLabel, yesNo } from '../reports/labels.js';
import { methodLabel } from '../reports/methods.js';
import type { AuditRow, EventRow, UserRow } from '../reports/types.js';

export type TableReport = 'events' | 'users' | 'audit';
export type TableRow = EventRow | UserRow | AuditRow;

/** How one column shows, sorts and exports a row. */
export interface Column<Row> {
  key: string;
  /** The header, in the language in effect when read. */
  readonly label: string;
  /** Graph's property name, the header of a raw CSV (default `key`). */
  rawHeader?: string;
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

// Labels are functions, read when the header renders, so each table shows them in its own language.
type Label = () => string;

function dateColumn<Row extends { time: number }>(rawHeader: string): Column<Row> {
  return { key: 'time', get label() { return msg('Date'); }, rawHeader, text: (r) => iso(r.time), sortValue: (r) => r.time, raw: (r) => iso(r.time), width: 'minmax(12.5rem, 1.2fr)', date: true };
}

function textColumn<Row>(key: string, label: Label, get: (row: Row) => string, width = 'minmax(8rem, 1fr)', extra: Partial<Column<Row>> = {}): Column<Row> {
  return { key, get label() { return label(); }, text: get, sortValue: get, raw: get, width, ...extra };
}

function flagColumn<Row>(key: string, label: Label, get: (row: Row) => boolean, rawHeader = `is${key[0]!.toUpperCase()}${key.slice(1)}`): Column<Row> {
  return { key, get label() { return label(); }, rawHeader, text: (r) => yesNo(get(r)), sortValue: (r) => (get(r) ? 1 : 0), raw: (r) => String(get(r)), width: 'minmax(6rem, 0.7fr)' };
}

export const EVENT_COLUMNS: Column<EventRow>[] = [
  dateColumn<EventRow>('eventDateTime'),
  textColumn<EventRow>('userName', () => msg('User'), (r) => r.userName, 'minmax(9rem, 1.2fr)', { orderBy: 'userDisplayName', rawHeader: 'userDisplayName' }),
  textColumn<EventRow>('upn', () => msg('User principal name'), (r) => r.upn, 'minmax(12rem, 1.6fr)', { orderBy: 'userPrincipalName', rawHeader: 'userPrincipalName' }),
  textColumn<EventRow>('feature', () => msg('Feature'), (r) => featureLabel(r.feature), 'minmax(7rem, 0.8fr)', { raw: (r) => r.feature }),
  textColumn<EventRow>('method', () => msg('Method'), (r) => methodLabel(r.method), 'minmax(9rem, 1.2fr)', { raw: (r) => r.method, rawHeader: 'authMethod' }),
  textColumn<EventRow>('status', () => msg('Status'), (r) => statusLabel(r.succeeded), 'minmax(6rem, 0.7fr)', { raw: (r) => String(r.succeeded), rawHeader: 'isSuccess' }),
  textColumn<EventRow>('failureReason', () => msg('Failure reason'), (r) => reasonLabel(r.failureReason), 'minmax(12rem, 2fr)', { raw: (r) => r.failureReason }),
];

export const USER_COLUMNS: Column<UserRow>[] = [
  textColumn<UserRow>('name', () => msg('Name'), (r) => r.name, 'minmax(9rem, 1.2fr)', { orderBy: 'userDisplayName', rawHeader: 'userDisplayName' }),
  textColumn<UserRow>('upn', () => msg('User principal name'), (r) => r.upn, 'minmax(12rem, 1.6fr)', { orderBy: 'userPrincipalName', rawHeader: 'userPrincipalName' }),
  flagColumn<UserRow>('ssprRegistered', () => msg('SSPR registered'), (r) => r.ssprRegistered),
  flagColumn<UserRow>('ssprEnabled', () => msg('SSPR enabled'), (r) => r.ssprEnabled),
  flagColumn<UserRow>('ssprCapable', () => msg('SSPR capable'), (r) => r.ssprCapable),
  flagColumn<UserRow>('mfaCapable', () => msg('MFA capable'), (r) => r.mfaCapable),
  flagColumn<UserRow>('passwordlessCapable', () => msg('Passwordless capable'), (r) => r.passwordlessCapable),
  flagColumn<UserRow>('isAdmin', () => msg('Admin'), (r) => r.isAdmin, 'isAdmin'),
  textColumn<UserRow>('methods', () => msg('Methods registered'), (r) => r.methods.map(methodLabel).join(', '), 'minmax(14rem, 2fr)', { raw: (r) => r.methods.join(';'), rawHeader: 'methodsRegistered' }),
  textColumn<UserRow>('userType', () => msg('User type'), (r) => userTypeLabel(r.userType), 'minmax(6rem, 0.7fr)', { hiddenByDefault: true, raw: (r) => r.userType }),
  { key: 'lastUpdated', get label() { return msg('Last updated'); }, rawHeader: 'lastUpdatedDateTime', text: (r) => iso(r.lastUpdated), sortValue: (r) => r.lastUpdated, raw: (r) => iso(r.lastUpdated), width: 'minmax(12.5rem, 1.2fr)', date: true },
];

export const AUDIT_COLUMNS: Column<AuditRow>[] = [
  dateColumn<AuditRow>('activityDateTime'),
  textColumn<AuditRow>('activity', () => msg('Activity'), (r) => activityLabel(r.activity), 'minmax(14rem, 2fr)', { raw: (r) => r.activity, rawHeader: 'activityDisplayName' }),
  textColumn<AuditRow>('status', () => msg('Status'), (r) => resultLabel(r.status), 'minmax(6rem, 0.7fr)', { raw: (r) => r.status, rawHeader: 'result' }),
  textColumn<AuditRow>('reason', () => msg('Status reason'), (r) => reasonLabel(r.reason), 'minmax(12rem, 2fr)', { raw: (r) => r.reason, rawHeader: 'resultReason' }),
  textColumn<AuditRow>('initiatedBy', () => msg('Initiated by'), (r) => r.initiatedBy, 'minmax(9rem, 1.2fr)', { rawHeader: 'initiatedBy.displayName' }),
  textColumn<AuditRow>('target', () => msg('Target'), (r) => r.target, 'minmax(9rem, 1.2fr)', { rawHeader: 'targetResources.displayName' }),
  textColumn<AuditRow>('initiatedByUpn', () => msg('Initiated by (UPN)'), (r) => r.initiatedByUpn, 'minmax(12rem, 1.6fr)', { hiddenByDefault: true, rawHeader: 'initiatedBy.user.userPrincipalName' }),
  textColumn<AuditRow>('targetUpn', () => msg('Target (UPN)'), (r) => r.targetUpn, 'minmax(12rem, 1.6fr)', { hiddenByDefault: true, rawHeader: 'targetResources.userPrincipalName' }),
  textColumn<AuditRow>('service', () => msg('Logged by'), (r) => serviceLabel(r.service), 'minmax(12rem, 1.4fr)', { hiddenByDefault: true, raw: (r) => r.service, rawHeader: 'loggedByService' }),
];
