/**
 * userRegistrationDetails (v1.0, every user): pages into user_staging; when the read completes, one
 * transaction turns it into history: changed and vanished users' current versions end at the merge
 * time, new and changed users get a version from then, unchanged ones get Graph's latest doc (its
 * lastUpdatedDateTime) without a new version.
 */
import { ROUTES } from '../../../src/graph/types.js';
import { refusedPart } from '../../../src/reports/query-fallback.js';
import { contentHash, USER_STATE_OMITS } from '../store/content-hash.js';
import type { Queryable } from '../store/db.js';
import type { PagedSource } from './paged-read.js';
import { MalformedRowError } from './sync-errors.js';
import { isRecord, lastPerKey, nonEmptyString } from './rows.js';

interface UserRow {
  id: string;
  hash: string;
  doc: Record<string, unknown>;
}

/** Not documented for this route but in wide use; dropped for good once Graph refuses it. */
const UNDOCUMENTED_TOP = 999;

/**
 * The merge time: the run's, or just after the newest version when that is later (another replica's
 * clock ahead of this one), so a version never ends before it began.
 */
async function mergeTime(tx: Queryable, runAt: Date): Promise<string> {
  const { rows } = await tx.query<{ at: string }>(
    `SELECT greatest($1::timestamptz, max(valid_from) + interval '1 millisecond') AS at FROM user_versions`,
    [runAt.toISOString()],
  );
  return rows[0]!.at;
}

export function usersSource(runAt: Date): PagedSource<UserRow> {
  return {
    source: 'userRegistrationDetails',
    firstPath: (state) => (state.noTop ? ROUTES.userRegistrationDetails : `${ROUTES.userRegistrationDetails}?$top=${UNDOCUMENTED_TOP}`),
    async begin(tx, state) {
      await tx.query('DELETE FROM user_staging');
      return state;
    },
    parse(raw, index) {
      if (!isRecord(raw) || !nonEmptyString(raw.id)) throw new MalformedRowError('userRegistrationDetails', index, 'id');
      return { id: raw.id, hash: contentHash(raw, USER_STATE_OMITS), doc: raw };
    },
    async store(tx, rows) {
      await tx.query(
        `INSERT INTO user_staging (user_id, content_hash, doc)
         SELECT r.id, r.hash, r.doc FROM jsonb_to_recordset($1::jsonb) AS r(id text, hash text, doc jsonb)
         ON CONFLICT (user_id) DO UPDATE SET content_hash = EXCLUDED.content_hash, doc = EXCLUDED.doc`,
        [JSON.stringify(lastPerKey(rows, (r) => r.id))],
      );
      return {};
    },
    async complete(tx, state) {
      const at = await mergeTime(tx, runAt);
      const { rows } = await tx.query<{ changed: number; closed: number }>(
        `SELECT
           (SELECT count(*) FROM user_staging s JOIN user_versions v ON v.user_id = s.user_id AND v.valid_to IS NULL
             WHERE v.content_hash <> s.content_hash) AS changed,
           (SELECT count(*) FROM user_versions v WHERE v.valid_to IS NULL
             AND NOT EXISTS (SELECT 1 FROM user_staging s WHERE s.user_id = v.user_id)) AS closed`,
      );
      const { changed, closed } = rows[0]!;
      // A read that found nobody would close every user: more likely a fault upstream than an empty tenant.
      const { rows: staged } = await tx.query<{ n: number }>('SELECT count(*) AS n FROM user_staging');
      if (Number(staged[0]!.n) === 0 && Number(closed) > 0) {
        throw new Error(`Graph listed no users at all, which would close all ${closed} stored users; the store is left as it was`);
      }
      await tx.query(
        `UPDATE user_versions v SET valid_to = $1 WHERE v.valid_to IS NULL
           AND NOT EXISTS (SELECT 1 FROM user_staging s WHERE s.user_id = v.user_id AND s.content_hash = v.content_hash)`,
        [at],
      );
      await tx.query(
        `UPDATE user_versions v SET doc = s.doc FROM user_staging s
         WHERE v.valid_to IS NULL AND v.user_id = s.user_id AND v.content_hash = s.content_hash AND v.doc <> s.doc`,
      );
      const inserted = await tx.query(
        `INSERT INTO user_versions (user_id, valid_from, content_hash, doc)
         SELECT s.user_id, $1, s.content_hash, s.doc FROM user_staging s
         WHERE NOT EXISTS (SELECT 1 FROM user_versions v WHERE v.user_id = s.user_id AND v.valid_to IS NULL)`,
        [at],
      );
      await tx.query('DELETE FROM user_staging');
      return { counts: { inserted: inserted.affected - changed, changed, closed }, state };
    },
    refused(error, state) {
      return !state.noTop && refusedPart(error, [{ name: '$top' }]) ? { ...state, noTop: true } : undefined;
    },
  };
}
