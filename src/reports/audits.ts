import type { ReportClient } from '../client/index.js';
import { ROUTES, SSPR_AUDIT_SERVICES } from '../graph/types.js';
import { isRecord, record, str, time } from './coerce.js';
import { and, eq, ge, or } from './odata.js';
import { pageRows, type PagedReportOptions } from './paged.js';
import { PERIOD_MS, type AuditRow, type Period } from './types.js';

export function parseAudit(raw: unknown, index: number): AuditRow {
  const r = isRecord(raw) ? raw : {};
  const initiator = record(r.initiatedBy);
  const user = record(initiator.user);
  const app = record(initiator.app);
  const targets = Array.isArray(r.targetResources) ? r.targetResources : [];
  const target = record(targets[0]);
  const details = Array.isArray(r.additionalDetails) ? r.additionalDetails.filter(isRecord) : [];
  return {
    id: str(r.id) || `audit-${index}`,
    service: str(r.loggedByService),
    time: time(r.activityDateTime),
    activity: str(r.activityDisplayName),
    status: str(r.result) || 'unknownFutureValue',
    reason: str(r.resultReason),
    initiatedBy: str(user.displayName) || str(user.userPrincipalName) || str(app.displayName) || str(app.appId),
    initiatedByUpn: str(user.userPrincipalName),
    target: str(target.displayName) || str(target.userPrincipalName),
    targetUpn: str(target.userPrincipalName),
    details: details.map((d) => ({ key: str(d.key), value: str(d.value) })),
  };
}

export interface AuditOptions extends PagedReportOptions {
  /** The logging services to read (default both of SSPR_AUDIT_SERVICES). */
  services?: readonly string[];
  /** Only entries in this period before `now`. */
  period?: Period;
  now?: number;
}

/**
 * The SSPR audit log (v1.0 directoryAudits logged by the self-service password service and, for
 * combined security-info registration, by Authentication Methods), newest first, page by page. The
 * service filter is always applied (both services unless `services` names one); any caller filter is
 * and-ed to it.
 */
export function pageAudits(client: ReportClient, options: AuditOptions = {}) {
  const { period, now = Date.now(), filter, services = SSPR_AUDIT_SERVICES, ...rest } = options;
  const since = period ? ge('activityDateTime', new Date(now - PERIOD_MS[period])) : undefined;
  return pageRows(client, ROUTES.directoryAudits, parseAudit, {
    orderBy: [['activityDateTime', 'desc']],
    top: 1000,
    ...rest,
    filter: and(or(...services.map((service) => eq('loggedByService', service))), since, filter),
  });
}
