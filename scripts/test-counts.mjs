// Each test runner records its counts here; `node scripts/test-counts.mjs` prints the total of this run
// as one plain closing line ("all: N passed, N failed, N skipped").
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dirOf = (root) => path.join(root, 'node_modules/.cache/test-counts');

export function recordCounts(root, runner, counts) {
  mkdirSync(dirOf(root), { recursive: true });
  writeFileSync(path.join(dirOf(root), `${runner}.json`), JSON.stringify(counts));
}

/** Forgets earlier runs' counts (called first by `npm test`). */
export function resetCounts(root) {
  rmSync(dirOf(root), { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  if (process.argv[2] === '--reset') {
    resetCounts(root);
  } else {
    const total = { passed: 0, failed: 0, skipped: 0 };
    for (const file of readdirSync(dirOf(root))) {
      const counts = JSON.parse(readFileSync(path.join(dirOf(root), file), 'utf8'));
      for (const key of Object.keys(total)) total[key] += counts[key];
    }
    console.log(`all: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  }
}
