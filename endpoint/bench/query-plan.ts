/**
 * The plan PostgreSQL chose for a served page: the collection's SQL captured as the route would run
 * it, then EXPLAIN ANALYZE'd on the same database, to tell an index walk from a scan and sort.
 */
import type { Queryable } from '../src/store/db.js';
import { userRegistrationDetailsRoute } from '../src/serve/collections.js';
import { serveSqlCollection } from '../src/serve/sql-collection.js';

export interface PlanSummary {
  /** The plan's node lines, without costs, e.g. "Limit → Index Scan using user_versions_current_name on user_versions". */
  nodes: string;
  executionMs: number;
  /** "rows=… loops=…" of the scan, and what its filter removed. */
  detail: string;
}

export async function usersPagePlan(db: Queryable, url: URL): Promise<PlanSummary> {
  const captured: { sql: string; params: readonly unknown[] }[] = [];
  const spy: Queryable = {
    query: (sql, params) => {
      captured.push({ sql, params: params ?? [] });
      return db.query(sql, params);
    },
  };
  await serveSqlCollection(spy, userRegistrationDetailsRoute('v1.0'), { url, now: new Date() });
  const { sql, params } = captured[0]!;
  const { rows } = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  const lines = rows.map((r) => r['QUERY PLAN']);
  const nodes = lines
    .filter((l) => /^\s*(->\s*)?[A-Z][A-Za-z ]+(\s+using\s+\S+)?(\s+on\s+\S+)?\s+\(cost/.test(l))
    .map((l) => l.replace(/^\s*(->\s*)?/, '').replace(/\s+\(cost.*$/, ''));
  const removed = lines.find((l) => /Rows Removed by Filter/.test(l))?.trim() ?? '';
  const scan = lines.find((l) => /Scan/.test(l)) ?? '';
  const actual = /actual time=[\d.]+\.\.[\d.]+ rows=([\d.]+) loops=(\d+)/.exec(scan);
  const executionMs = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? NaN);
  return { nodes: nodes.join(' → '), executionMs, detail: [actual ? `scan rows=${actual[1]} loops=${actual[2]}` : '', removed].filter(Boolean).join(', ') };
}
