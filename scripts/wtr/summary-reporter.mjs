import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordCounts } from '../test-counts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Prints one plain closing line, "wtr: N passed, N failed, N skipped", after the default reporter:
 * CI reads it, and a file that fails to load counts as failed rather than vanishing from the total.
 */
export function summaryReporter() {
  let counts = { passed: 0, failed: 0, skipped: 0 };
  const walk = (suite) => {
    for (const t of suite.tests) counts[t.skipped ? 'skipped' : t.passed ? 'passed' : 'failed']++;
    suite.suites.forEach(walk);
  };
  return {
    onTestRunFinished({ sessions }) {
      counts = { passed: 0, failed: 0, skipped: 0 };
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        if (!s.passed) counts.failed += s.errors.length;
      }
    },
    stop() {
      recordCounts(root, 'wtr', counts);
      setImmediate(() =>
        process.stdout.write(`wtr: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`),
      );
    },
  };
}
