// Result rows, their targets, and the Markdown table the bench prints and writes to bench/results.md.

/** median, min and max of a list of numbers. */
export function summarize(samples) {
  const sorted = samples.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return { n: 0 };
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { n: sorted.length, median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/**
 * A measured row. `target` is an upper bound in the row's unit; `note` explains how it was taken.
 * A row with no figure carries `status` instead ("not built yet", "failed: …"): never a made-up number.
 */
export function row(id, label, unit, samples, { target, note } = {}) {
  return { id, label, unit, samples, ...summarize(samples), target, note };
}

export function statusRow(id, label, status) {
  return { id, label, status };
}

const UNITS = {
  kB: (v) => `${(v / 1000).toFixed(1)} kB`,
  ms: (v) => (v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`),
  nodes: (v) => Math.round(v).toLocaleString('en-US'),
  MB: (v) => `${(v / 1e6).toFixed(1)} MB`,
  ratio: (v) => `${v.toFixed(2)}×`,
};

export function format(unit, value) {
  return value === undefined || !Number.isFinite(value) ? '–' : UNITS[unit](value);
}

/** How far the median is from the target, e.g. "OK: 2.1 kB under (86 % of target)". */
export function versusTarget(r) {
  if (r.target === undefined || r.median === undefined) return '';
  const diff = r.median - r.target;
  const share = `${Math.round((r.median / r.target) * 100)} % of target`;
  const amount = r.unit === 'ratio' ? `${Math.abs(diff).toFixed(2)}` : format(r.unit, Math.abs(diff));
  return diff <= 0 ? `OK: ${amount} under (${share})` : `OVER by ${amount} (${share})`;
}

/** The Markdown table of all rows. */
export function markdownTable(rows) {
  const lines = [
    '| measure | median | min | max | n | target | vs target |',
    '|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    if (r.status) {
      lines.push(`| ${r.label} | ${r.status} | | | | | |`);
      continue;
    }
    const spread = r.n > 1;
    lines.push(`| ${r.label} | ${format(r.unit, r.median)} | ${spread ? format(r.unit, r.min) : ''} | ${spread ? format(r.unit, r.max) : ''} | ${r.n} | ${r.target === undefined ? '' : `≤ ${format(r.unit, r.target)}`} | ${versusTarget(r)} |`);
  }
  return lines.join('\n');
}

/** The notes under the table: one line per row that has one. */
export function notes(rows) {
  return rows.filter((r) => r.note).map((r) => `- ${r.label}: ${r.note}`).join('\n');
}
