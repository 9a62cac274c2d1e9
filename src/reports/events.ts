import type { ReportClient } from '../client/index.js';
import { ROUTES } from '../graph/types.js';
import { bool, isRecord, str, time } from './coerce.js';
import { pageRows, type PagedReportOptions } from './paged.js';
import type { EventRow } from './types.js';

export function parseEvent(raw: unknown, index: number): EventRow {
  const r = isRecord(raw) ? raw : {};
  return {
    id: str(r.id) || `event-${index}`,
    time: time(r.eventDateTime),
    userName: str(r.userDisplayName),
    upn: str(r.userPrincipalName),
    feature: str(r.feature) || 'unknownFutureValue',
    method: str(r.authMethod) || 'unknownFutureValue',
    succeeded: bool(r.isSuccess),
    failureReason: str(r.failureReason),
  };
}

/** Graph's documented page limit for userEventsSummary. */
export const EVENTS_MAX_TOP = 1000;

/** Registration and reset events (beta userEventsSummary), page by page. */
export function pageEvents(client: ReportClient, options: PagedReportOptions = {}) {
  return pageRows(client, ROUTES.userEventsSummary, parseEvent, { top: EVENTS_MAX_TOP, ...options });
}
