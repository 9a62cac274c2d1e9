import { html, nothing } from 'lit';

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
    ...[...m.unpushed, ...refusedFilters].map((label) => `filter on ${label}`),
  ];
  const topRefused = m.refused.some((r) => r.name === '$top');
  if (!things.length && !topRefused) return nothing;
  return html`<p part="status" class="notice">
    ${things.length
      ? html`Graph cannot ${things.join(' or ')}${refusedFilters.length ? ' (it refused the filter)' : ''}: done here on the ${m.loaded} rows loaded so far${m.more ? '; more rows follow as you scroll' : ''}.`
      : nothing}
    ${topRefused ? html`Graph refused the page size (<code>$top</code>), so pages come in its default size.` : nothing}
  </p>`;
}
