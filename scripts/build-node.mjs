// Bundles a TypeScript entry for Node (the mock server, the demo server, the benchmark driver), so
// Node 20 can run our TypeScript sources without a loader. Output goes under node_modules/.cache.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Builds `entry` (relative to the repository root) and returns the output file's path. */
export async function buildForNode(entry, name) {
  const outfile = path.join(root, 'node_modules/.cache/sspr-node', `${name}.mjs`);
  await build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
    tsconfig: path.join(root, 'tsconfig.json'),
  });
  return outfile;
}

/** Builds `entry` and imports it. */
export async function importForNode(entry, name) {
  return import(pathToFileURL(await buildForNode(entry, name)).href);
}
