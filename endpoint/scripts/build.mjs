#!/usr/bin/env node
// `npm run build -w endpoint`: dist/cli.js (the bin) and dist/index.js (the API), from src/.
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { endpointRoot, nodeBuildOptions } from './esbuild-options.mjs';

await build({
  ...nodeBuildOptions,
  entryPoints: { cli: path.join(endpointRoot, 'src/cli.ts'), index: path.join(endpointRoot, 'src/index.ts') },
  outdir: path.join(endpointRoot, 'dist'),
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
await chmod(path.join(endpointRoot, 'dist/cli.js'), 0o755);
