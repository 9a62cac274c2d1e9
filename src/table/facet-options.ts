import type { Facet } from './facets.js';

/**
 * The choices a facet's drop-down offers: every value seen, in a steady order (by value, so options do
 * not jump around while counts change under typing), with counts where they are known (client mode), plus the selected value even when no row has it, so an active filter stays
 * visible. A yes/no facet whose values are not known yet (server mode, or the Admin facet before the
 * admins are read) offers both answers.
 */
export function facetOptions<Row>(
  facet: Facet<Row>,
  seen: readonly string[],
  counts: Map<string, number> | undefined,
  selected: string | undefined,
  offerYesNo: boolean,
): { value: string; count?: number }[] {
  const values = new Set(seen);
  if (offerYesNo && /^is[A-Z]/.test(facet.key)) ['true', 'false'].forEach((v) => values.add(v));
  if (selected) values.add(selected);
  return [...values]
    .map((value) => ({ value, count: counts ? (counts.get(value) ?? 0) : undefined }))
    .sort((a, b) => a.value.localeCompare(b.value));
}
