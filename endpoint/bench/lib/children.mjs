// The bench's processes: each back end (and the budget run) in a child of its own, one after the
// other — the machine's cores go to one back end at a time.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';

/** Runs `<dir>/<entry>.mjs` with `args` and `--out`, and returns the JSON it wrote. */
export async function runChild(dir, entry, args) {
  const out = path.join(dir, `${entry}-${process.pid}-${Date.now()}.json`);
  // room for the tenant and a page's JSON at 500,000 users
  const child = spawn(process.execPath, ['--max-old-space-size=6144', path.join(dir, `${entry}.mjs`), ...args, `--out=${out}`], { stdio: 'inherit' });
  const [code, signal] = await once(child, 'exit');
  if (code !== 0) throw new Error(`${entry} ${args.join(' ')} failed (${signal ?? code})`);
  try {
    return JSON.parse(await readFile(out, 'utf8'));
  } finally {
    await rm(out, { force: true });
  }
}

export { postgresAnswers } from '../../scripts/postgres-answers.mjs';
