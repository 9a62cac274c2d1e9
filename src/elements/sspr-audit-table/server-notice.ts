import { html, nothing } from 'lit';
import { formatList } from '../../i18n/format.js';
import { msg, str } from '../../i18n/msg.js';

export interface ServerNoticeModel {
  /** Facet labels set but not pushed to the endpoint. */
  unpushed: string[];
  /** What the endpoint cannot do for this query ("filter events by date"). */
  inMemory: string[];
  /** Optional parts Graph refused (`$top`, facet keys), with their labels for facets. */
  refused: { name: string; label: string }[];
  loaded: string;
  /** More pages exist: the rows in memory are not the whole report. */
  more: boolean;
}

/**
 * Server mode says what it did in memory instead of at the endpoint, so a partial view is never taken
 * for the whole period: "Graph cannot filter events by date: done here on the 1,000 rows loaded so far."
 */
export function renderServerNotice(m: ServerNoticeModel) {
  const refusedFilters = m.refused.filter((r) => r.name !== '$top').map((r) => r.label);
  const things = [
    ...m.inMemory,
    ...[...m.unpushed, ...refusedFilters].map((label) => msg(str`filter on ${label}`)),
  ];
  const topRefused = m.refused.some((r) => r.name === '$top');
  if (!things.length && !topRefused) return nothing;
  return html`<p part="status" class="notice">
    ${things.length
      ? inMemoryText(formatList(things, 'disjunction'), refusedFilters.length > 0, m.loaded, m.more)
      : nothing}
    ${topRefused ? msg(html`Graph refused the page size (<code>$top</code>), so pages come in its default size.`) : nothing}
  </p>`;
}

function inMemoryText(things: string, refused: boolean, loaded: string, more: boolean): string {
  const cannot = refused ? msg(str`Graph cannot ${things} (it refused the filter)`) : msg(str`Graph cannot ${things}`);
  return more
    ? msg(str`${cannot}: done here on the ${loaded} rows loaded so far; more rows follow as you scroll.`)
    : msg(str`${cannot}: done here on the ${loaded} rows loaded so far.`);
}
