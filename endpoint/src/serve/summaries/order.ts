/** Names Graph did not list are appended in code-unit order: the same on every database collation. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
