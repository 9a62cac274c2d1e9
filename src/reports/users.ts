import type { ReportClient } from '../client/index.js';
import { ROUTES } from '../graph/types.js';
import { bool, isRecord, str, strings, time } from './coerce.js';
import { pageRows, type PagedReportOptions } from './paged.js';
import type { UserRow } from './types.js';

/**
 * Reads a userRegistrationDetails row. The deprecated credentialUserRegistrationDetails spelling
 * (isRegistered, isEnabled, isCapable, authMethods) is read too, so an old proxy still renders.
 */
export function parseUser(raw: unknown, index: number): UserRow {
  const r = isRecord(raw) ? raw : {};
  return {
    id: str(r.id) || `user-${index}`,
    name: str(r.userDisplayName),
    upn: str(r.userPrincipalName),
    userType: str(r.userType),
    isAdmin: bool(r.isAdmin),
    ssprRegistered: bool(r.isSsprRegistered ?? r.isRegistered),
    ssprEnabled: bool(r.isSsprEnabled ?? r.isEnabled),
    ssprCapable: bool(r.isSsprCapable ?? r.isCapable),
    mfaRegistered: bool(r.isMfaRegistered),
    mfaCapable: bool(r.isMfaCapable),
    passwordlessCapable: bool(r.isPasswordlessCapable),
    methods: strings(r.methodsRegistered ?? r.authMethods),
    lastUpdated: time(r.lastUpdatedDateTime),
  };
}

/** Per-user registration details (v1.0 userRegistrationDetails), page by page. */
export function pageUsers(client: ReportClient, options: PagedReportOptions = {}) {
  return pageRows(client, ROUTES.userRegistrationDetails, parseUser, options);
}
