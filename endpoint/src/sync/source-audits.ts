/**
 * directoryAudits (v1.0) of the two services the SSPR reports read, in one request with `or`: the whole
 * retention the first time, then from the newest entry seen less an overlap (entries reach the log
 * late), upserted by Graph's id page by page.
 */
import { ROUTES, SSPR_AUDIT_SERVICES } from '../../../src/graph/types.js';
import { and, eq, ge, or, queryString } from '../../../src/reports/odata.js';
import type { PagedSource } from './paged-read.js';
import { MalformedRowError } from './sync-errors.js';
import { isInstant, isRecord, lastPerKey, nonEmptyString, toMillisecondInstant } from './rows.js';

interface AuditRow {
  id: string;
  at: string;
  service: string;
  doc: Record<string, unknown>;
}

/** How far before the newest entry seen the next read starts. */
export const AUDIT_OVERLAP_MS = 60 * 60_000;

/** directoryAudits' documented largest page. */
const AUDITS_TOP = 1000;

const SERVICES: readonly string[] = SSPR_AUDIT_SERVICES;

export function auditsSource(): PagedSource<AuditRow> {
  return {
    source: 'directoryAudits',
    firstPath(state) {
      const since = typeof state.since === 'string' ? ge('activityDateTime', new Date(state.since)) : undefined;
      const filter = and(or(...SERVICES.map((service) => eq('loggedByService', service))), since);
      return `${ROUTES.directoryAudits}${queryString({ filter, top: AUDITS_TOP })}`;
    },
    // The window is fixed when a read starts (a restart keeps it): entries stored by a read that
    // stopped halfway must not move it past the ones it had not reached.
    async begin(_tx, state) {
      const lastSeen = typeof state.lastSeen === 'string' ? Date.parse(state.lastSeen) : NaN;
      const { since: _, ...rest } = state;
      return Number.isNaN(lastSeen) ? rest : { ...rest, since: new Date(lastSeen - AUDIT_OVERLAP_MS).toISOString() };
    },
    parse(raw, index) {
      if (!isRecord(raw) || !nonEmptyString(raw.id)) throw new MalformedRowError('directoryAudits', index, 'id');
      if (!isInstant(raw.activityDateTime)) throw new MalformedRowError('directoryAudits', index, 'activityDateTime');
      const service = raw.loggedByService;
      // Should Graph ever ignore the service filter, other services' entries are not the reports'.
      if (typeof service !== 'string' || !SERVICES.includes(service)) return undefined;
      return { id: raw.id, at: toMillisecondInstant(raw.activityDateTime), service, doc: raw };
    },
    async store(tx, rows) {
      const { rows: written } = await tx.query<{ inserted: boolean }>(
        `INSERT INTO audits (audit_id, activity_at, service, doc)
         SELECT r.id, r.at::timestamptz, r.service, r.doc FROM jsonb_to_recordset($1::jsonb) AS r(id text, at text, service text, doc jsonb)
         ON CONFLICT (audit_id) DO UPDATE SET activity_at = EXCLUDED.activity_at, service = EXCLUDED.service, doc = EXCLUDED.doc
         WHERE audits.doc <> EXCLUDED.doc
         RETURNING (xmax = 0) AS inserted`,
        [JSON.stringify(lastPerKey(rows, (r) => r.id))],
      );
      const inserted = written.filter((r) => r.inserted).length;
      return { inserted, changed: written.length - inserted };
    },
    async complete(tx, state) {
      const { rows } = await tx.query<{ newest: string | null }>(
        `SELECT to_char(max(activity_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS newest FROM audits`,
      );
      const { since: _, ...rest } = state;
      return { state: rows[0]?.newest ? { ...rest, lastSeen: rows[0].newest } : rest };
    },
  };
}
