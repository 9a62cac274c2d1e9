import { ReportError } from '../../../src/client/errors.js';
import type { WaitInfo } from '../../../src/client/client-options.js';
import type { ReportClient } from '../../../src/client/report-client.js';
import { isExpiredPageToken } from '../../../src/reports/query-fallback.js';
import type { Db, Queryable } from '../store/db.js';
import { loadCheckpoint, saveCheckpoint, type CheckpointState } from './checkpoint.js';
import type { SyncSource } from './sources.js';
import type { SourceCounts, SourceReport } from './types.js';

/** What a source's read runs with. */
export interface SourceContext {
  db: Db;
  client: ReportClient;
  now: () => Date;
  signal?: AbortSignal;
  /** Updated as pages are committed. */
  report: SourceReport;
  onWait: (wait: WaitInfo) => void;
  /** A failure the read recovered from (recorded, not fatal). */
  recovered: (error: unknown) => void;
}

/** One report read page by page into the store. */
export interface PagedSource<Row> {
  source: SyncSource;
  /** The first page's path, relative to the Graph root. */
  firstPath(state: CheckpointState): string;
  /** A read starts (or starts again): empties what an earlier one left; returns the read's state. */
  begin(tx: Queryable, state: CheckpointState): Promise<CheckpointState>;
  /** Throws MalformedRowError when `raw` is not one of the report's rows; undefined skips it. */
  parse(raw: unknown, index: number): Row | undefined;
  /** Writes a page, in the transaction that moves the checkpoint past it. */
  store(tx: Queryable, rows: Row[], state: CheckpointState): Promise<Partial<SourceCounts>>;
  /** After the last page, in its transaction: makes the read's rows the served ones. */
  complete?(tx: Queryable, state: CheckpointState): Promise<{ counts?: Partial<SourceCounts>; state?: CheckpointState }>;
  /** A 400 to the first page: the state of a query that avoids it (an undocumented option dropped), if any. */
  refused?(error: ReportError, state: CheckpointState): CheckpointState | undefined;
}

/** Reads started again after an expired page token, per run, before the source fails. */
export const MAX_RESTARTS = 3;

function addCounts(into: Partial<SourceCounts>, more: Partial<SourceCounts> | undefined): void {
  for (const [key, n] of Object.entries(more ?? {}) as [keyof SourceCounts, number][]) into[key] = (into[key] ?? 0) + n;
}

/** Stored relative to the Graph root, so a checkpoint outlives a change of the root's address. */
function relativeLink(client: ReportClient, link: string): string {
  return link.startsWith(`${client.endpoint}/`) ? link.slice(client.endpoint.length + 1) : link;
}

async function startRead<Row>(ctx: SourceContext, def: PagedSource<Row>, state: CheckpointState): Promise<CheckpointState> {
  return ctx.db.transaction(async (tx) => {
    const begun = await def.begin(tx, state);
    await saveCheckpoint(tx, def.source, { state: begun }, ctx.now());
    return begun;
  });
}

/**
 * Reads a source to its end: from the checkpoint's next link when an earlier run stopped mid-read,
 * else from the first page. Each page is stored with the checkpoint past it in one transaction, and
 * the last one with the merge, so a crash at any point neither loses nor doubles a page.
 */
export async function readPaged<Row>(ctx: SourceContext, def: PagedSource<Row>): Promise<void> {
  const checkpoint = await loadCheckpoint(ctx.db, def.source);
  const position = { onNextLink: false, state: checkpoint.state };
  let path: string;
  if (checkpoint.nextLink) {
    path = checkpoint.nextLink;
    ctx.report.resumed = position.onNextLink = true;
  } else {
    position.state = await startRead(ctx, def, position.state);
    path = def.firstPath(position.state);
  }
  for (;;) {
    try {
      await walk(ctx, def, path, position);
      return;
    } catch (error) {
      if (!(error instanceof ReportError)) throw error;
      // A stored link that Graph no longer answers (an expired token, a moved root, a 404): the read
      // can only start again — a run that kept failing on it would never recover.
      const deadLink = position.onNextLink && (isExpiredPageToken(error) || error.kind === 'not-found' || error.kind === 'bad-request');
      if (error.kind !== 'bad-request' && !deadLink) throw error;
      if (!position.onNextLink) {
        const next = def.refused?.(error, position.state);
        if (!next) throw error;
        position.state = await startRead(ctx, def, next);
        path = def.firstPath(position.state);
        continue;
      }
      if (!deadLink) throw error;
      // The link is dead: the read can only start again, now or in the next run.
      position.state = await startRead(ctx, def, position.state);
      if (ctx.report.restarts >= MAX_RESTARTS) throw error;
      ctx.report.restarts++;
      ctx.recovered(error);
      path = def.firstPath(position.state);
      position.onNextLink = false;
    }
  }
}

async function walk<Row>(ctx: SourceContext, def: PagedSource<Row>, path: string, position: { onNextLink: boolean; state: CheckpointState }): Promise<void> {
  const pages = ctx.client.pages<unknown>(path, { signal: ctx.signal, onWait: ctx.onWait })[Symbol.asyncIterator]();
  for (;;) {
    const next = await pages.next();
    if (next.done) return;
    const page = next.value;
    const rows = page.value.map((raw, i) => def.parse(raw, i)).filter((row): row is Row => row !== undefined);
    const last = page.nextLink === undefined;
    // The client yields a page whose next link it refused to follow, then throws: a page without a
    // link is the last one only when nothing follows.
    if (last) await pages.next();
    const delta: Partial<SourceCounts> = {};
    position.state = await ctx.db.transaction(async (tx) => {
      addCounts(delta, await def.store(tx, rows, position.state));
      const now = ctx.now();
      if (!last) {
        await saveCheckpoint(tx, def.source, { nextLink: relativeLink(ctx.client, page.nextLink!), state: position.state }, now);
        return position.state;
      }
      const done = await def.complete?.(tx, position.state);
      addCounts(delta, done?.counts);
      const state = done?.state ?? position.state;
      await saveCheckpoint(tx, def.source, { state }, now, now);
      return state;
    });
    ctx.report.pages++;
    ctx.report.read += page.value.length;
    addCounts(ctx.report, delta);
    position.onNextLink = true;
  }
}
