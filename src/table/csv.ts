import type { Column } from './columns.js';
import { yieldToPage } from './sort-permutation.js';
import { currentScope, withLocale } from '../i18n/scope.js';

/**
 * What makes a spreadsheet read a cell as a formula (OWASP CSV injection): a trigger — also its
 * full-width form, which some spreadsheets fold to ASCII — as the first character that is not blank
 * (spaces, NBSP, tabs and other white space are skipped when a cell is parsed), or a leading control.
 */
const FORMULA_START = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;

/**
 * Labels as the table shows them, in the reader's language ("Yes", "Ja", "是"), under translated headers;
 * or Graph's own values ("true", "sms") under Graph's property names, the same in every language.
 */
export type CsvValues = 'labels' | 'raw';

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled; a value
 * a spreadsheet would run as a formula gets a leading apostrophe (and is then quoted), so it stays text.
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const line = (fields: string[]) => `${fields.map(csvField).join(',')}\r\n`;

/**
 * The rows at `indices` as CSV — each column's label text under its label, in the language in effect
 * when called, or with `values: 'raw'` Graph's own values under Graph's names; dates in ISO 8601 UTC
 * either way — (UTF-8 with a byte-order mark so Excel reads accents, CRLF line ends),
 * built in slices that yield to the page so a 75,000-row export never freezes it.
 */
export async function toCsv<Row>(
  columns: Column<Row>[],
  rows: readonly Row[],
  indices: ArrayLike<number>,
  { onProgress, sliceRows = 1000, values = 'labels' }: { onProgress?: (done: number) => void; sliceRows?: number; values?: CsvValues } = {},
): Promise<Blob> {
  // One kind of value in every column, never a mix of labels and ids.
  const raw = values === 'raw';
  const cells = columns.map((c) => (raw ? c.raw : c.text));
  // The slices after the first run after a yield, outside the caller's language scope: keep it.
  const scope = currentScope();
  // Each slice is encoded to UTF-8 as it is built, so the final Blob is a copy, not one long encoding task.
  const encoder = new TextEncoder();
  const header = line(columns.map((c) => (raw ? c.rawHeader ?? c.key : c.label)));
  const parts: BlobPart[] = [encoder.encode(`\uFEFF${header}`) as Uint8Array<ArrayBuffer>];
  for (let start = 0; start < indices.length; start += sliceRows) {
    const end = Math.min(start + sliceRows, indices.length);
    const chunk = withLocale(scope, () => {
      let text = '';
      for (let i = start; i < end; i++) {
        const row = rows[indices[i]];
        text += line(cells.map((cell) => cell(row)));
      }
      return text;
    });
    parts.push(encoder.encode(chunk) as Uint8Array<ArrayBuffer>);
    onProgress?.(end);
    if (end < indices.length) await yieldToPage();
  }
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

/** `sspr-events-2026-11-22.csv` */
export function csvFilename(report: string, now = new Date()): string {
  return `sspr-${report}-${now.toISOString().slice(0, 10)}.csv`;
}

/** Hands the file to the browser's download. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
