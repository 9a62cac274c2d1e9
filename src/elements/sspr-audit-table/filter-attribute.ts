/**
 * The `filter` attribute: a JSON object of facet values, e.g. `{"isSsprCapable": true}`. A value that is
 * not valid JSON is reported in the console and ignored rather than breaking the element.
 */
export const filterConverter = {
  fromAttribute(value: string | null): Record<string, string | boolean> {
    if (!value) return {};
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, string | boolean>;
    } catch {
      /* reported below */
    }
    console.warn(`sspr-audit-table: the filter attribute must be a JSON object, e.g. {"isSsprCapable": true}; got ${value}`);
    return {};
  },
  toAttribute(value: Record<string, string | boolean>): string {
    return JSON.stringify(value);
  },
};

/** Facet values as the table compares them: strings (`true`/`false` for flags); empty values dropped. */
export function normalizeFilter(filter: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === '' || value === undefined || value === null) continue;
    out[key] = String(value);
  }
  return out;
}
