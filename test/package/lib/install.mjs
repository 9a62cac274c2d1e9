// Packs the library (its prepack builds it) and installs the tarball into a throwaway consumer
// project with npm, as a user would. The consumer lives under node_modules/.cache so that the
// frameworks the fixtures use (React, Vue, Angular, Vite, esbuild: the root's devDependencies)
// resolve from the repository's node_modules, while sspr-insights and its own dependencies resolve
// from the consumer's.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const run = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

export function packAndInstall(root) {
  const work = path.join(root, 'node_modules/.cache/sspr-package');
  rmSync(work, { recursive: true, force: true });
  const consumer = path.join(work, 'consumer');
  mkdirSync(consumer, { recursive: true });
  // prepack (the build) prints to stdout before npm's JSON report
  const output = run(['pack', '--json', '--pack-destination', work], root);
  const [packed] = JSON.parse(output.slice(output.lastIndexOf('[\n  {')));
  const tarball = path.join(work, packed.filename);
  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  run(['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', '--loglevel=error', tarball], consumer);
  return { work, consumer, tarball, files: packed.files.map((f) => f.path) };
}
