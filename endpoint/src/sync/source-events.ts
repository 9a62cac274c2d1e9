/**
 * userEventsSummary (beta; Graph keeps 30 days, read whole each run): pages into event_staging in the
 * order sent; at the end each event is keyed by its content and its occurrence among identical ones in
 * this read, so reading the window again adds only what is new, and two identical events stay two.
 */
import { ROUTES } from '../../../src/graph/types.js';
import { contentHash } from '../store/content-hash.js';
import type { PagedSource } from './paged-read.js';
import { MalformedRowError } from './sync-errors.js';
import { isInstant, isRecord, toMillisecondInstant } from './rows.js';

interface EventRow {
  hash: string;
  at: string;
  doc: Record<string, unknown>;
}

/** Graph's documented default and maximum for this route. */
const EVENTS_TOP = 1000;

export function eventsSource(): PagedSource<EventRow> {
  return {
    source: 'userEventsSummary',
    firstPath: () => `${ROUTES.userEventsSummary}?$top=${EVENTS_TOP}`,
    async begin(tx, state) {
      await tx.query('DELETE FROM event_staging');
      return state;
    },
    parse(raw, index) {
      if (!isRecord(raw) || !isInstant(raw.eventDateTime)) throw new MalformedRowError('userEventsSummary', index, 'eventDateTime');
      return { hash: contentHash(raw), at: toMillisecondInstant(raw.eventDateTime), doc: raw };
    },
    async store(tx, rows) {
      await tx.query(
        `INSERT INTO event_staging (ordinal, content_hash, event_at, doc)
         SELECT base.n + r.i, r.hash, r.at::timestamptz, r.doc
         FROM jsonb_to_recordset($1::jsonb) AS r(i integer, hash text, at text, doc jsonb),
              (SELECT coalesce(max(ordinal), 0) AS n FROM event_staging) AS base`,
        [JSON.stringify(rows.map((row, i) => ({ i: i + 1, ...row })))],
      );
      return {};
    },
    async complete(tx) {
      const { affected } = await tx.query(
        `INSERT INTO events (event_key, event_at, doc)
         SELECT content_hash || ':' || row_number() OVER (PARTITION BY content_hash ORDER BY ordinal), event_at, doc
         FROM event_staging
         ON CONFLICT (event_key) DO NOTHING`,
      );
      await tx.query('DELETE FROM event_staging');
      return { counts: { inserted: affected } };
    },
  };
}
