// Bundles the bench's TypeScript entries for Node, the way the endpoint's tests are bundled: one ESM
// file each, side by side (backend.mjs starts mock-server.mjs from its own folder).
import { build } from 'esbuild';
import path from 'node:path';
import { endpointRoot, nodeBuildOptions } from '../../scripts/esbuild-options.mjs';

export const ENTRIES = ['backend', 'budget-sync', 'mock-server'];

/** Builds the entries; returns the folder holding `<entry>.mjs`. */
export async function buildBench() {
  const outdir = path.join(endpointRoot, '../node_modules/.cache/sspr-endpoint-bench');
  await build({
    ...nodeBuildOptions,
    entryPoints: ENTRIES.map((name) => path.join(endpointRoot, 'bench', `${name}.ts`)),
    outdir,
    outExtension: { '.js': '.mjs' },
    external: [...nodeBuildOptions.external, 'node:*'],
  });
  return outdir;
}
