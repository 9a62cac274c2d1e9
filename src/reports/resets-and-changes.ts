import type { PagingOptions, ReportClient } from '../client/index.js';
import { ROUTES } from '../graph/types.js';
import { count, isRecord, time } from './coerce.js';
import { malformed } from './malformed.js';
import { ge } from './odata.js';
import { pageRows } from './paged.js';
import { ALL_PERIODS, isExtendedPeriod, PERIOD_MS, type Period } from './types.js';

const DAY_MS = 86_400_000;

/** One day of userPasswordResetsAndChangesSummary: password resets and changes. */
export interface DailyResets {
  /**
   * Epoch ms of the UTC day's start. Graph's `aggregatedDateTime` "always represent[s] the entire day"
   * (its own example carries a time of day: it is floored to the day). NaN when Graph sent no parsable
   * date: such a row is never dropped, it comes last.
   */
  day: number;
  /** Successful self-service password resets (`passwordResetsSelfServiceCount`). */
  selfService: number;
  /** Password resets by an admin (`passwordResetsByAdminCount`). */
  byAdmin: number;
  /** Self-service password changes (`changePasswordSelfServiceCount`). */
  changes: number;
}

export interface ResetsAndChangesOptions extends PagingOptions {
  /** The instant the period ends at (epoch ms; default Date.now()). */
  now?: number;
}

const utcDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

/** Reads one row leniently: a missing or odd count is 0, an unparsable date a NaN day. */
export function parseDailyResets(raw: unknown): DailyResets {
  const r = isRecord(raw) ? raw : {};
  const at = time(r.aggregatedDateTime);
  return {
    day: Number.isFinite(at) ? utcDay(at) : NaN,
    selfService: count(r.passwordResetsSelfServiceCount),
    byAdmin: count(r.passwordResetsByAdminCount),
    changes: count(r.changePasswordSelfServiceCount),
  };
}

/** Oldest first, rows without a date last (each kept in its place otherwise). */
const byDay = (a: DailyResets, b: DailyResets): number =>
  Number.isNaN(a.day) ? (Number.isNaN(b.day) ? 0 : 1) : Number.isNaN(b.day) ? -1 : a.day - b.day;

/**
 * Reads a userPasswordResetsAndChangesSummary collection (`{value: [...]}`): one row per Graph row,
 * oldest day first, rows whose date does not parse last with `day` NaN (never dropped). Throws a
 * 'malformed' ReportError when the body is not a collection.
 */
export function parseResetsAndChanges(raw: unknown): DailyResets[] {
  if (!isRecord(raw) || !Array.isArray(raw.value)) throw malformed('daily password resets and changes', 'no value array');
  return raw.value.map(parseDailyResets).sort(byDay);
}

/**
 * The period's daily password resets (self-service and by admins) and self-service changes (beta
 * userPasswordResetsAndChangesSummary), following Graph's nextLinks. The period is the UTC days that
 * end with today's — 1 (today), 7 or 30 days — relative to `now`: one row per day, oldest first, a day
 * Graph did not return filled with zeros (so a chart has no gaps), rows Graph sent twice for a day
 * summed. Rows without a parsable date cannot be placed in the period, and are not dropped: they follow
 * the days, with `day` NaN.
 */
export async function fetchResetsAndChanges(
  client: ReportClient,
  period: Period,
  options: ResetsAndChangesOptions = {},
): Promise<DailyResets[]> {
  if (!ALL_PERIODS.includes(period)) throw new TypeError(`period must be one of ${ALL_PERIODS.join(', ')}`);
  const { now = Date.now(), ...request } = options;
  const today = utcDay(now);
  const days = PERIOD_MS[period] / DAY_MS;
  const first = today - (days - 1) * DAY_MS;
  const series: DailyResets[] = Array.from({ length: days }, (_, k) => ({ day: first + k * DAY_MS, selfService: 0, byAdmin: 0, changes: 0 }));
  const undated: DailyResets[] = [];
  // beyond Graph's 30 days, the reporting endpoint's date filter reaches into its history
  const filter = isExtendedPeriod(period) ? ge('aggregatedDateTime', new Date(first)) : undefined;
  for await (const page of pageRows(client, ROUTES.userPasswordResetsAndChangesSummary, parseDailyResets, { ...request, filter })) {
    for (const row of page.rows) {
      if (Number.isNaN(row.day)) {
        undated.push(row);
        continue;
      }
      const slot = series[(row.day - first) / DAY_MS];
      if (!slot) continue; // outside the period
      slot.selfService += row.selfService;
      slot.byAdmin += row.byAdmin;
      slot.changes += row.changes;
    }
  }
  return [...series, ...undated];
}
