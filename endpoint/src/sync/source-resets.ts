/**
 * userPasswordResetsAndChangesSummary (beta): one row per UTC day, upserted by day, so the latest
 * count Graph gives for a day replaces the earlier ones and days Graph no longer returns are kept.
 */
import { ROUTES } from '../../../src/graph/types.js';
import type { PagedSource } from './paged-read.js';
import { MalformedRowError } from './sync-errors.js';
import { isInstant, isRecord, lastPerKey } from './rows.js';

interface DayRow {
  day: string;
  doc: Record<string, unknown>;
}

export function resetsSource(): PagedSource<DayRow> {
  return {
    source: 'userPasswordResetsAndChangesSummary',
    firstPath: () => ROUTES.userPasswordResetsAndChangesSummary,
    begin: async (_tx, state) => state,
    parse(raw, index) {
      if (!isRecord(raw) || !isInstant(raw.aggregatedDateTime)) {
        throw new MalformedRowError('userPasswordResetsAndChangesSummary', index, 'aggregatedDateTime');
      }
      return { day: new Date(raw.aggregatedDateTime).toISOString().slice(0, 10), doc: raw };
    },
    async store(tx, rows) {
      const { rows: written } = await tx.query<{ inserted: boolean }>(
        `INSERT INTO daily_resets (day, doc)
         SELECT r.day::date, r.doc FROM jsonb_to_recordset($1::jsonb) AS r(day text, doc jsonb)
         ON CONFLICT (day) DO UPDATE SET doc = EXCLUDED.doc WHERE daily_resets.doc <> EXCLUDED.doc
         RETURNING (xmax = 0) AS inserted`,
        [JSON.stringify(lastPerKey(rows, (r) => r.day))],
      );
      const inserted = written.filter((r) => r.inserted).length;
      return { inserted, changed: written.length - inserted };
    },
  };
}
